import type { ResourceActivityKind } from '../../../common/enums.ts';
import type { Db } from '../../db/client.ts';
import { insertDailyResourceActivity } from '../../queries/toolkit-resources.ts';

/**
 * Counts a view or a download once per person per (UTC) day: the counter rises only when the day's
 * activity row is new, in one statement. True when this call counted. Anonymous readers of public communities are not counted.
 */
export async function countOnce(
  db: Db,
  resourceId: string,
  userId: string | null,
  kind: ResourceActivityKind,
): Promise<boolean> {
  if (!userId) return false;
  return insertDailyResourceActivity(db, resourceId, userId, kind);
}
