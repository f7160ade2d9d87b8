import { sql } from 'drizzle-orm';
import type { ValueCycle } from '../../common/contracts/stories.ts';
import type { Db } from '../db/client.ts';
import { actionItems, activityEvents, valueStories } from '../db/schema/index.ts';
import { rowsOf } from './raw-rows.ts';
import { participationKinds } from './signals.ts';

/**
 * The value-creation matrix's figures (#17 §2) for one community, in one statement: the published
 * stories telling each cycle (all time), and from the event log over [since, until): distinct active
 * members (`participationKinds`), meetings attended (taken attendance), threads and replies posted,
 * resources added, distinct resources viewed, "I used this" records; plus action items done in the window.
 * The log is read once on its (community, time) index.
 */
export async function countMatrixFigures(db: Db, communityId: string, since: Date, until: Date) {
  const from = since.toISOString();
  const to = until.toISOString();
  const kinds = sql.join(
    participationKinds.map((kind) => sql`${kind}`),
    sql`, `,
  );
  const result = await db.execute(sql`
    with events as (
      select
        count(distinct ${activityEvents.actorId}) filter (where ${activityEvents.kind} in (${kinds})) as "activeMembers",
        count(*) filter (where ${activityEvents.kind} = 'meeting.attended') as "meetingsAttended",
        count(*) filter (where ${activityEvents.kind} in ('thread.posted', 'reply.posted')) as "threadsAndReplies",
        count(*) filter (where ${activityEvents.kind} = 'resource.added') as "resourcesAdded",
        count(distinct ${activityEvents.subjectId}) filter (where ${activityEvents.kind} = 'resource.viewed') as "resourcesViewed",
        count(*) filter (where ${activityEvents.kind} = 'resource.used') as "resourcesUsed"
      from ${activityEvents}
      where ${activityEvents.communityId} = ${communityId}
        and ${activityEvents.occurredAt} >= ${from}::timestamptz and ${activityEvents.occurredAt} < ${to}::timestamptz
    ), stories as (
      select
        count(*) filter (where ${valueStories.immediate} <> '') as immediate,
        count(*) filter (where ${valueStories.potential} <> '') as potential,
        count(*) filter (where ${valueStories.applied} <> '') as applied,
        count(*) filter (where ${valueStories.realised} <> '') as realised,
        count(*) filter (where ${valueStories.transformative} <> '') as transformative
      from ${valueStories}
      where ${valueStories.communityId} = ${communityId} and ${valueStories.status} = 'published'
    )
    select events.*, stories.*,
      (select count(*) from ${actionItems} where ${actionItems.communityId} = ${communityId}
        and ${actionItems.status} = 'done' and ${actionItems.doneAt} >= ${from}::timestamptz
        and ${actionItems.doneAt} < ${to}::timestamptz) as "actionItemsDone"
    from events, stories`);
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
    stories: {
      immediate: figure('immediate'),
      potential: figure('potential'),
      applied: figure('applied'),
      realised: figure('realised'),
      transformative: figure('transformative'),
    } satisfies Record<ValueCycle, number>,
  };
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
