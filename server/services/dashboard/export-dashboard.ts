import { type Dashboard, type DashboardQuery, othersSplitKey } from '../../../common/contracts/dashboard.ts';
import { type CsvCell, toCsv } from '../../../common/csv.ts';
import type { Actor } from '../../lib/actor.ts';
import { mayViewCommunityDashboard } from '../../policies/dashboard.ts';
import { enforce } from '../../policies/decision.ts';
import { loadVisibleCommunity } from '../communities/load-community.ts';
import type { ServiceDeps } from '../context.ts';
import { getDashboard } from './get-dashboard.ts';

type Period = Dashboard['current'];

/** The figures of a period, in the order of the CSV's rows (machine names: the file is for spreadsheets). */
function figuresOf(period: Period): [string, number | null][] {
  const k = period.knowledge;
  return [
    ['members_at_end', period.membersAtEnd],
    ['joined', period.joined],
    ['returning', period.returning],
    ['left', period.left],
    ['net', period.net],
    ['active_members', period.active],
    ['participation_rate', period.participation],
    ['threads', k.threads],
    ['replies', k.replies],
    ['reactions', k.reactions],
    ['questions', k.questions],
    ['questions_answered', k.answered],
    ['helpful_answers', k.helpful],
    ['median_hours_to_first_reply', k.medianFirstReplyHours],
    ['resources_added', k.resourcesAdded],
    ['resource_views', k.views],
    ['resource_downloads', k.downloads],
    ['i_used_this', k.uses],
    ['meetings_held', period.meetingsHeld],
    ['attendees', period.attendees],
    ['attendance_rate', period.attendanceRate],
    ['asked', period.asked],
    ['answered', period.answered],
    ['response_rate', period.responseRate],
  ];
}

/**
 * The dashboard as CSV (#17 §1): each figure for the range and the previous period, then the series,
 * the Ping and check-in rounds, then the splits (suppressed groups empty, as on the page). Only for those who see the whole dashboard.
 */
export async function exportDashboard(
  deps: ServiceDeps,
  actor: Actor,
  slug: string,
  query: DashboardQuery,
): Promise<string> {
  const { community, membership } = await loadVisibleCommunity(deps.database.db, actor, slug);
  enforce(mayViewCommunityDashboard(actor, community, membership));
  const dashboard = await getDashboard(deps, actor, slug, query);
  const previous = dashboard.previous
    ? new Map(figuresOf(dashboard.previous))
    : new Map<string, number | null>();
  const rows: CsvCell[][] = [
    ['range', 'from', dashboard.current.from, dashboard.previous?.from],
    ['range', 'to', dashboard.current.to, dashboard.previous?.to],
    ...figuresOf(dashboard.current).map(([name, value]): CsvCell[] => [
      'figure',
      name,
      value,
      previous.get(name),
    ]),
    ['figure', 'active_30_days', dashboard.active30, null],
    ['figure', 'active_90_days', dashboard.active90, null],
    ...dashboard.series.flatMap((point): CsvCell[][] => [
      [`${dashboard.bucket}:${point.date}`, 'members', point.members, null],
      [`${dashboard.bucket}:${point.date}`, 'joined', point.joined, null],
      [`${dashboard.bucket}:${point.date}`, 'left', point.left, null],
      [`${dashboard.bucket}:${point.date}`, 'active_members', point.active, null],
      [`${dashboard.bucket}:${point.date}`, 'threads', point.threads, null],
      [`${dashboard.bucket}:${point.date}`, 'replies', point.replies, null],
    ]),
    // The Pings' and check-ins' rounds, oldest first as charted: the response rates and their trend.
    ...dashboard.rounds.flatMap((round): CsvCell[][] => {
      const section = `${round.kind}:${round.opensAt.slice(0, 10)} ${round.title} (${round.round})`;
      return [
        [section, 'asked', round.asked, null],
        [section, 'answered', round.answered, null],
        [section, 'response_rate', round.rate, null],
      ];
    }),
    ...[
      ...dashboard.byUnit.map((s) => ['unit', s] as const),
      ...dashboard.byKind.map((s) => ['kind', s] as const),
    ].flatMap(([split, s]): CsvCell[][] => {
      const group = s.key === othersSplitKey ? othersSplitKey : (s.label ?? s.key ?? '-');
      return [
        [`${split}:${group}`, 'members', s.members, null],
        [`${split}:${group}`, 'active_30_days', s.active30, null],
        [`${split}:${group}`, 'active_90_days', s.active90, null],
      ];
    }),
  ];
  return toCsv(['section', 'figure', 'value', 'previous_period'], rows);
}
