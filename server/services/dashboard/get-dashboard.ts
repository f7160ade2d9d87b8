import type { Dashboard, DashboardQuery } from '../../../common/contracts/dashboard.ts';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../lib/actor.ts';
import { mayViewCommunityDashboard, mayViewDashboardSummary } from '../../policies/dashboard.ts';
import { enforce, isAllowed } from '../../policies/decision.ts';
import { countRecentActive, listParticipationSplits, listSeries, sumRange } from '../../queries/dashboard.ts';
import { findMeetingFigures, findQuestionFigures, listAskedRounds } from '../../queries/dashboard-details.ts';
import { findDashboardRules } from '../../queries/portfolio.ts';
import { loadVisibleCommunity } from '../communities/load-community.ts';
import type { ServiceDeps } from '../context.ts';
import { resolveRange, todayOf } from './range.ts';
import { suppressSmallGroups } from './suppress.ts';

type Period = Dashboard['current'];

const share = (part: number, whole: number): number | null => (whole > 0 ? Math.min(1, part / whole) : null);

/** One period's figures: the roll-up's sums and today's log, questions, meetings and response rates. */
async function periodFigures(
  db: Db,
  communityId: string,
  from: string,
  to: string,
  today: string,
): Promise<Period> {
  const [sums, questions, meetings, rounds] = await Promise.all([
    sumRange(db, communityId, { from, to, today }),
    findQuestionFigures(db, communityId, from, to),
    findMeetingFigures(db, communityId, from, to),
    listAskedRounds(db, communityId, from, to),
  ]);
  const { counts } = sums;
  const asked = rounds.reduce((sum, r) => sum + r.asked, 0);
  const answered = rounds.reduce((sum, r) => sum + r.answered, 0);
  return {
    from,
    to,
    joined: counts.joined,
    returning: counts.returning,
    left: counts.left,
    net: counts.joined - counts.left,
    membersAtEnd: sums.membersAtEnd,
    active: sums.active,
    participation: share(sums.active, sums.membersAtEnd),
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
    attendanceRate: meetings.held > 0 ? share(meetings.attendees / meetings.held, sums.membersAtEnd) : null,
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
  const [current, previous, recent, splits, series, rounds, rules] = await Promise.all([
    periodFigures(db, community.id, range.from, range.to, today),
    full ? periodFigures(db, community.id, range.previousFrom, range.previousTo, today) : null,
    countRecentActive(db, community.id, range.to, today),
    full ? listParticipationSplits(db, community.id, range.to, today) : null,
    full ? listSeries(db, community.id, { from: range.from, to: range.to, today }, range.bucket) : [],
    full ? listAskedRounds(db, community.id, range.from, range.to) : [],
    findDashboardRules(db),
  ]);
  const members = current.membersAtEnd;
  return {
    community: { slug: community.slug, name: community.name },
    summaryOnly: !full,
    today,
    bucket: range.bucket,
    logBeganAt: rules.activityLogBeganAt?.toISOString() ?? null,
    current,
    previous,
    members,
    active30: recent.active30,
    active90: recent.active90,
    participation30: share(recent.active30, members),
    participation90: share(recent.active90, members),
    byUnit: splits ? suppressSmallGroups(splits.byUnit) : [],
    byKind: splits ? suppressSmallGroups(splits.byKind) : [],
    series,
    rounds: rounds.map((r) => ({
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
