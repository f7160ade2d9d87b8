import type { Db } from '../db/client.ts';
import { meetings } from '../db/schema/index.ts';

/** Test helpers for meetings (issue #4). */

/** A meeting inserted straight into the database (for past meetings the API would not schedule the same way). */
export async function createTestMeeting(
  db: Db,
  communityId: string,
  overrides: Partial<typeof meetings.$inferInsert> & { startsInHours?: number } = {},
) {
  const { startsInHours = 24, ...fields } = overrides;
  const startsAt = new Date(Date.now() + startsInHours * 3600_000);
  const [meeting] = await db
    .insert(meetings)
    .values({
      communityId,
      title: 'Test meeting',
      startsAt,
      endsAt: new Date(startsAt.getTime() + 3600_000),
      timeZone: 'UTC',
      ...fields,
    })
    .returning();
  if (!meeting) throw new Error('createTestMeeting inserted nothing');
  return meeting;
}
