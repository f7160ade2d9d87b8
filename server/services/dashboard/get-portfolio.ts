import {
  type Portfolio,
  type PortfolioFlag,
  type PortfolioQuery,
  type PortfolioRow,
  portfolioPageSize,
} from '../../../common/contracts/dashboard.ts';
import type { Actor } from '../../lib/actor.ts';
import { mayViewPortfolio } from '../../policies/dashboard.ts';
import { enforce } from '../../policies/decision.ts';
import type { PortfolioRow as Row } from '../../queries/portfolio.ts';
import { findDashboardRules, listInstitutionReach, listPortfolioRows } from '../../queries/portfolio.ts';
import type { ServiceDeps } from '../context.ts';
import { addDays, todayOf } from './range.ts';
import { shortCached } from './short-cache.ts';
import { suppressSmallReach } from './suppress.ts';

const share = (part: number | null, whole: number | null) =>
  part !== null && whole !== null && whole > 0 ? Math.min(1, part / whole) : null;

/**
 * The flags (#17 §4), each by its documented rule: dormant = no member active (posting, replying,
 * reacting, attending, answering, adding or using a resource) for `dormantDays` days, counted from the
 * community's creation when nobody ever was; leaderless = no leader or co-leader; growing = members up
 * by at least `growingPercent` per cent against 30 days before (from nothing: any growth). Archived
 * communities carry no flag.
 */
export function flagsOf(
  row: Row,
  rules: { dormantDays: number; growingPercent: number },
  today: string,
): PortfolioFlag[] {
  if (row.stage === 'archived') return [];
  const flags: PortfolioFlag[] = [];
  const quietSince = addDays(today, -rules.dormantDays);
  const lastActive = row.lastActiveDay ?? row.createdAt.toISOString().slice(0, 10);
  if (lastActive <= quietSince) flags.push('dormant');
  if (row.leaders === 0) flags.push('leaderless');
  if (row.membersBefore !== null) {
    const growth = row.members - row.membersBefore;
    if (growth > 0 && growth * 100 >= rules.growingPercent * row.membersBefore) flags.push('growing');
  }
  return flags;
}

function presentRow(row: Row, flags: PortfolioFlag[]): PortfolioRow {
  const participation = share(row.active30, row.membersAtFigures);
  const before = share(row.active30Before, row.membersBefore);
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    stage: row.stage,
    unitName: row.unitName,
    members: row.members,
    participation,
    trend: participation !== null && before !== null ? participation - before : null,
    lastActiveDay: row.lastActiveDay,
    lastMeetingAt: row.lastMeetingAt?.toISOString() ?? null,
    openRequests: row.openRequests,
    flags,
  };
}

const sorters: Record<PortfolioQuery['sort'], (row: PortfolioRow) => number | string> = {
  name: (row) => row.name.toLowerCase(),
  members: (row) => row.members,
  participation: (row) => row.participation ?? -1,
  trend: (row) => row.trend ?? -2,
  lastMeeting: (row) => row.lastMeetingAt ?? '',
  requests: (row) => row.openRequests,
};

/**
 * The coordinators' portfolio (#17 §4): every community with its stage, size, participation and its
 * trend, last meeting, open support requests and flags, filtered and sorted as asked, a page of
 * `portfolioPageSize` when a page is asked for (the web page; the term report and the CSV take every
 * one); the totals of every flag; the institution's reach (staff and students in at least one
 * community, by unit).
 */
export async function getPortfolio(
  deps: ServiceDeps,
  actor: Actor,
  query: PortfolioQuery,
  now: Date = new Date(),
): Promise<Portfolio> {
  enforce(mayViewPortfolio(actor));
  const { db } = deps.database;
  const today = todayOf(now);
  const rules = await findDashboardRules(db);
  // The rows with their flags are shared by every coordinator for a minute (and anew when the rules change).
  const [all, reach] = await Promise.all([
    shortCached(db, `portfolio ${today} ${rules.dormantDays} ${rules.growingPercent}`, 60_000, async () =>
      (await listPortfolioRows(db, today)).map((row) => presentRow(row, flagsOf(row, rules, today))),
    ),
    shortCached(db, 'reach', 300_000, async () => suppressSmallReach(await listInstitutionReach(db))),
  ]);
  const needle = query.q?.toLowerCase();
  const shown = all.filter(
    (row) =>
      (!query.flag || row.flags.includes(query.flag)) &&
      (!query.stage || row.stage === query.stage) &&
      (!needle || row.name.toLowerCase().includes(needle)),
  );
  const key = sorters[query.sort];
  const direction = query.order === 'desc' ? -1 : 1;
  shown.sort((a, b) => {
    const [x, y] = [key(a), key(b)];
    return (x < y ? -1 : x > y ? 1 : a.name.localeCompare(b.name)) * direction;
  });
  const count = (flag: PortfolioFlag) => all.filter((row) => row.flags.includes(flag)).length;
  return {
    today,
    rules: { dormantDays: rules.dormantDays, growingPercent: rules.growingPercent },
    totals: {
      communities: all.length,
      dormant: count('dormant'),
      leaderless: count('leaderless'),
      growing: count('growing'),
      openRequests: all.reduce((sum, row) => sum + row.openRequests, 0),
    },
    reach,
    shown: shown.length,
    page: query.page ?? null,
    pageSize: portfolioPageSize,
    communities:
      query.page === undefined
        ? shown
        : shown.slice((query.page - 1) * portfolioPageSize, query.page * portfolioPageSize),
  };
}
