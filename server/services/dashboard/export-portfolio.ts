import type { PortfolioQuery } from '../../../common/contracts/dashboard.ts';
import { toCsv } from '../../../common/csv.ts';
import type { Actor } from '../../lib/actor.ts';
import type { ServiceDeps } from '../context.ts';
import { getPortfolio } from './get-portfolio.ts';

/** The portfolio as CSV (#17 §4): the communities as filtered and sorted, one row each. */
export async function exportPortfolio(
  deps: ServiceDeps,
  actor: Actor,
  query: PortfolioQuery,
): Promise<string> {
  const portfolio = await getPortfolio(deps, actor, { ...query, page: undefined });
  return toCsv(
    [
      'name',
      'slug',
      'stage',
      'unit',
      'members',
      'participation_30_days',
      'trend',
      'last_active_day',
      'last_meeting',
      'open_requests',
      'flags',
    ],
    portfolio.communities.map((row) => [
      row.name,
      row.slug,
      row.stage,
      row.unitName,
      row.members,
      row.participation,
      row.trend,
      row.lastActiveDay,
      row.lastMeetingAt,
      row.openRequests,
      row.flags.join(' '),
    ]),
  );
}
