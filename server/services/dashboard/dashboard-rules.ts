import type { DashboardRules } from '../../../common/contracts/dashboard.ts';
import type { Actor } from '../../lib/actor.ts';
import { mayChangeDashboardRules, mayViewPortfolio } from '../../policies/dashboard.ts';
import { enforce } from '../../policies/decision.ts';
import { findDashboardRules, updateDashboardRules } from '../../queries/portfolio.ts';
import type { ServiceDeps } from '../context.ts';

/** The portfolio's rules (dormant after how many days, growing by what share), for coordinators. */
export async function getDashboardRules(deps: ServiceDeps, actor: Actor): Promise<DashboardRules> {
  enforce(mayViewPortfolio(actor));
  const rules = await findDashboardRules(deps.database.db);
  return { dormantDays: rules.dormantDays, growingPercent: rules.growingPercent };
}

/** An administrator changes the portfolio's rules; answers them as they now are. */
export async function changeDashboardRules(
  deps: ServiceDeps,
  actor: Actor,
  rules: DashboardRules,
): Promise<DashboardRules> {
  enforce(mayChangeDashboardRules(actor));
  await updateDashboardRules(deps.database.db, rules);
  return getDashboardRules(deps, actor);
}
