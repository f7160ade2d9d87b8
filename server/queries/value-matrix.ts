import { sql } from 'drizzle-orm';
import type { ValueCycle } from '../../common/contracts/stories.ts';
import type { Db } from '../db/client.ts';
import { actionItems, activityEvents, valueStories } from '../db/schema/index.ts';
import { rowsOf } from './raw-rows.ts';
import { activeBetween, actorsOf } from './signals.ts';

/**
 * The value-creation matrix's figures (#17 §2) for one community, in one statement: the published
 * stories telling each cycle (all time), and from the event log over [since, until): distinct active
 * members (`participationKinds`, by a skip scan of the actors), meetings attended (taken attendance),
 * threads and replies posted, resources added, distinct resources viewed, "I used this" records (each a
 * range of the (community, kind, time) index); plus action items done in the window.
 */
export async function countMatrixFigures(db: Db, communityId: string, since: Date, until: Date) {
  const from = since.toISOString();
  const to = until.toISOString();
  // One range of the (community, kind, time) index per kind: index-only counts, not the whole window.
  const inWindow = (kind: string) => sql`e.community_id = ${communityId} and e.kind = ${kind}
    and e.occurred_at >= ${from}::timestamptz and e.occurred_at < ${to}::timestamptz`;
  const count = (kind: string) => sql`(select count(*) from ${activityEvents} e where ${inWindow(kind)})`;
  const result = await db.execute(sql`
    with recursive ${actorsOf(communityId)}
    select (select count(*) from actors where actors.id is not null and ${activeBetween(communityId, since, until)})
        as "activeMembers",
      ${count('meeting.attended')} as "meetingsAttended",
      ${count('thread.posted')} + ${count('reply.posted')} as "threadsAndReplies",
      ${count('resource.added')} as "resourcesAdded",
      (select count(distinct e.subject_id) from ${activityEvents} e where ${inWindow('resource.viewed')})
        as "resourcesViewed",
      ${count('resource.used')} as "resourcesUsed",
      (select count(*) from ${actionItems} where ${actionItems.communityId} = ${communityId}
        and ${actionItems.status} = 'done' and ${actionItems.doneAt} >= ${from}::timestamptz
        and ${actionItems.doneAt} < ${to}::timestamptz) as "actionItemsDone"`);
  const row = rowsOf<Record<string, number | string>>(result)[0] ?? {};
  const figure = (key: string) => Number(row[key] ?? 0);
  return {
    activeMembers: figure('activeMembers'),
    meetingsAttended: figure('meetingsAttended'),
    threadsAndReplies: figure('threadsAndReplies'),
    resourcesAdded: figure('resourcesAdded'),
    resourcesViewed: figure('resourcesViewed'),
    resourcesUsed: figure('resourcesUsed'),
    actionItemsDone: figure('actionItemsDone'),
  };
}

/** The published stories of the community telling each cycle (all time), in one statement. */
export async function countStoryCycles(db: Db, communityId: string): Promise<Record<ValueCycle, number>> {
  const result = await db.execute(sql`
    select
      count(*) filter (where ${valueStories.immediate} <> '') as immediate,
      count(*) filter (where ${valueStories.potential} <> '') as potential,
      count(*) filter (where ${valueStories.applied} <> '') as applied,
      count(*) filter (where ${valueStories.realised} <> '') as realised,
      count(*) filter (where ${valueStories.transformative} <> '') as transformative
    from ${valueStories}
    where ${valueStories.communityId} = ${communityId} and ${valueStories.status} = 'published'`);
  const row = rowsOf<Record<ValueCycle, number | string>>(result)[0];
  return {
    immediate: Number(row?.immediate ?? 0),
    potential: Number(row?.potential ?? 0),
    applied: Number(row?.applied ?? 0),
    realised: Number(row?.realised ?? 0),
    transformative: Number(row?.transformative ?? 0),
  };
}

/**
 * What the community's stories are at now, as a key: how many, and the latest change (written, edited,
 * featured, hidden or published all set `updated_at`). A deleted story lowers the count.
 */
export async function findStoriesVersion(db: Db, communityId: string): Promise<string> {
  const result = await db.execute(sql`
    select count(*) as n, coalesce(max(${valueStories.updatedAt})::text, '') as latest
    from ${valueStories} where ${valueStories.communityId} = ${communityId}`);
  const row = rowsOf<{ n: number | string; latest: string }>(result)[0];
  return `${row?.n ?? 0}@${row?.latest ?? ''}`;
}

/**
 * Up to `perCycle` published stories telling each cycle, featured first then newest, with that cycle's
 * text shortened: the matrix's examples, in one statement over the community's stories.
 */
export async function listMatrixExamples(db: Db, communityId: string, perCycle: number) {
  const result = await db.execute(sql`
    select cycle, id, title, excerpt, featured from (
      select c.cycle, s.id, s.title, left(c.body, 300) as excerpt, s.featured_at is not null as featured,
        row_number() over (partition by c.cycle order by s.featured_at desc nulls last, s.created_at desc, s.id) as n
      from ${valueStories} s
      cross join lateral (values ('immediate', s.immediate), ('potential', s.potential), ('applied', s.applied),
        ('realised', s.realised), ('transformative', s.transformative)) as c(cycle, body)
      where s.community_id = ${communityId} and s.status = 'published' and c.body <> ''
    ) ranked where n <= ${perCycle}
    order by cycle, n`);
  return rowsOf<{ cycle: ValueCycle; id: string; title: string; excerpt: string; featured: boolean }>(result);
}
