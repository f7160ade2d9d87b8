import { useLingui } from '@lingui/react';
import { Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import {
  type CommunityStage,
  communityStageDescriptionMessages,
  communityStageMessages,
} from '../../../common/enums.ts';
import { useStageHistory } from '../../api/communities.ts';
import type { CommunityHome } from '../../api/types.ts';
import { deferred } from '../../components/deferred.tsx';
import { StatusAlert } from '../../components/form-alert.tsx';
import { LoadError, PageLoader } from '../../components/page-states.tsx';
import { dateTime, relativeTime } from '../../lib/dates.ts';
import { StageBadge } from './community-badges.tsx';

// The dialog loads just after the page is drawn (see deferred.tsx): it brings zod and Mantine's Modal.
const ChangeStageDialog = deferred(async () => (await import('./change-stage-dialog.tsx')).ChangeStageDialog);

function StageHistory(props: { slug: string }) {
  const { _ } = useLingui();
  const stages = useStageHistory(props.slug);
  if (stages.isPending) return <PageLoader label={_('communities.stage.history.loading')} />;
  if (stages.isError) return <LoadError error={stages.error} onRetry={() => void stages.refetch()} />;
  if (stages.data.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {_('communities.stage.history.empty')}
      </Text>
    );
  }
  return (
    <ol aria-label={_('communities.stage.history.label')} className="row-list">
      {stages.data.map((change) => (
        <li key={change.id}>
          <Stack gap={2} py="xs">
            <Text size="sm" fw={600}>
              {change.fromStage
                ? `${_(communityStageMessages[change.fromStage])} → ${_(communityStageMessages[change.toStage])}`
                : _('communities.stage.history.started', {
                    stage: _(communityStageMessages[change.toStage]).toLowerCase(),
                  })}
            </Text>
            <Text size="xs" c="dimmed">
              <time dateTime={change.createdAt} title={dateTime(change.createdAt)}>
                {relativeTime(change.createdAt)}
              </time>
              {change.changedBy
                ? ` · ${_('communities.stage.history.by', { name: change.changedBy.displayName })}`
                : ''}
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
  const { _ } = useLingui();
  const { community, viewer } = props.home;
  const [open, setOpen] = useState(false);
  // The stage just chosen, for the confirmation (written when shown, in the language shown).
  const [changedTo, setChangedTo] = useState<CommunityStage | null>(null);
  const status =
    changedTo === null
      ? null
      : changedTo === 'archived'
        ? _('communities.stage.changed.archived')
        : _('communities.stage.changed.stage', { stage: _(communityStageMessages[changedTo]).toLowerCase() });
  return (
    <Card component="section" aria-labelledby="stage-title">
      <Stack gap="sm">
        <Group justify="space-between" gap="xs">
          <Title order={2} size="h3" id="stage-title">
            {_('communities.stage.title')}
          </Title>
          <StageBadge stage={community.stage} />
        </Group>
        <Text size="sm">{_(communityStageDescriptionMessages[community.stage])}</Text>
        <StatusAlert message={status} />
        {viewer.canChangeStage ? (
          <Group>
            <Button
              variant="default"
              size="sm"
              onClick={() => {
                setChangedTo(null);
                setOpen(true);
              }}
            >
              {_('communities.stage.change')}
            </Button>
          </Group>
        ) : null}
        <Title order={3} size="h4" mt="xs">
          {_('communities.stage.history.title')}
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
          setChangedTo(stage);
        }}
      />
    </Card>
  );
}
