import { useLingui } from '@lingui/react';
import { Anchor, Card, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { type RsvpStatus, rsvpStatuses, rsvpStatusMessages } from '../../../common/enums.ts';
import { useRsvps } from '../../api/meetings.ts';
import type { Meeting } from '../../api/types.ts';
import { LoadError, PageLoader } from '../../components/page-states.tsx';

const order: RsvpStatus[] = ['going', 'waitlisted', 'maybe', 'not_going'];

/** Who answered what: going, on the wait list (in order), maybe, not going. */
export function ResponsesPanel(props: { meeting: Meeting }) {
  const { _ } = useLingui();
  const rsvps = useRsvps(props.meeting.id, props.meeting.abilities.seeResponses);
  return (
    <Card component="section" aria-labelledby="responses-title">
      <Title order={2} size="h3" id="responses-title" mb="sm">
        {_('meetings.responses.title')}
      </Title>
      {rsvps.isPending ? (
        <PageLoader label={_('meetings.responses.loading')} />
      ) : rsvps.isError ? (
        <LoadError error={rsvps.error} onRetry={() => void rsvps.refetch()} />
      ) : rsvps.data.length === 0 ? (
        <Text size="sm" c="dimmed">
          {_('meetings.responses.none')}
        </Text>
      ) : (
        <Stack gap="md">
          {order
            .filter((status) => rsvpStatuses.includes(status))
            .map((status) => {
              const people = rsvps.data.filter((entry) => entry.status === status);
              if (people.length === 0) return null;
              const id = `responses-${status}`;
              return (
                <div key={status}>
                  <Title order={3} size="h5" id={id} mb={4}>
                    {_('meetings.responses.group', {
                      status: _(rsvpStatusMessages[status]),
                      count: people.length,
                    })}
                  </Title>
                  <ol className="row-list" aria-labelledby={id}>
                    {people.map((entry) => (
                      <li key={entry.person.id}>
                        <Text size="sm" py={4}>
                          <Anchor component={Link} to={`/people/${entry.person.id}`} inherit>
                            {entry.person.displayName}
                          </Anchor>
                        </Text>
                      </li>
                    ))}
                  </ol>
                </div>
              );
            })}
        </Stack>
      )}
    </Card>
  );
}
