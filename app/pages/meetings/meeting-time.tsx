import { useLingui } from '@lingui/react';
import { Text } from '@mantine/core';
import { useMe } from '../../api/queries.ts';
import { timeRange, viewerZone, zonesDiffer } from '../../lib/dates.ts';

/** The zone the viewer reads times in: their profile's, else the browser's. */
export function useViewerZone(): string {
  const me = useMe();
  return viewerZone(me.data?.timeZone);
}

/**
 * A meeting's start and end in the viewer's zone, with the meeting's own zone beneath when its clocks
 * say something else ("15:00–16:00 in Europe/Paris").
 */
export function MeetingTime(props: {
  startsAt: string;
  endsAt: string;
  timeZone: string;
  size?: 'xs' | 'sm' | 'md';
}) {
  const { _ } = useLingui();
  const zone = useViewerZone();
  const differs = zonesDiffer(zone, props.timeZone, props.startsAt);
  return (
    <span className="meeting-time">
      <Text component="time" dateTime={props.startsAt} size={props.size ?? 'sm'} fw={550} display="block">
        {timeRange(props.startsAt, props.endsAt, zone)}
      </Text>
      {differs ? (
        <Text component="span" size="xs" c="dimmed" display="block">
          {_('meetings.time.inZone', {
            range: timeRange(props.startsAt, props.endsAt, props.timeZone),
            zone: props.timeZone.replace(/_/g, ' '),
          })}
        </Text>
      ) : null}
    </span>
  );
}
