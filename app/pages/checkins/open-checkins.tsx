import { useLingui } from '@lingui/react';
import { Anchor, Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useMyOpenCheckins } from '../../api/surveys.ts';
import { dateTime } from '../../lib/dates.ts';

/**
 * On the member's home (loaded after the page): the open check-ins sent to them, each a link to answer
 * it. Nothing when there are none (or while they load).
 */
export function OpenCheckinsSection() {
  const { _ } = useLingui();
  const checkins = useMyOpenCheckins();
  if (!checkins.data || checkins.data.length === 0) return null;
  return (
    <Card mb="lg" withBorder component="section" aria-labelledby="open-checkins-title">
      <Stack gap="sm">
        <Title order={2} size="h3" id="open-checkins-title">
          {_('checkins.home.title')}
        </Title>
        {checkins.data.map((checkin) => (
          <Group key={checkin.id} justify="space-between" wrap="wrap" gap="xs">
            <Stack gap={2} style={{ minWidth: 0, flex: '1 1 16rem' }}>
              <Anchor component={Link} to={`/checkins/${checkin.id}`} fw={600}>
                {checkin.title}
              </Anchor>
              <Text size="sm" c="dimmed">
                {_('checkins.home.meta', {
                  community: checkin.community.name,
                  closes: dateTime(checkin.closesAt),
                })}
              </Text>
            </Stack>
            <Badge variant="light" color={checkin.answered ? 'forest' : 'yellow'}>
              {checkin.answered ? _('checkins.answered') : _('checkins.waiting')}
            </Badge>
          </Group>
        ))}
      </Stack>
    </Card>
  );
}
