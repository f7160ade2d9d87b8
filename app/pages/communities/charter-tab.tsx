import { Badge, Button, Card, Group, Modal, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { z } from 'zod';
import { type CharterSectionKey, charterSectionKeys, charterSectionTitles } from '../../../common/enums.ts';
import { charterSectionsField, shortMessageField } from '../../../common/fields.ts';
import { ApiError, apiGet, apiSend } from '../../api/client.ts';
import { keys } from '../../api/queries.ts';
import type { Charter } from '../../api/types.ts';
import { FormAlert, StatusAlert } from '../../components/form-alert.tsx';
import { LoadError, PageLoader } from '../../components/page-states.tsx';
import { Prose } from '../../components/prose.tsx';
import { useDocumentTitle } from '../../hooks/use-document-title.ts';
import { useFormState } from '../../hooks/use-form-state.ts';
import { dateTime, relativeTime } from '../../lib/dates.ts';
import { useCommunity } from './community-context.ts';

const charterSchema = z.object({
  sections: charterSectionsField,
  note: shortMessageField,
});

const sectionHints: Record<CharterSectionKey, string> = {
  objectives: 'What the community wants to learn or achieve together.',
  roles: 'Who does what: leaders, co-leaders, sponsors, members, and roles that rotate.',
  decisionMaking: 'How the community decides: consent, vote, or the leaders after listening.',
  participation: 'What members agree to when they join: respect, confidentiality, taking part.',
  conflictResolution: 'What happens when people disagree, and who helps.',
};

function versionLine(charter: Charter): string {
  const who = charter.editorName ? ` by ${charter.editorName}` : '';
  return `Version ${charter.version}, saved ${relativeTime(charter.createdAt)}${who}`;
}

function CharterSections(props: { charter: Charter | null; idPrefix: string }) {
  return (
    <Stack gap="lg">
      {charterSectionKeys.map((key) => (
        <section key={key} aria-labelledby={`${props.idPrefix}-${key}`}>
          <Title order={3} mb="xs" id={`${props.idPrefix}-${key}`}>
            {charterSectionTitles[key]}
          </Title>
          <Prose html={props.charter?.sectionsHtml[key]} empty="Not written yet." />
        </section>
      ))}
    </Stack>
  );
}

function CharterEditor(props: {
  slug: string;
  charter: Charter | null;
  onDone: (version: number) => void;
  onCancel: () => void;
}) {
  const { slug, charter } = props;
  const queryClient = useQueryClient();
  const empty = Object.fromEntries(charterSectionKeys.map((key) => [key, ''])) as Record<
    CharterSectionKey,
    string
  >;
  const [sections, setSections] = useState<Record<CharterSectionKey, string>>(charter?.sections ?? empty);
  const [note, setNote] = useState('');
  const [conflict, setConflict] = useState(false);
  const form = useFormState();
  const baseVersion = charter?.version ?? 0;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setConflict(false);
    const body = form.check(charterSchema, { sections, note });
    if (!body) return;
    const saved = await form.run(async () => {
      try {
        return await apiSend<Charter>('PUT', `/communities/${slug}/charter`, { ...body, baseVersion });
      } catch (error) {
        if (error instanceof ApiError && error.status === 409) setConflict(true);
        throw error;
      }
    });
    if (!saved) return;
    await queryClient.invalidateQueries({ queryKey: keys.community(slug) });
    props.onDone(saved.version);
  };

  const loadLatest = async () => {
    await queryClient.invalidateQueries({ queryKey: keys.community(slug) });
    props.onCancel();
  };

  return (
    <Card component="form" onSubmit={(event: FormEvent) => void submit(event)} noValidate>
      <Stack gap="md">
        <Title order={2} size="h3">
          Edit the charter
        </Title>
        <Text size="sm" c="dimmed">
          Editing version {baseVersion}. Markdown works: **bold**, _italic_, lists and [links](https://…).
          Saving makes a new version; earlier versions stay in the history.
        </Text>
        <FormAlert
          message={form.message}
          title={conflict ? 'Someone else saved the charter meanwhile' : undefined}
        >
          {conflict ? (
            <Stack gap="xs" mt="xs" align="flex-start">
              <Text size="sm">
                Your text is still here. Copy what you want to keep, then load the latest version and apply
                your changes to it.
              </Text>
              <Button size="xs" variant="white" color="red" onClick={() => void loadLatest()}>
                Load the latest version
              </Button>
            </Stack>
          ) : null}
        </FormAlert>
        {charterSectionKeys.map((key) => (
          <Textarea
            key={key}
            label={charterSectionTitles[key]}
            description={sectionHints[key]}
            name={`sections.${key}`}
            autosize
            minRows={4}
            maxRows={16}
            value={sections[key]}
            onChange={(event) => {
              const value = event.currentTarget.value;
              setSections((s) => ({ ...s, [key]: value }));
            }}
            error={form.error(`sections.${key}`)}
          />
        ))}
        <TextInput
          label="What changed"
          description="A short note for the version history."
          name="note"
          value={note}
          onChange={(event) => setNote(event.currentTarget.value)}
          error={form.error('note')}
        />
        <Group>
          <Button type="submit" loading={form.busy}>
            Save new version
          </Button>
          <Button variant="default" onClick={props.onCancel}>
            Cancel
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

function VersionHistory(props: { slug: string; currentVersion: number | undefined }) {
  const [viewing, setViewing] = useState<Charter | null>(null);
  const versions = useQuery({
    queryKey: keys.charterVersions(props.slug),
    queryFn: () => apiGet<Charter[]>(`/communities/${props.slug}/charter/versions`),
  });
  return (
    <Card component="section" aria-labelledby="charter-history-title">
      <Title order={2} size="h3" mb="sm" id="charter-history-title">
        Version history
      </Title>
      {versions.isPending ? (
        <PageLoader label="Loading the versions…" />
      ) : versions.isError ? (
        <LoadError error={versions.error} onRetry={() => void versions.refetch()} />
      ) : versions.data.length === 0 ? (
        <Text size="sm" c="dimmed">
          No versions yet.
        </Text>
      ) : (
        <ol className="row-list" aria-labelledby="charter-history-title">
          {versions.data.map((version) => (
            <li key={version.version}>
              <Group justify="space-between" wrap="wrap" gap="xs" py="xs">
                <Stack gap={2} style={{ minWidth: 0, flex: '1 1 220px' }}>
                  <Group gap="xs">
                    <Text size="sm" fw={600}>
                      Version {version.version}
                    </Text>
                    {version.version === props.currentVersion ? (
                      <Badge size="sm" color="forest" variant="light" tt="none">
                        Current
                      </Badge>
                    ) : null}
                  </Group>
                  <Text size="xs" c="dimmed">
                    <time dateTime={version.createdAt} title={dateTime(version.createdAt)}>
                      {relativeTime(version.createdAt)}
                    </time>
                    {version.editorName ? ` · ${version.editorName}` : ''}
                  </Text>
                  {version.note ? (
                    <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                      {version.note}
                    </Text>
                  ) : null}
                </Stack>
                <Button
                  size="xs"
                  variant="default"
                  onClick={() => setViewing(version)}
                  aria-label={`View version ${version.version}`}
                >
                  View
                </Button>
              </Group>
            </li>
          ))}
        </ol>
      )}
      <Modal
        opened={viewing !== null}
        onClose={() => setViewing(null)}
        title={viewing ? `Charter, version ${viewing.version}` : 'Charter version'}
        size="xl"
      >
        {viewing ? (
          <Stack gap="md">
            <Text size="sm" c="dimmed">
              {versionLine(viewing)}
              {viewing.note ? `: ${viewing.note}` : ''}
            </Text>
            <CharterSections charter={viewing} idPrefix="charter-version" />
          </Stack>
        ) : null}
      </Modal>
    </Card>
  );
}

/** /communities/:slug/charter: the five sections, the leaders' editor and the version history. */
export function CharterTab() {
  const { home, slug } = useCommunity();
  useDocumentTitle(`Charter · ${home.community.name}`);
  const { charter, viewer } = home;
  const [editing, setEditing] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  return (
    <Stack gap="lg">
      <StatusAlert message={status} />
      {editing ? (
        <CharterEditor
          slug={slug}
          charter={charter}
          onDone={(version) => {
            setEditing(false);
            setStatus(`Version ${version} of the charter is saved.`);
          }}
          onCancel={() => setEditing(false)}
        />
      ) : (
        <Card component="section" aria-labelledby="charter-title">
          <Group justify="space-between" align="flex-start" mb="md" gap="sm">
            <Stack gap={2}>
              <Title order={2} id="charter-title">
                Charter
              </Title>
              <Text size="sm" c="dimmed">
                {charter ? versionLine(charter) : 'No charter yet.'}
              </Text>
            </Stack>
            {viewer.canManage ? (
              <Button
                variant="default"
                onClick={() => {
                  setStatus(null);
                  setEditing(true);
                }}
              >
                Edit charter
              </Button>
            ) : null}
          </Group>
          <CharterSections charter={charter} idPrefix="charter" />
        </Card>
      )}
      <VersionHistory slug={slug} currentVersion={charter?.version} />
    </Stack>
  );
}
