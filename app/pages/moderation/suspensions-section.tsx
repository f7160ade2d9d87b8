import { useLingui } from '@lingui/react';
import { Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { errorMessage } from '../../api/client.ts';
import { type Suspension, useLiftSuspensionMutation, useSuspensions } from '../../api/moderation.ts';
import { FormAlert } from '../../components/form-alert.tsx';
import { ItemList, PagedList } from '../../components/list-page/index.ts';
import { EmptyState } from '../../components/page-states.tsx';
import { PersonAvatar } from '../../components/person-avatar.tsx';
import { dateTime } from '../../lib/dates.ts';

function SuspensionRow(props: { suspension: Suspension }) {
  const { _ } = useLingui();
  const { suspension } = props;
  const liftSuspension = useLiftSuspensionMutation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const lift = async () => {
    setBusy(true);
    setError(null);
    try {
      await liftSuspension.mutateAsync(suspension.id);
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setBusy(false);
    }
  };
  const name = suspension.person.displayName;
  const by = suspension.suspendedBy?.displayName ?? _('moderation.common.formerMemberLower');
  return (
    <Paper withBorder p="sm" component="article" aria-label={_('moderation.suspensions.label', { name })}>
      <Group justify="space-between" gap="sm" wrap="wrap" align="flex-start">
        <Group gap="sm" wrap="nowrap" align="flex-start" style={{ minWidth: 0, flex: '1 1 240px' }}>
          <PersonAvatar name={name} photoUrl={suspension.person.photoUrl} size="md" />
          <Stack gap={2} style={{ minWidth: 0 }}>
            <Text fw={600}>{name}</Text>
            <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
              {suspension.reason}
            </Text>
            <Text size="xs" c="dimmed">
              {suspension.endsAt
                ? _('moderation.suspensions.byUntil', {
                    by,
                    date: dateTime(suspension.createdAt),
                    end: dateTime(suspension.endsAt),
                  })
                : _('moderation.suspensions.byUntilLifted', { by, date: dateTime(suspension.createdAt) })}
            </Text>
          </Stack>
        </Group>
        <Button size="compact-sm" variant="default" loading={busy} onClick={() => void lift()}>
          {_('moderation.suspensions.lift')}
        </Button>
      </Group>
      <FormAlert message={error} />
    </Paper>
  );
}

/** The suspensions in force in a community, each with a button to lift it. */
export function SuspensionsSection(props: { slug: string }) {
  const { _ } = useLingui();
  const suspensions = useSuspensions(props.slug);
  return (
    <PagedList
      query={suspensions}
      loadingLabel={_('moderation.suspensions.loading')}
      empty={
        <EmptyState title={_('moderation.suspensions.emptyTitle')}>
          {_('moderation.suspensions.emptyBody')}
        </EmptyState>
      }
      gap="sm"
      more={{ label: _('moderation.suspensions.loadMore'), align: 'stretch' }}
    >
      {(all) => <ItemList items={all}>{(suspension) => <SuspensionRow suspension={suspension} />}</ItemList>}
    </PagedList>
  );
}
