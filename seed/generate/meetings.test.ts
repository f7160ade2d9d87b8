import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/client.ts';
import { openTestDatabase } from '../../server/test/database.ts';
import { loadSeedPeople, seedCommunities } from './communities.ts';
import { seedMeetings } from './meetings.ts';
import { ensureUnits, seedPeople, unitNames } from './people.ts';

let database: Database;
let dispose: () => Promise<void>;

beforeAll(async () => {
  ({ database, dispose } = await openTestDatabase());
});
afterAll(async () => {
  await dispose();
});

const rowsOf = async <T>(query: ReturnType<typeof sql>) =>
  ((await database.db.execute(query)) as unknown as { rows: T[] }).rows;

describe('seedMeetings', () => {
  it('writes meetings, series and answers that agree with each other and with the memberships', async () => {
    const { db } = database;
    const units = await ensureUnits(db, unitNames);
    const { sample } = await seedPeople(db, { count: 300, units, passwordHash: 'not-a-real-hash' });
    const people = await loadSeedPeople(db);
    const [featured] = await rowsOf<{ id: string }>(
      sql`select id from users where email = ${sample[0]?.email ?? ''}`,
    );
    const userId = featured?.id ?? '';
    await seedCommunities(db, {
      count: 40,
      memberships: 900,
      units,
      people,
      featured: [{ userId, leads: 1, joins: 3 }],
    });

    const result = await seedMeetings(db, { meetings: 400, rsvps: 2_000, featured: [userId] });
    expect(result).toMatchObject({ meetings: 400, recurring: 100, rsvps: 2_000 });

    const [checks] = await rowsOf<Record<string, number>>(sql`
      select
        (select count(*)::int from meeting_rsvps r join meetings m on m.id = r.meeting_id
          where not exists (select 1 from community_members cm
            where cm.community_id = m.community_id and cm.user_id = r.user_id)) as "strangers",
        (select count(*)::int from meetings m where going_count <> (select count(*) from meeting_rsvps r
            where r.meeting_id = m.id and r.status = 'going')
          or waitlist_count <> (select count(*) from meeting_rsvps r
            where r.meeting_id = m.id and r.status = 'waitlisted')) as "wrongCounts",
        (select count(*)::int from meetings where going_count > capacity
          or (waitlist_count > 0 and going_count < capacity)) as "overCapacity",
        (select count(*)::int from meetings where series_id is not null
          and original_start is distinct from starts_at) as "movedOccurrences",
        (select count(*)::int from meeting_series s where s.first_start <> (
          select to_char(min(m.starts_at) at time zone s.time_zone, 'YYYY-MM-DD"T"HH24:MI')
          from meetings m where m.series_id = s.id)) as "wrongFirstStart",
        (select count(*)::int from communities c where c.stage <> 'archived' and not exists (
          select 1 from meetings m where m.community_id = c.id and m.starts_at > now())) as "nothingAhead",
        (select count(*)::int from meetings m join communities c on c.id = m.community_id
          where c.stage = 'archived' and m.starts_at > now()) as "archivedAhead",
        (select count(*)::int from meeting_attendance a join meetings m on m.id = a.meeting_id
          where m.ends_at > now() or m.attendance_taken_at is null) as "earlyAttendance"`);
    expect(checks).toEqual({
      strangers: 0,
      wrongCounts: 0,
      overCapacity: 0,
      movedOccurrences: 0,
      wrongFirstStart: 0,
      nothingAhead: 0,
      archivedAhead: 0,
      earlyAttendance: 0,
    });

    const [mine] = await rowsOf<{ ahead: number; answers: number; series: number }>(sql`
      select
        (select count(*)::int from meetings m join community_members cm on cm.community_id = m.community_id
          where cm.user_id = ${userId} and m.starts_at > now()) as ahead,
        (select count(*)::int from meeting_rsvps where user_id = ${userId}) as answers,
        (select count(*)::int from meeting_series s join community_members cm on cm.community_id = s.community_id
          where cm.user_id = ${userId} and cm.role = 'leader') as series`);
    expect(mine?.ahead).toBeGreaterThanOrEqual(8);
    expect(mine?.answers).toBeGreaterThan(5);
    expect(mine?.series).toBeGreaterThanOrEqual(1);
  }, 60_000);
});
