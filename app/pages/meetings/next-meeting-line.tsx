import { Trans } from '@lingui/react';
import { Anchor, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { NextMeeting } from '../../api/types.ts';
import { momentIn } from '../../lib/dates.ts';
import { useViewerZone } from './meeting-time.tsx';

/** "Next meeting: Reading group, Tue, Dec 1, 3:00 PM" on a directory card. */
export function NextMeetingLine(props: { meeting: NextMeeting }) {
  const zone = useViewerZone();
  const { meeting } = props;
  return (
    <Text size="sm">
      <Trans
        id="meetings.nextMeeting.line"
        values={{ title: meeting.title, when: momentIn(meeting.startsAt, zone) }}
        components={{
          link: <Anchor component={Link} to={`/meetings/${meeting.id}`} inherit />,
          time: <time dateTime={meeting.startsAt} />,
        }}
      />
    </Text>
  );
}
