import { useLingui } from '@lingui/react';
import { Anchor, Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useMyOpenPings } from '../../api/pings.ts';
import { dateTime } from '../../lib/dates.ts';

/**
 * On the member's home, above everything else: the open Pings sent to them, each a link to answer it.
 * Nothing when there are none (or while they load).
 */
export function OpenPingsSection() {
  const { _ } = useLingui();
  const pings = useMyOpenPings();
  if (!pings.data || pings.data.length === 0) return null;
  return (
    <Card mb="lg" withBorder>
      <Stack gap="sm">
        <Title order={2} size="h3">
          {_('pings.home.title')}
        </Title>
        {pings.data.map((ping) => (
          <Group key={ping.id} justify="space-between" wrap="wrap" gap="xs">
            <Stack gap={2} style={{ minWidth: 0, flex: '1 1 16rem' }}>
              <Anchor component={Link} to={`/pings/${ping.id}`} fw={600}>
                {ping.question}
              </Anchor>
              <Text size="sm" c="dimmed">
                {_('pings.home.meta', { community: ping.community.name, closes: dateTime(ping.closesAt) })}
              </Text>
            </Stack>
            {ping.answered ? (
              <Badge variant="light" color="forest">
                {_('pings.home.answered')}
              </Badge>
            ) : (
              <Badge variant="light" color="yellow">
                {_('pings.home.waiting')}
              </Badge>
            )}
          </Group>
        ))}
      </Stack>
    </Card>
  );
}
