import { sql } from 'drizzle-orm';
import type { Database } from '../server/db/client.ts';

/** Members answering one Ping at once (#16 benchmark: 50 at 50 connections, p99 under 50 ms). */
export const pingAnswerers = 50;

export interface PingAnswerSetup {
  path: string;
  cookies: string[];
  bodies: string[];
}

/**
 * Makes the Ping the benchmark answers: the bench member's led community gets `pingAnswerers` more
 * members (seeded people, joined directly), each signs in, and the bench member sends them a named Ping
 * with three choices through the API. Each connection then answers as one member, changing the answer
 * each time (a named Ping's answer may change while it is open), which is one PUT each.
 */
export async function preparePingAnswers(
  database: Database,
  origin: string,
  leaderCookie: string,
  personId: string,
  signIn: (email: string) => Promise<string>,
): Promise<PingAnswerSetup> {
  const db = database.db;
  const led = (await db.execute(sql`select c.id, c.slug from community_members m
    join communities c on c.id = m.community_id
    where m.user_id = ${personId}::uuid and m.role = 'leader' order by c.slug limit 1`)) as unknown as {
    rows: { id: string; slug: string }[];
  };
  const community = led.rows[0];
  if (!community) throw new Error('the bench member leads no community');
  const people = (await db.execute(sql`select u.id, u.email from users u
    where u.id <> ${personId}::uuid and u.suspended_at is null and u.role = 'member'
    order by u.email limit ${pingAnswerers}`)) as unknown as { rows: { id: string; email: string }[] };
  const ids = people.rows.map((row) => row.id);
  await db.execute(sql`insert into community_members (community_id, user_id, role)
    select ${community.id}::uuid, id, 'member' from unnest(${`{${ids.join(',')}}`}::uuid[]) as id
    on conflict do nothing`);
  await db.execute(sql`update communities set member_count =
    (select count(*) from community_members where community_id = ${community.id}::uuid)
    where id = ${community.id}::uuid`);
  const cookies: string[] = [];
  for (const row of people.rows) cookies.push(await signIn(row.email));
  const sent = await fetch(`${origin}/api/communities/${community.slug}/pings`, {
    method: 'POST',
    headers: { cookie: leaderCookie, 'content-type': 'application/json' },
    body: JSON.stringify({
      question: 'Which time suits the next meeting?',
      kind: 'choice',
      choices: ['Tuesday 16:00', 'Wednesday 12:30', 'Thursday 17:00'],
      audience: 'all',
      windowHours: 48,
    }),
  });
  const body = (await sent.json()) as { data?: { id: string } };
  if (sent.status !== 201 || !body.data) throw new Error(`sending the Ping answered ${sent.status}`);
  return {
    path: `/api/pings/${body.data.id}/answer`,
    cookies,
    bodies: [0, 1, 2].map((choice) => JSON.stringify({ choice })),
  };
}
