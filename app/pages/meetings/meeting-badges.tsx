import { Badge } from '@mantine/core';
import {
  type MeetingKind,
  meetingKindLabels,
  type RsvpStatus,
  rsvpStatusLabels,
} from '../../../common/enums.ts';

/** "Workshop", "Conference" (a plain meeting needs no badge unless `always`). */
export function KindBadge(props: { kind: MeetingKind; always?: boolean }) {
  if (props.kind === 'meeting' && !props.always) return null;
  return (
    <Badge color="blue" variant="light" tt="none" size="sm">
      {meetingKindLabels[props.kind]}
    </Badge>
  );
}

export function CancelledBadge() {
  return (
    <Badge color="red" variant="light" tt="none" size="sm">
      Cancelled
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
  return (
    <Badge color={rsvpColors[props.status]} variant="light" tt="none" size="sm">
      You: {rsvpStatusLabels[props.status]}
    </Badge>
  );
}

/** "12 going · 3 on the wait list", with the capacity when there is one. */
export function goingText(going: number, capacity: number | null, waitlist: number): string {
  const seats = capacity === null ? `${going} going` : `${going} of ${capacity} places taken`;
  return waitlist > 0 ? `${seats} · ${waitlist} on the wait list` : seats;
}
