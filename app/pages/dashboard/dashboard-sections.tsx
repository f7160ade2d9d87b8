import { useLingui } from '@lingui/react';
import { Table, Text } from '@mantine/core';
import { type Dashboard, othersSplitKey, type SplitRow } from '../../../common/contracts/dashboard.ts';
import type { PersonKind } from '../../../common/enums.ts';
import type { MessageId } from '../../../common/i18n/message-id.ts';
import { dateOnly } from '../../lib/dates.ts';
import { formatNumber } from '../../lib/format.ts';
import { ChartWithTable, count, type FigureRow, FigureTable, percent, Section } from './dashboard-parts.tsx';

type Props = { data: Dashboard };

const kindLabels: Record<PersonKind, MessageId> = {
  staff: 'dashboard.kind.staff',
  student: 'dashboard.kind.student',
  external: 'dashboard.kind.external',
};
type Period = Dashboard['current'];

/** The figure of the current and the previous period, side by side. */
function pair(data: Dashboard, pick: (period: Period) => string) {
  return { value: pick(data.current), previous: data.previous ? pick(data.previous) : undefined };
}

/** Participation over 30 and 90 days, in the range, and split by unit and by kind of person. */
export function ParticipationSection({ data }: Props) {
  const { _ } = useLingui();
  const rows: FigureRow[] = [
    {
      label: _('dashboard.participation.rate30'),
      value: `${percent(data.participation30)} (${count(data.active30)} / ${count(data.members)})`,
      how: _('dashboard.how.rate30'),
    },
    {
      label: _('dashboard.participation.rate90'),
      value: `${percent(data.participation90)} (${count(data.active90)} / ${count(data.members)})`,
      how: _('dashboard.how.rate90'),
    },
    {
      label: _('dashboard.participation.inRange'),
      ...pair(data, (p) => `${percent(p.participation)} (${count(p.active)})`),
      how: _('dashboard.how.inRange'),
    },
  ];
  return (
    <Section
      id="dashboard-participation"
      title={_('dashboard.participation.title')}
      intro={_('dashboard.how.active')}
    >
      <FigureTable
        caption={_('dashboard.participation.caption')}
        rows={rows}
        withPrevious={!data.summaryOnly}
      />
      {data.series.length > 0 ? (
        <ChartWithTable
          kind="bar"
          caption={_('dashboard.series.activeCaption')}
          rows={data.series}
          dataKey="date"
          formatKey={dayText}
          dataLabel={data.bucket === 'week' ? _('dashboard.series.week') : _('dashboard.series.day')}
          series={{ key: 'active', label: _('dashboard.series.active') }}
          columns={[
            { key: 'active', label: _('dashboard.series.active') },
            { key: 'threads', label: _('dashboard.knowledge.threads') },
            { key: 'replies', label: _('dashboard.knowledge.replies') },
          ]}
        />
      ) : null}
      {data.summaryOnly ? null : (
        <>
          <SplitTable caption={_('dashboard.split.byUnit')} rows={data.byUnit} kindLabels={false} />
          <SplitTable caption={_('dashboard.split.byKind')} rows={data.byKind} kindLabels />
          <Text size="xs" c="dimmed">
            {_('dashboard.how.suppression')}
          </Text>
        </>
      )}
    </Section>
  );
}

/** A day of the series ('2026-09-09') as the language shown writes it. */
const dayText = (day: string) => dateOnly(`${day}T12:00:00Z`);

function SplitTable(props: { caption: string; rows: SplitRow[]; kindLabels: boolean }) {
  const { _ } = useLingui();
  const labelOf = (row: SplitRow) => {
    if (row.key === othersSplitKey) return _('dashboard.split.others');
    const kind = props.kindLabels ? kindLabels[row.key as PersonKind] : undefined;
    if (kind) return _(kind);
    return row.label ?? _('dashboard.split.noUnit');
  };
  if (props.rows.length === 0) return null;
  return (
    <Table.ScrollContainer minWidth={300}>
      <Table withTableBorder striped verticalSpacing={4}>
        <Table.Caption>{props.caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{_('dashboard.split.group')}</Table.Th>
            <Table.Th scope="col">{_('dashboard.split.members')}</Table.Th>
            <Table.Th scope="col">{_('dashboard.participation.rate30')}</Table.Th>
            <Table.Th scope="col">{_('dashboard.participation.rate90')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {props.rows.map((row) => (
            <Table.Tr key={row.key ?? 'none'}>
              <Table.Th scope="row" fw={400}>
                {labelOf(row)}
              </Table.Th>
              {row.suppressed ? (
                <Table.Td colSpan={3}>{_('dashboard.split.suppressed')}</Table.Td>
              ) : (
                <>
                  <Table.Td>{count(row.members)}</Table.Td>
                  <Table.Td>{percent(row.members ? (row.active30 ?? 0) / row.members : null)}</Table.Td>
                  <Table.Td>{percent(row.members ? (row.active90 ?? 0) / row.members : null)}</Table.Td>
                </>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** Members over time: joined, left, net, new versus returning. */
export function MembersSection({ data }: Props) {
  const { _ } = useLingui();
  const rows: FigureRow[] = [
    {
      label: _('dashboard.members.atEnd'),
      ...pair(data, (p) => count(p.membersAtEnd)),
      how: _('dashboard.how.members'),
    },
    {
      label: _('dashboard.members.joined'),
      ...pair(data, (p) => count(p.joined)),
      how: _('dashboard.how.joined'),
    },
    {
      label: _('dashboard.members.new'),
      ...pair(data, (p) => count(p.joined - p.returning)),
      how: _('dashboard.how.new'),
    },
    {
      label: _('dashboard.members.returning'),
      ...pair(data, (p) => count(p.returning)),
      how: _('dashboard.how.returning'),
    },
    { label: _('dashboard.members.left'), ...pair(data, (p) => count(p.left)), how: _('dashboard.how.left') },
    {
      label: _('dashboard.members.net'),
      ...pair(data, (p) => formatNumber(p.net, { signDisplay: 'exceptZero' })),
      how: _('dashboard.how.net'),
    },
  ];
  return (
    <Section id="dashboard-members" title={_('dashboard.members.title')}>
      <FigureTable caption={_('dashboard.members.caption')} rows={rows} withPrevious={!data.summaryOnly} />
      {data.series.length > 0 ? (
        <ChartWithTable
          kind="line"
          caption={_('dashboard.series.membersCaption')}
          rows={data.series}
          dataKey="date"
          formatKey={dayText}
          dataLabel={data.bucket === 'week' ? _('dashboard.series.week') : _('dashboard.series.day')}
          series={{ key: 'members', label: _('dashboard.members.atEnd') }}
          columns={[
            { key: 'members', label: _('dashboard.members.atEnd') },
            { key: 'joined', label: _('dashboard.members.joined') },
            { key: 'left', label: _('dashboard.members.left') },
          ]}
        />
      ) : null}
    </Section>
  );
}

/** Knowledge sharing: threads, replies, helpful answers, time to a first reply, resources. */
export function SharingSection({ data }: Props) {
  const { _ } = useLingui();
  const k = (pick: (knowledge: Period['knowledge']) => number | null) =>
    pair(data, (p) => count(pick(p.knowledge)));
  const hours = (value: number | null) =>
    value === null ? '–' : _('dashboard.hours', { hours: formatNumber(value, { maximumFractionDigits: 1 }) });
  const rows: FigureRow[] = [
    { label: _('dashboard.knowledge.threads'), ...k((x) => x.threads), how: _('dashboard.how.threads') },
    { label: _('dashboard.knowledge.replies'), ...k((x) => x.replies), how: _('dashboard.how.replies') },
    {
      label: _('dashboard.knowledge.reactions'),
      ...k((x) => x.reactions),
      how: _('dashboard.how.reactions'),
    },
    {
      label: _('dashboard.knowledge.questions'),
      ...k((x) => x.questions),
      how: _('dashboard.how.questions'),
    },
    { label: _('dashboard.knowledge.answered'), ...k((x) => x.answered), how: _('dashboard.how.answered') },
    { label: _('dashboard.knowledge.helpful'), ...k((x) => x.helpful), how: _('dashboard.how.helpful') },
    {
      label: _('dashboard.knowledge.firstReply'),
      ...pair(data, (p) => hours(p.knowledge.medianFirstReplyHours)),
      how: _('dashboard.how.firstReply'),
    },
    {
      label: _('dashboard.knowledge.resourcesAdded'),
      ...k((x) => x.resourcesAdded),
      how: _('dashboard.how.resourcesAdded'),
    },
    { label: _('dashboard.knowledge.views'), ...k((x) => x.views), how: _('dashboard.how.views') },
    {
      label: _('dashboard.knowledge.downloads'),
      ...k((x) => x.downloads),
      how: _('dashboard.how.downloads'),
    },
    { label: _('dashboard.knowledge.uses'), ...k((x) => x.uses), how: _('dashboard.how.uses') },
  ];
  return (
    <Section id="dashboard-sharing" title={_('dashboard.knowledge.title')}>
      <FigureTable caption={_('dashboard.knowledge.caption')} rows={rows} withPrevious={!data.summaryOnly} />
    </Section>
  );
}

/** Meetings held and their attendance; Ping and check-in response rates and their trend. */
export function MeetingsAndAsking({ data }: Props) {
  const { _ } = useLingui();
  const rows: FigureRow[] = [
    {
      label: _('dashboard.meetings.held'),
      ...pair(data, (p) => count(p.meetingsHeld)),
      how: _('dashboard.how.held'),
    },
    {
      label: _('dashboard.meetings.attendees'),
      ...pair(data, (p) => count(p.attendees)),
      how: _('dashboard.how.attendees'),
    },
    {
      label: _('dashboard.meetings.rate'),
      ...pair(data, (p) => percent(p.attendanceRate)),
      how: _('dashboard.how.attendanceRate'),
    },
    {
      label: _('dashboard.asking.rate'),
      ...pair(data, (p) => `${percent(p.responseRate)} (${count(p.answered)} / ${count(p.asked)})`),
      how: _('dashboard.how.responseRate'),
    },
  ];
  const rounds = data.rounds.map((r) => ({
    label: `${dateOnly(r.opensAt)} · ${r.kind === 'ping' ? _('dashboard.asking.ping') : _('dashboard.asking.round', { round: r.round })} · ${r.title}`,
    rate: Math.round((r.rate ?? 0) * 100),
    asked: r.asked,
    answered: r.answered,
  }));
  return (
    <Section id="dashboard-meetings" title={_('dashboard.meetings.title')}>
      <FigureTable caption={_('dashboard.meetings.caption')} rows={rows} withPrevious={!data.summaryOnly} />
      {rounds.length > 0 ? (
        <ChartWithTable
          kind="line"
          caption={_('dashboard.asking.trendCaption')}
          rows={rounds}
          dataKey="label"
          dataLabel={_('dashboard.asking.question')}
          series={{ key: 'rate', label: _('dashboard.asking.ratePercent') }}
          columns={[
            { key: 'rate', label: _('dashboard.asking.ratePercent'), format: (v) => `${formatNumber(v)} %` },
            { key: 'answered', label: _('dashboard.asking.answered') },
            { key: 'asked', label: _('dashboard.asking.asked') },
          ]}
        />
      ) : null}
    </Section>
  );
}
