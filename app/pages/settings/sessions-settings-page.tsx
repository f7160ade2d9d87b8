import { Alert, Badge, Button, Card, Group, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiGet, apiSend, errorMessage } from '../../api/client.ts';
import { keys } from '../../api/queries.ts';
import type { Session } from '../../api/types.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { LoadError, PageLoader } from '../../components/page-states.tsx';
import { dateTime, relativeTime } from '../../lib/dates.ts';

/** A readable name for a browser from its user-agent string. */
function describeAgent(agent: string): string {
  if (!agent) return 'Unknown browser';
  const browser = /Edg\//.test(agent)
    ? 'Edge'
    : /Firefox\//.test(agent)
      ? 'Firefox'
      : /Chrome\/|Chromium\//.test(agent)
        ? 'Chrome'
        : /Safari\//.test(agent)
          ? 'Safari'
          : 'A browser';
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
  return system ? `${browser} on ${system}` : browser;
}

/** /settings/sessions: where you are signed in, and signing out the others. */
export function SessionsSettingsPage() {
  const queryClient = useQueryClient();
  const sessions = useQuery({ queryKey: keys.sessions, queryFn: () => apiGet<Session[]>('/auth/sessions') });
  const revoke = useMutation({
    mutationFn: (id: string) => apiSend('DELETE', `/auth/sessions/${id}`),
    onSettled: () => queryClient.invalidateQueries({ queryKey: keys.sessions }),
  });

  return (
    <>
      <PageHeader title="Sessions" description="The browsers and devices where you are signed in." />
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
                        This browser
                      </Badge>
                    ) : null}
                  </Group>
                  <Text size="sm" c="dimmed">
                    {session.ip || 'Unknown address'} · signed in {dateTime(session.createdAt)} · last active{' '}
                    {relativeTime(session.lastSeenAt)}
                  </Text>
                </Stack>
                {session.current ? null : (
                  <Button
                    variant="default"
                    size="sm"
                    loading={revoke.isPending && revoke.variables === session.id}
                    onClick={() => revoke.mutate(session.id)}
                    aria-label={`Sign out ${describeAgent(session.userAgent)}, last active ${relativeTime(session.lastSeenAt)}`}
                  >
                    Sign out
                  </Button>
                )}
              </Group>
            </Card>
          ))}
          {sessions.data.length === 1 ? (
            <Text size="sm" c="dimmed" component="li">
              You are signed in nowhere else.
            </Text>
          ) : null}
        </Stack>
      )}
    </>
  );
}
