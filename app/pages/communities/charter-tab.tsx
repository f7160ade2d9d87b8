import { useLingui } from '@lingui/react';
import {
  Badge,
  Button,
  Card,
  Fieldset,
  Group,
  Modal,
  NativeSelect,
  NumberInput,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { z } from 'zod';
import { decisionProcessSchema } from '../../../common/contracts/communities.ts';
import { type CharterSectionKey, charterSectionKeys, charterSectionMessages } from '../../../common/enums.ts';
import { charterSectionsField, shortMessageField } from '../../../common/fields.ts';
import type { MessageId } from '../../../common/i18n/message-id.ts';
import { decisionProcesses } from '../../../common/succession-enums.ts';
import { ApiError } from '../../api/client.ts';
import { useCharterVersions, useReloadCommunity, useSaveCharterMutation } from '../../api/communities.ts';
import type { Charter } from '../../api/types.ts';
import { FormAlert, StatusAlert } from '../../components/form-alert.tsx';
import { LoadError, PageLoader } from '../../components/page-states.tsx';
import { Prose } from '../../components/prose.tsx';
import { useApiForm } from '../../hooks/use-api-form.ts';
import { useDocumentTitle } from '../../hooks/use-document-title.ts';
import { i18n } from '../../i18n/i18n.ts';
import { dateTime, relativeTime } from '../../lib/dates.ts';
import { decisionText, processLabels } from '../succession/succession-text.ts';
import { useCommunity } from './community-context.ts';

const charterSchema = z.object({
  sections: charterSectionsField,
  note: shortMessageField,
  decision: decisionProcessSchema,
});

/** The charter's decision process for choosing a new leader (#18 §1) before anyone changed it. */
const defaultDecision = { process: 'leaders' as const, objectionDays: 7, votingDays: 7 };

const sectionHints: Record<CharterSectionKey, MessageId> = {
  objectives: 'communities.charter.hint.objectives',
  roles: 'communities.charter.hint.roles',
  decisionMaking: 'communities.charter.hint.decisionMaking',
  participation: 'communities.charter.hint.participation',
  conflictResolution: 'communities.charter.hint.conflictResolution',
};

/** "Version 3, saved 2 days ago by Ann Lee", in the language shown. */
function versionLine(charter: Charter): string {
  const values = {
    version: charter.version,
    when: relativeTime(charter.createdAt),
    name: charter.editorName,
  };
  return charter.editorName
    ? i18n._('communities.charter.version.savedBy', values)
    : i18n._('communities.charter.version.saved', values);
}

function CharterSections(props: { charter: Charter | null; idPrefix: string }) {
  const { _ } = useLingui();
  return (
    <Stack gap="lg">
      {charterSectionKeys.map((key) => (
        <section key={key} aria-labelledby={`${props.idPrefix}-${key}`}>
          <Title order={3} mb="xs" id={`${props.idPrefix}-${key}`}>
            {_(charterSectionMessages[key])}
          </Title>
          <Prose html={props.charter?.sectionsHtml[key]} empty={_('communities.charter.notWritten')} />
        </section>
      ))}
      <section aria-labelledby={`${props.idPrefix}-succession`}>
        <Title order={3} mb="xs" id={`${props.idPrefix}-succession`}>
          {_('succession.charter.title')}
        </Title>
        <Text>{decisionText(_, props.charter?.decision ?? defaultDecision)}</Text>
      </section>
    </Stack>
  );
}

function CharterEditor(props: {
  slug: string;
  charter: Charter | null;
  onDone: (version: number) => void;
  onCancel: () => void;
}) {
  const { _ } = useLingui();
  const { slug, charter } = props;
  const save = useSaveCharterMutation(slug);
  const reload = useReloadCommunity(slug);
  const empty = Object.fromEntries(charterSectionKeys.map((key) => [key, ''])) as Record<
    CharterSectionKey,
    string
  >;
  const { field, message, busy, submit } = useApiForm({
    initialValues: {
      sections: charter?.sections ?? empty,
      note: '',
      decision: charter?.decision ?? defaultDecision,
    },
    schema: charterSchema,
  });
  const [conflict, setConflict] = useState(false);
  const baseVersion = charter?.version ?? 0;

  const saveVersion = submit(
    async (body) => {
      try {
        return await save.mutateAsync({ ...body, baseVersion });
      } catch (error) {
        if (error instanceof ApiError && error.status === 409) setConflict(true);
        throw error;
      }
    },
    (saved) => props.onDone(saved.version),
  );

  const loadLatest = async () => {
    await reload();
    props.onCancel();
  };

  return (
    <Card
      component="form"
      onSubmit={(event: FormEvent) => {
        setConflict(false);
        saveVersion(event);
      }}
      noValidate
    >
      <Stack gap="md">
        <Title order={2} size="h3">
          {_('communities.charter.editor.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {_('communities.charter.editor.intro', { version: baseVersion })}
        </Text>
        <FormAlert
          message={message}
          title={conflict ? _('communities.charter.editor.conflict.title') : undefined}
        >
          {conflict ? (
            <Stack gap="xs" mt="xs" align="flex-start">
              <Text size="sm">{_('communities.charter.editor.conflict.text')}</Text>
              <Button size="xs" variant="white" color="red" onClick={() => void loadLatest()}>
                {_('communities.charter.editor.conflict.loadLatest')}
              </Button>
            </Stack>
          ) : null}
        </FormAlert>
        {charterSectionKeys.map((key) => (
          <Textarea
            key={key}
            label={_(charterSectionMessages[key])}
            description={_(sectionHints[key])}
            name={`sections.${key}`}
            autosize
            minRows={4}
            maxRows={16}
            {...field(`sections.${key}`)}
          />
        ))}
        <Fieldset legend={_('succession.charter.title')}>
          <NativeSelect
            label={_('succession.charter.process')}
            name="decision.process"
            data={decisionProcesses.map((process) => ({
              value: process,
              label: _(processLabels[process]),
            }))}
            {...field('decision.process')}
          />
          <Group gap="sm" wrap="wrap">
            <NumberInput
              label={_('succession.charter.objectionDays')}
              name="decision.objectionDays"
              min={0}
              max={30}
              {...field('decision.objectionDays')}
            />
            <NumberInput
              label={_('succession.charter.votingDays')}
              name="decision.votingDays"
              min={1}
              max={30}
              {...field('decision.votingDays')}
            />
          </Group>
        </Fieldset>
        <TextInput
          label={_('communities.charter.editor.note')}
          description={_('communities.charter.editor.noteDescription')}
          name="note"
          {...field('note')}
        />
        <Group>
          <Button type="submit" loading={busy}>
            {_('communities.charter.editor.submit')}
          </Button>
          <Button variant="default" onClick={props.onCancel}>
            {_('common.action.cancel')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

function VersionHistory(props: { slug: string; currentVersion: number | undefined }) {
  const { _ } = useLingui();
  const [viewing, setViewing] = useState<Charter | null>(null);
  const versions = useCharterVersions(props.slug);
  return (
    <Card component="section" aria-labelledby="charter-history-title">
      <Title order={2} size="h3" mb="sm" id="charter-history-title">
        {_('communities.charter.history.title')}
      </Title>
      {versions.isPending ? (
        <PageLoader label={_('communities.charter.history.loading')} />
      ) : versions.isError ? (
        <LoadError error={versions.error} onRetry={() => void versions.refetch()} />
      ) : versions.data.length === 0 ? (
        <Text size="sm" c="dimmed">
          {_('communities.charter.history.empty')}
        </Text>
      ) : (
        <ol className="row-list" aria-labelledby="charter-history-title">
          {versions.data.map((version) => (
            <li key={version.version}>
              <Group justify="space-between" wrap="wrap" gap="xs" py="xs">
                <Stack gap={2} style={{ minWidth: 0, flex: '1 1 220px' }}>
                  <Group gap="xs">
                    <Text size="sm" fw={600}>
                      {_('communities.charter.version.number', { version: version.version })}
                    </Text>
                    {version.version === props.currentVersion ? (
                      <Badge size="sm" color="forest" variant="light" tt="none">
                        {_('communities.charter.history.current')}
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
                  aria-label={_('communities.charter.history.viewVersion', { version: version.version })}
                >
                  {_('communities.charter.history.view')}
                </Button>
              </Group>
            </li>
          ))}
        </ol>
      )}
      <Modal
        opened={viewing !== null}
        onClose={() => setViewing(null)}
        title={
          viewing
            ? _('communities.charter.history.dialogTitle', { version: viewing.version })
            : _('communities.charter.history.dialogTitleNone')
        }
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
  const { _ } = useLingui();
  const { home, slug } = useCommunity();
  useDocumentTitle(`${_('communities.tabs.charter')} · ${home.community.name}`);
  const { charter, viewer } = home;
  const [editing, setEditing] = useState(false);
  // The version just saved, for the confirmation (written when shown, in the language shown).
  const [savedVersion, setSavedVersion] = useState<number | null>(null);
  const status =
    savedVersion === null ? null : _('communities.charter.savedStatus', { version: savedVersion });
  return (
    <Stack gap="lg">
      <StatusAlert message={status} />
      {editing ? (
        <CharterEditor
          slug={slug}
          charter={charter}
          onDone={(version) => {
            setEditing(false);
            setSavedVersion(version);
          }}
          onCancel={() => setEditing(false)}
        />
      ) : (
        <Card component="section" aria-labelledby="charter-title">
          <Group justify="space-between" align="flex-start" mb="md" gap="sm">
            <Stack gap={2}>
              <Title order={2} id="charter-title">
                {_('communities.charter.title')}
              </Title>
              <Text size="sm" c="dimmed">
                {charter ? versionLine(charter) : _('communities.charter.none')}
              </Text>
            </Stack>
            {viewer.canManage ? (
              <Button
                variant="default"
                onClick={() => {
                  setSavedVersion(null);
                  setEditing(true);
                }}
              >
                {_('communities.charter.edit')}
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
