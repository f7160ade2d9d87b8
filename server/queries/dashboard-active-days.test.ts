import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activityEvents, communities } from '../db/schema/index.ts';
import { getTestApp, type TestApp } from '../test/app.ts';
import { createTestCommunity, createUser } from '../test/factories.ts';
import { findDashboardTotals, listParticipationSplits } from './dashboard.ts';
import { rollUpDay } from './dashboard-rollup.ts';
import { rowsOf } from './raw-rows.ts';

/**
 * The active-days bit strings (`community_member_activity`) against a plain distinct count of
 * `community_member_days`: days rolled up out of order (a day before a person's first sets a bit in
 * front, a day after their last extends the string), a day rolled again after an event is gone (its bit
 * cleared), and windows that start before, end after or fall between a person's active days.
 */

let t: TestApp;
let communityId = '';
const people: string[] = [];
const today = '2026-06-30';

const dayOf = (offset: number) => new Date(Date.UTC(2026, 3, 1 + offset)).toISOString().slice(0, 10);

beforeAll(async () => {
  t = await getTestApp();
  const db = t.app.deps.database.db;
  for (let i = 0; i < 6; i++) people.push((await createUser(db)).id);
  const community = await createTestCommunity(db, [people[0] ?? ''], {
    members: people.slice(1).map((id) => [id, 'member'] as [string, 'member']),
  });
  communityId = community.id;
  await db.update(communities).set({ createdAt: new Date('2026-01-01T00:00:00Z') });
  // A fixed scatter over 40 days from 1 April: person i posts on the days where (day * (i + 3)) % 11 < 2.
  const events = [];
  for (let day = 0; day < 40; day++) {
    for (const [i, id] of people.entries()) {
      if ((day * (i + 3)) % 11 >= 2) continue;
      events.push({
        communityId,
        actorId: id,
        kind: 'thread.posted' as const,
        subjectType: 'test',
        subjectId: null,
        occurredAt: new Date(`${dayOf(day)}T12:00:00Z`),
      });
    }
  }
  await db.insert(activityEvents).values(events);
  // Out of order: the middle first, then the end, then the start, then everything again.
  const order = [...Array(40).keys()];
  for (const day of [...order.slice(15, 25), ...order.slice(25), ...order.slice(0, 15).reverse(), ...order]) {
    await rollUpDay(db, dayOf(day));
  }
});
afterAll(async () => t.close());

async function plainCount(lo: string, hi: string): Promise<number> {
  const [row] = rowsOf<{ n: number }>(
    await t.app.deps.database.db.execute(sql`select count(distinct user_id)::int as n from community_member_days
      where community_id = ${communityId} and day >= ${lo}::date and day <= ${hi}::date`),
  );
  return Number(row?.n ?? 0);
}

const windows: [number, number][] = [
  [0, 0],
  [0, 39],
  [3, 9],
  [10, 10],
  [11, 12],
  [20, 30],
  [30, 39],
  [35, 60],
];

async function expectSameCounts() {
  const db = t.app.deps.database.db;
  for (const [lo, hi] of windows) {
    const from = dayOf(lo);
    const to = dayOf(hi);
    const totals = await findDashboardTotals(db, communityId, {
      from,
      to,
      today,
      previousFrom: dayOf(lo - 10),
      previousTo: dayOf(lo - 1),
    });
    expect([from, to, totals.current.active]).toEqual([from, to, await plainCount(from, to)]);
    expect(totals.previous.active).toBe(await plainCount(dayOf(lo - 10), dayOf(lo - 1)));
    expect(totals.active30).toBe(await plainCount(dayOf(hi - 29), to));
    expect(totals.active90).toBe(await plainCount(dayOf(hi - 89), to));
    const splits = await listParticipationSplits(db, communityId, to, today);
    const all = splits.byKind.reduce((sum, row) => sum + row.active30, 0);
    expect(all).toBe(await plainCount(dayOf(hi - 29), to));
  }
}

describe('active days as bit strings', () => {
  it('counts the same distinct people as the day rows, whatever order the days were rolled up in', async () => {
    expect(await plainCount(dayOf(0), dayOf(39))).toBe(6);
    await expectSameCounts();
  });

  it('clears a day’s bit when the day is rolled up again without that person', async () => {
    const db = t.app.deps.database.db;
    // Person 0 posts on day 0 (0 % 11 < 2) and day 11; remove day 11's post and roll it again.
    await db
      .delete(activityEvents)
      .where(
        and(
          eq(activityEvents.actorId, people[0] ?? ''),
          eq(activityEvents.occurredAt, new Date(`${dayOf(11)}T12:00:00Z`)),
        ),
      );
    await rollUpDay(db, dayOf(11));
    const totals = await findDashboardTotals(db, communityId, {
      from: dayOf(11),
      to: dayOf(11),
      today,
      previousFrom: dayOf(10),
      previousTo: dayOf(10),
    });
    expect(totals.current.active).toBe(await plainCount(dayOf(11), dayOf(11)));
    await expectSameCounts();
  });
});
