import { useLingui } from '@lingui/react';
import { Badge } from '@mantine/core';
import {
  type MeetingKind,
  meetingKindMessages,
  type RsvpStatus,
  rsvpStatusMessages,
} from '../../../common/enums.ts';
import { i18n } from '../../i18n/i18n.ts';

/** "Workshop", "Conference" (a plain meeting needs no badge unless `always`). */
export function KindBadge(props: { kind: MeetingKind; always?: boolean }) {
  const { _ } = useLingui();
  if (props.kind === 'meeting' && !props.always) return null;
  return (
    <Badge color="blue" variant="light" tt="none" size="sm">
      {_(meetingKindMessages[props.kind])}
    </Badge>
  );
}

export function CancelledBadge() {
  const { _ } = useLingui();
  return (
    <Badge color="red" variant="light" tt="none" size="sm">
      {_('meetings.badges.cancelled')}
    </Badge>
  );
}

const rsvpColors: Record<RsvpStatus, string> = {
  going: 'forest',
  maybe: 'amber',
  not_going: 'gray',
  waitlisted: 'amber',
};

/** The viewer's own answer: "You: Going", "You: On the wait list". */
export function MyRsvpBadge(props: { status: RsvpStatus }) {
  const { _ } = useLingui();
  return (
    <Badge color={rsvpColors[props.status]} variant="light" tt="none" size="sm">
      {_('meetings.badges.you', { status: _(rsvpStatusMessages[props.status]) })}
    </Badge>
  );
}

/** "12 going · 3 on the wait list", with the capacity when there is one (in the language shown). */
export function goingText(going: number, capacity: number | null, waitlist: number): string {
  const seats =
    capacity === null
      ? i18n._('meetings.badges.going', { going })
      : i18n._('meetings.badges.placesTaken', { going, capacity });
  return waitlist > 0 ? i18n._('meetings.badges.waitlist', { seats, waitlist }) : seats;
}
