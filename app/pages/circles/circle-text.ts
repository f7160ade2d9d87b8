import type { useLingui } from '@lingui/react';
import type { CircleState } from '../../../common/enums.ts';
import type { MessageId } from '../../../common/i18n/message-id.ts';
import { dateOnly } from '../../lib/dates.ts';

export const circleStateLabels: Record<CircleState, MessageId> = {
  forming: 'circles.state.forming',
  active: 'circles.state.active',
  closed: 'circles.state.closed',
};

/** "8 Jan 2027 to 19 Feb 2027", in the reader's language. */
export function timeBoxText(
  _: ReturnType<typeof useLingui>['_'],
  circle: { startsOn: string; endsOn: string },
): string {
  return _('circles.list.timeBox', {
    start: dateOnly(`${circle.startsOn}T12:00:00`),
    end: dateOnly(`${circle.endsOn}T12:00:00`),
  });
}
