import { useLingui } from '@lingui/react';
import { Alert, Badge, Button, Card, Group, Stack, Text } from '@mantine/core';
import { useRevokeSessionMutation, useSessions } from '../../api/account.ts';
import { errorMessage } from '../../api/client.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { LoadError, PageLoader } from '../../components/page-states.tsx';
import { i18n } from '../../i18n/i18n.ts';
import { dateTime, relativeTime } from '../../lib/dates.ts';

/** A readable name for a browser from its user-agent string, in the language shown. */
function describeAgent(agent: string): string {
  if (!agent) return i18n._('settings.sessions.unknownBrowser');
  const browser = /Edg\//.test(agent)
    ? 'Edge'
    : /Firefox\//.test(agent)
      ? 'Firefox'
      : /Chrome\/|Chromium\//.test(agent)
        ? 'Chrome'
        : /Safari\//.test(agent)
          ? 'Safari'
          : i18n._('settings.sessions.aBrowser');
  const system = /Android/.test(agent)
    ? 'Android'
    : /iPhone|iPad/.test(agent)
      ? 'iOS'
      : /Mac OS X/.test(agent)
        ? 'macOS'
        : /Windows/.test(agent)
          ? 'Windows'
          : /Linux/.test(agent)
            ? 'Linux'
            : '';
  return system ? i18n._('settings.sessions.browserOn', { browser, system }) : browser;
}

/** /settings/sessions: where you are signed in, and signing out the others. */
export function SessionsSettingsPage() {
  const { _ } = useLingui();
  const sessions = useSessions();
  const revoke = useRevokeSessionMutation();

  return (
    <>
      <PageHeader title={_('settings.sessions.title')} description={_('settings.sessions.description')} />
      {revoke.isError ? (
        <Alert color="red" variant="light" role="alert" mb="md">
          {errorMessage(revoke.error)}
        </Alert>
      ) : null}
      {sessions.isPending ? (
        <PageLoader />
      ) : sessions.isError ? (
        <LoadError error={sessions.error} onRetry={() => void sessions.refetch()} />
      ) : (
        <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {sessions.data.map((session) => (
            <Card component="li" key={session.id} padding="md">
              <Group justify="space-between" wrap="wrap" gap="sm">
                <Stack gap={2}>
                  <Group gap="xs">
                    <Text fw={600}>{describeAgent(session.userAgent)}</Text>
                    {session.current ? (
                      <Badge variant="light" color="forest" tt="none">
                        {_('settings.sessions.current')}
                      </Badge>
                    ) : null}
                  </Group>
                  <Text size="sm" c="dimmed">
                    {_('settings.sessions.details', {
                      address: session.ip || _('settings.sessions.unknownAddress'),
                      signedIn: dateTime(session.createdAt),
                      lastActive: relativeTime(session.lastSeenAt),
                    })}
                  </Text>
                </Stack>
                {session.current ? null : (
                  <Button
                    variant="default"
                    size="sm"
                    loading={revoke.isPending && revoke.variables === session.id}
                    onClick={() => revoke.mutate(session.id)}
                    aria-label={_('settings.sessions.signOutLabel', {
                      browser: describeAgent(session.userAgent),
                      lastActive: relativeTime(session.lastSeenAt),
                    })}
                  >
                    {_('settings.sessions.signOut')}
                  </Button>
                )}
              </Group>
            </Card>
          ))}
          {sessions.data.length === 1 ? (
            <Text size="sm" c="dimmed" component="li">
              {_('settings.sessions.none')}
            </Text>
          ) : null}
        </Stack>
      )}
    </>
  );
}
