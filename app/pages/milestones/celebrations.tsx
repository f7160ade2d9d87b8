import { useLingui } from '@lingui/react';
import { Anchor, Card, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import type { WhatsNew } from '../../api/types.ts';
import { dateTime, relativeTime } from '../../lib/dates.ts';
import { useMilestoneLabel } from './milestone-label.ts';

/** On the member's home: milestones their communities reached in the last 30 days. Nothing when none. */
export function Celebrations(props: { celebrations: WhatsNew['celebrations'] }) {
  const { _ } = useLingui();
  const label = useMilestoneLabel();
  if (props.celebrations.length === 0) return null;
  return (
    <Card component="section" aria-labelledby="celebrations-title" withBorder>
      <Stack gap="xs">
        <Title order={3} size="h4" id="celebrations-title">
          {_('milestones.home.title')}
        </Title>
        <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {props.celebrations.map((milestone) => (
            <li key={milestone.id}>
              <Stack gap={2} py={4}>
                <Text size="sm">
                  <Anchor component={Link} to={`/communities/${milestone.community.slug}`} inherit fw={600}>
                    {milestone.community.name}
                  </Anchor>
                  {': '}
                  {label(milestone)} ·{' '}
                  <time dateTime={milestone.reachedAt} title={dateTime(milestone.reachedAt)}>
                    {relativeTime(milestone.reachedAt)}
                  </time>
                </Text>
                {milestone.note ? (
                  <Text size="sm" c="dimmed" fs="italic" style={{ overflowWrap: 'anywhere' }}>
                    “{milestone.note}”
                  </Text>
                ) : null}
              </Stack>
            </li>
          ))}
        </ul>
      </Stack>
    </Card>
  );
}
