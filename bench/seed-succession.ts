import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../server/db/client.ts';
import { communities, communityMembers } from '../server/db/schema/index.ts';
import { rowsOf } from '../server/queries/raw-rows.ts';

/**
 * Leadership and succession (#18 §1) in the community the bench member leads: a term for its leader, a
 * vote under way with 30 accepted nominees and up to 300 votes cast, and 10 past hand-overs, each with
 * its checklist. Set-based statements. Returns the Leadership tab's path.
 */
export async function seedSuccession(db: Db, leaderId: string): Promise<{ leadershipPaths: string[] }> {
  const [led] = await db
    .select({ id: communities.id, slug: communities.slug })
    .from(communityMembers)
    .innerJoin(communities, eq(communities.id, communityMembers.communityId))
    .where(and(eq(communityMembers.userId, leaderId), eq(communityMembers.role, 'leader')))
    .limit(1);
  if (!led) throw new Error('the bench member leads no community');
  const c = sql`${led.id}::uuid`;
  await db.execute(sql`
    insert into leadership_terms (community_id, user_id, starts_on, ends_on)
    values (${c}, ${leaderId}::uuid, current_date - 300, current_date + 65) on conflict do nothing`);
  // Ten past hand-overs, from the leader to members in turn.
  await db.execute(sql`
    with m as (select user_id, row_number() over (order by user_id) as n from community_members
        where community_id = ${c} and user_id <> ${leaderId}::uuid limit 10)
    insert into successions (community_id, outgoing_id, outgoing_role, status, process, successor_id,
      decided_at, started_at, handed_over_at)
    select ${c}, ${leaderId}::uuid, 'co_leader', 'handed_over', 'consent', m.user_id,
      now() - (m.n * 60 + 5) * interval '1 day', now() - (m.n * 60 + 10) * interval '1 day',
      now() - m.n * 60 * interval '1 day'
    from m`);
  await db.execute(sql`
    insert into handover_items (succession_id, key, ticked_by_outgoing_at, ticked_by_incoming_at)
    select s.id, k.key, s.handed_over_at, s.handed_over_at from successions s
    cross join (values ('access_and_roles'), ('upcoming_meetings'), ('open_action_items'),
      ('toolkit_curation'), ('contacts_and_partners'), ('outgoing_note')) k(key)
    where s.community_id = ${c}`);
  // The vote under way.
  const [open] = rowsOf<{ id: string }>(
    await db.execute(sql`
      insert into successions (community_id, outgoing_id, outgoing_role, status, process, period_days, closes_at)
      values (${c}, ${leaderId}::uuid, 'member', 'deciding', 'vote', 7, now() + interval '5 days')
      returning id`),
  );
  const succession = sql`${open?.id ?? ''}::uuid`;
  await db.execute(sql`
    insert into succession_nominations (succession_id, nominee_id, nominated_by, status)
    select ${succession}, user_id, user_id, 'accepted' from community_members
    where community_id = ${c} and user_id <> ${leaderId}::uuid and role <> 'guest'
    order by user_id limit 30`);
  await db.execute(sql`
    with voters as (select user_id, row_number() over (order by user_id desc) as n from community_members
        where community_id = ${c} and role <> 'guest' limit 300),
      nominees as (select nominee_id, row_number() over (order by nominee_id) - 1 as i, count(*) over () as total
        from succession_nominations where succession_id = ${succession}),
      cast_votes as (insert into succession_voters (succession_id, user_id)
        select ${succession}, user_id from voters returning user_id)
    insert into succession_ballots (succession_id, nominee_id)
    select ${succession}, nominees.nominee_id from voters join nominees on nominees.i = voters.n % nominees.total`);
  await db.execute(
    sql`vacuum analyze leadership_terms, successions, succession_nominations, succession_voters,
      succession_ballots, handover_items`,
  );
  return { leadershipPaths: [`/api/communities/${led.slug}/leadership`] };
}
