import { useLingui } from '@lingui/react';
import { Alert, Anchor, Button, Stack, Text } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { notificationKindMessages } from '../../common/enums.ts';
import { errorMessage } from '../api/client.ts';
import { useUnsubscribe, useUnsubscribeLink } from '../api/unsubscribe.ts';
import { AuthCard } from '../components/auth-card.tsx';
import { PageLoader } from '../components/page-states.tsx';

/**
 * /unsubscribe/:token, from a notification email: says what the link stops and asks once, so a mail
 * scanner opening the link unsubscribes no one (the email program's one-click POST needs no page).
 */
export function UnsubscribePage() {
  const { _ } = useLingui();
  const token = useParams().token ?? '';
  const link = useUnsubscribeLink(token);
  const unsubscribe = useUnsubscribe(token);

  if (link.isPending) return <PageLoader label={_('notifications.unsubscribe.loading')} />;
  if (link.isError) {
    return (
      <AuthCard title={_('notifications.unsubscribe.title')}>
        <Stack gap="md">
          <Alert color="red" variant="light" role="alert">
            {errorMessage(link.error)}
          </Alert>
          <Anchor component={Link} to="/settings/notifications">
            {_('notifications.unsubscribe.settings')}
          </Anchor>
        </Stack>
      </AuthCard>
    );
  }
  const { scope, email, off, community } = link.data;
  const what =
    scope === 'all'
      ? _('notifications.unsubscribe.all', { email })
      : scope === 'digest'
        ? _('notifications.unsubscribe.digest', { email })
        : scope === 'community'
          ? _('notifications.unsubscribe.community', { email, community: community?.name ?? '' })
          : _('notifications.unsubscribe.kind', { email, kind: _(notificationKindMessages[scope]) });
  return (
    <AuthCard title={_('notifications.unsubscribe.title')}>
      <Stack gap="md">
        {off ? (
          <Alert color="forest" variant="light" role="status">
            {unsubscribe.isSuccess
              ? _('notifications.unsubscribe.done')
              : _('notifications.unsubscribe.already')}
          </Alert>
        ) : (
          <>
            <Text>{what}</Text>
            {unsubscribe.isError ? (
              <Alert color="red" variant="light" role="alert">
                {errorMessage(unsubscribe.error)}
              </Alert>
            ) : null}
            <Button onClick={() => unsubscribe.mutate()} loading={unsubscribe.isPending}>
              {_('notifications.unsubscribe.confirm')}
            </Button>
          </>
        )}
        <Text size="sm" c="dimmed">
          {scope === 'all' ? _('notifications.unsubscribe.securityStays') : null}{' '}
          <Anchor component={Link} to="/settings/notifications">
            {_('notifications.unsubscribe.settings')}
          </Anchor>
        </Text>
      </Stack>
    </AuthCard>
  );
}
