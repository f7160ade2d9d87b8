import { sql } from 'drizzle-orm';
import type { ResourceActivityKind } from '../../../common/enums.ts';
import type { Db } from '../../db/client.ts';
import { resourceActivity, resources } from '../../db/schema/index.ts';
import { rowsOf } from '../../queries/raw-rows.ts';

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
  const counter = kind === 'view' ? sql.raw('view_count') : sql.raw('download_count');
  const result = await db.execute(sql`with added as (
      insert into ${resourceActivity} (resource_id, user_id, day, kind)
      values (${resourceId}, ${userId}, (now() at time zone 'UTC')::date, ${kind})
      on conflict do nothing returning 1)
    update ${resources} set ${counter} = ${counter} + 1
    where id = ${resourceId} and exists (select 1 from added) returning 1`);
  return rowsOf(result).length > 0;
}
