import { Button, Card, Group, Modal, Radio, Stack, Text, Textarea, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { z } from 'zod';
import {
  type CommunityStage,
  communityStageDescriptions,
  communityStageLabels,
  communityStages,
} from '../../../common/enums.ts';
import { shortMessageField } from '../../../common/fields.ts';
import { apiGet, apiSend } from '../../api/client.ts';
import { keys } from '../../api/queries.ts';
import type { CommunityHome, StageChange } from '../../api/types.ts';
import { FormAlert, StatusAlert } from '../../components/form-alert.tsx';
import { LoadError, PageLoader } from '../../components/page-states.tsx';
import { useFormState } from '../../hooks/use-form-state.ts';
import { dateTime, relativeTime } from '../../lib/dates.ts';
import { StageBadge } from './community-badges.tsx';

const stageSchema = z.object({ stage: z.enum(communityStages), note: shortMessageField });

function ChangeStageDialog(props: {
  home: CommunityHome;
  opened: boolean;
  onClose: () => void;
  onChanged: (stage: CommunityStage) => void;
}) {
  const { community } = props.home;
  const [stage, setStage] = useState<string>(community.stage);
  const [note, setNote] = useState('');
  const form = useFormState();
  const queryClient = useQueryClient();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const body = form.check(stageSchema, { stage, note });
    if (!body) return;
    if (body.stage === community.stage) {
      form.setMessage('Choose another stage than the current one.');
      return;
    }
    const done = await form.run(() => apiSend('POST', `/communities/${community.slug}/stage`, body));
    if (!done) return;
    await queryClient.invalidateQueries({ queryKey: keys.community(community.slug) });
    await queryClient.invalidateQueries({ queryKey: keys.communities });
    props.onChanged(body.stage);
  };
  return (
    <Modal opened={props.opened} onClose={props.onClose} title="Change the stage" centered size="lg">
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Stack gap="md">
          <FormAlert message={form.message} />
          <Radio.Group
            label="Stage"
            description="Where the community is in its life. Archiving makes it read-only."
            name="stage"
            value={stage}
            onChange={setStage}
            error={form.error('stage')}
          >
            <Stack gap="sm" mt="xs">
              {communityStages.map((s) => (
                <Radio
                  key={s}
                  value={s}
                  label={`${communityStageLabels[s]}${s === community.stage ? ' (current)' : ''}`}
                  description={communityStageDescriptions[s]}
                />
              ))}
            </Stack>
          </Radio.Group>
          <Textarea
            label="Note"
            description="Why the community moves on: members see it in the stage history."
            name="note"
            autosize
            minRows={2}
            maxRows={6}
            value={note}
            onChange={(event) => setNote(event.currentTarget.value)}
            error={form.error('note')}
          />
          {stage === 'archived' && community.stage !== 'archived' ? (
            <Text size="sm" c="red.8" fw={600}>
              An archived community is read-only: no one can join, post or change anything, until a
              coordinator brings it back.
            </Text>
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={form.busy} color={stage === 'archived' ? 'red' : undefined}>
              {stage === 'archived' ? 'Archive community' : 'Change stage'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function StageHistory(props: { slug: string }) {
  const stages = useQuery({
    queryKey: keys.communityStages(props.slug),
    queryFn: () => apiGet<StageChange[]>(`/communities/${props.slug}/stages`),
  });
  if (stages.isPending) return <PageLoader label="Loading the stage history…" />;
  if (stages.isError) return <LoadError error={stages.error} onRetry={() => void stages.refetch()} />;
  if (stages.data.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        No stage changes yet.
      </Text>
    );
  }
  return (
    <ol aria-label="Stage history" className="row-list">
      {stages.data.map((change) => (
        <li key={change.id}>
          <Stack gap={2} py="xs">
            <Text size="sm" fw={600}>
              {change.fromStage
                ? `${communityStageLabels[change.fromStage]} → ${communityStageLabels[change.toStage]}`
                : `Started as ${communityStageLabels[change.toStage].toLowerCase()}`}
            </Text>
            <Text size="xs" c="dimmed">
              <time dateTime={change.createdAt} title={dateTime(change.createdAt)}>
                {relativeTime(change.createdAt)}
              </time>
              {change.changedBy ? ` · by ${change.changedBy.displayName}` : ''}
            </Text>
            {change.note ? (
              <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                {change.note}
              </Text>
            ) : null}
          </Stack>
        </li>
      ))}
    </ol>
  );
}

/** The stage card: where the community is in its life, the history, and (for leaders) a change. */
export function StageSection(props: { home: CommunityHome }) {
  const { community, viewer } = props.home;
  const [open, setOpen] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  return (
    <Card component="section" aria-labelledby="stage-title">
      <Stack gap="sm">
        <Group justify="space-between" gap="xs">
          <Title order={2} size="h3" id="stage-title">
            Stage
          </Title>
          <StageBadge stage={community.stage} />
        </Group>
        <Text size="sm">{communityStageDescriptions[community.stage]}</Text>
        <StatusAlert message={status} />
        {viewer.canChangeStage ? (
          <Group>
            <Button
              variant="default"
              size="sm"
              onClick={() => {
                setStatus(null);
                setOpen(true);
              }}
            >
              Change stage
            </Button>
          </Group>
        ) : null}
        <Title order={3} size="h4" mt="xs">
          History
        </Title>
        <StageHistory slug={community.slug} />
      </Stack>
      <ChangeStageDialog
        key={community.stage}
        home={props.home}
        opened={open}
        onClose={() => setOpen(false)}
        onChanged={(stage) => {
          setOpen(false);
          setStatus(
            stage === 'archived'
              ? 'The community is archived: it is now read-only.'
              : `The community is now at the ${communityStageLabels[stage].toLowerCase()} stage.`,
          );
        }}
      />
    </Card>
  );
}
