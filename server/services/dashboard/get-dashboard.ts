import type { Dashboard, DashboardQuery } from '../../../common/contracts/dashboard.ts';
import type { Actor } from '../../lib/actor.ts';
import { mayViewCommunityDashboard, mayViewDashboardSummary } from '../../policies/dashboard.ts';
import { enforce, isAllowed } from '../../policies/decision.ts';
import {
  findDashboardTotals,
  findDashboardVersion,
  listParticipationSplits,
  listSeries,
  type PeriodTotals,
} from '../../queries/dashboard.ts';
import {
  type AskedRound,
  findMeetingFigures,
  findQuestionFigures,
  listAskedRounds,
  type MeetingFigures,
  type QuestionFigures,
} from '../../queries/dashboard-details.ts';
import { loadVisibleCommunity } from '../communities/load-community.ts';
import type { ServiceDeps } from '../context.ts';
import { cachedDashboardFigures, fiveMinutesOf } from './figures-cache.ts';
import { resolveRange, todayOf } from './range.ts';
import { suppressSmallGroups } from './suppress.ts';

type Period = Dashboard['current'];

const share = (part: number, whole: number): number | null => (whole > 0 ? Math.min(1, part / whole) : null);

/** One period's figures from its totals, questions, meetings and asked rounds. */
function periodOf(
  from: string,
  to: string,
  totals: PeriodTotals,
  questions: QuestionFigures,
  meetings: MeetingFigures,
  rounds: AskedRound[],
): Period {
  const { counts } = totals;
  const asked = rounds.reduce((sum, r) => sum + r.asked, 0);
  const answered = rounds.reduce((sum, r) => sum + r.answered, 0);
  return {
    from,
    to,
    joined: counts.joined,
    returning: counts.returning,
    left: counts.left,
    net: counts.joined - counts.left,
    membersAtEnd: totals.membersAtEnd,
    active: totals.active,
    participation: share(totals.active, totals.membersAtEnd),
    knowledge: {
      threads: counts.threads,
      replies: counts.replies,
      reactions: counts.reactions,
      questions: questions.questions,
      answered: questions.answered,
      helpful: questions.helpful,
      medianFirstReplyHours: questions.medianFirstReplyHours,
      resourcesAdded: counts.resources_added,
      views: counts.views,
      downloads: counts.downloads,
      uses: counts.uses,
    },
    meetingsHeld: meetings.held,
    attendees: meetings.attendees,
    attendanceRate: meetings.held > 0 ? share(meetings.attendees / meetings.held, totals.membersAtEnd) : null,
    asked,
    answered,
    responseRate: share(answered, asked),
  };
}

/**
 * A community's health dashboard (#17 §1) for a range of UTC days (the last 90 by default): the
 * period's figures and the previous period's, participation over 30 and 90 days and its splits by unit
 * and by kind of person (small groups suppressed), the series for the charts and the Ping and check-in
 * rounds. Members get the summary: this period's counts only.
 */
export async function getDashboard(
  deps: ServiceDeps,
  actor: Actor,
  slug: string,
  query: DashboardQuery,
  now: Date = new Date(),
): Promise<Dashboard> {
  const { db } = deps.database;
  const { community, membership } = await loadVisibleCommunity(db, actor, slug);
  const full = isAllowed(mayViewCommunityDashboard(actor, community, membership));
  if (!full) enforce(mayViewDashboardSummary(actor, community, membership));
  const today = todayOf(now);
  const range = resolveRange(query, today);
  const { from, to, previousFrom, previousTo } = range;
  // Seven statements in all, each covering both periods where it can (the pool runs them side by side).
  // The Ping and check-in rounds are read each time (one indexed statement): a new Ping or an anonymous
  // answer writes no event, so the version below would not see them. The rest is computed once for
  // every reader until the community's version moves.
  const [version, allRounds] = await Promise.all([
    findDashboardVersion(db, community.id),
    listAskedRounds(db, community.id, previousFrom, to),
  ]);
  const key = [community.id, from, to, previousFrom, previousTo, range.bucket, today, full, version];
  const [totals, questions, meetings, splits, series] = await cachedDashboardFigures(
    `dashboard:${key.join(':')}:${fiveMinutesOf(now)}`,
    () =>
      Promise.all([
        findDashboardTotals(db, community.id, { from, to, today, previousFrom, previousTo }),
        findQuestionFigures(db, community.id, previousFrom, to, from),
        findMeetingFigures(db, community.id, previousFrom, to, from),
        full ? listParticipationSplits(db, community.id, to, today) : null,
        full ? listSeries(db, community.id, { from, to, today }, range.bucket) : [],
      ]),
  );
  const startOfRange = Date.parse(`${from}T00:00:00Z`);
  const rounds = allRounds.filter((r) => r.opensAt.getTime() >= startOfRange);
  const previousRounds = allRounds.filter((r) => r.opensAt.getTime() < startOfRange);
  const current = periodOf(from, to, totals.current, questions.current, meetings.current, rounds);
  const members = current.membersAtEnd;
  const shownRounds = full ? rounds : [];
  return {
    community: { slug: community.slug, name: community.name },
    summaryOnly: !full,
    today,
    bucket: range.bucket,
    logBeganAt: totals.logBeganAt?.toISOString() ?? null,
    current,
    previous: full
      ? periodOf(
          previousFrom,
          previousTo,
          totals.previous,
          questions.previous,
          meetings.previous,
          previousRounds,
        )
      : null,
    members,
    active30: totals.active30,
    active90: totals.active90,
    participation30: share(totals.active30, members),
    participation90: share(totals.active90, members),
    byUnit: splits ? suppressSmallGroups(splits.byUnit) : [],
    byKind: splits ? suppressSmallGroups(splits.byKind) : [],
    series,
    rounds: shownRounds.map((r) => ({
      kind: r.kind,
      title: r.title,
      round: r.round,
      opensAt: r.opensAt.toISOString(),
      asked: r.asked,
      answered: r.answered,
      rate: share(r.answered, r.asked),
    })),
  };
}
