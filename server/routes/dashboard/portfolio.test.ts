import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activityEvents, communities, communityDayFigures, communityMembers } from '../../db/schema/index.ts';
import { addDays, todayOf } from '../../services/dashboard/range.ts';
import { getTestApp, requester, type TestApp } from '../../test/app.ts';
import {
  createContactRequest,
  createTestCommunity,
  createUnit,
  createUser,
  signInAs,
} from '../../test/factories.ts';

/**
 * The coordinators' portfolio (#17 §4) on a constructed institution: a dormant community (nobody active
 * for 90 days), a lively one (active today, read from the log), a leaderless one, a growing one (its
 * figures 30 days apart), an archived one (no flags); the flags by their rules, the rules changed by an
 * administrator, filtering for dormant communities, the CSV and the institution's reach.
 */

let t: TestApp;
let call: ReturnType<typeof requester>;
let coordinator: string;
let administrator: string;
const today = todayOf(new Date());
const names = {
  dormant: 'Dormant circle',
  lively: 'Lively circle',
  leaderless: 'Leaderless circle',
  growing: 'Growing circle',
  archived: 'Archived circle',
};

beforeAll(async () => {
  t = await getTestApp();
  call = requester(t);
  const db = t.app.deps.database.db;
  const unit = await createUnit(db, 'School of Education');
  const leader = await createUser(db, { unitId: unit.id, kind: 'staff' });
  const student = await createUser(db, { unitId: unit.id, kind: 'student' });
  // Five students in the unit (one of them in communities), so its row of students is shown.
  for (let i = 0; i < 4; i++) await createUser(db, { unitId: unit.id, kind: 'student' });
  const made: Record<string, string> = {};
  for (const [key, name] of Object.entries(names)) {
    made[key] = (await createTestCommunity(db, [leader.id], { name, members: [[student.id, 'member']] })).id;
  }
  const longAgo = new Date(Date.now() - 90 * 86_400_000);
  await db.update(communities).set({ createdAt: longAgo });
  await db.insert(activityEvents).values({
    communityId: made.lively,
    actorId: student.id,
    kind: 'reply.posted',
    subjectType: 'post',
    subjectId: null,
  });
  await db.delete(communityMembers).where(eq(communityMembers.communityId, made.leaderless ?? ''));
  await db
    .update(communities)
    .set({ stage: 'archived' })
    .where(eq(communities.id, made.archived ?? ''));
  // Growing: 10 members 30 days before the latest figures, 12 now (the count kept on the community).
  await db
    .update(communities)
    .set({ memberCount: 12 })
    .where(eq(communities.id, made.growing ?? ''));
  const latest = addDays(today, -1);
  await db.insert(communityDayFigures).values([
    { communityId: made.growing ?? '', day: addDays(latest, -30), members: 10, active30: 2 },
    { communityId: made.growing ?? '', day: latest, members: 12, active30: 6 },
  ]);
  await db
    .update(communities)
    .set({ lastActivityAt: new Date() })
    .where(inArray(communities.id, Object.values(made)));
  await createContactRequest(db, { senderId: leader.id });
  coordinator = await signInAs(t.app, (await createUser(db, { role: 'coordinator' })).email);
  administrator = await signInAs(t.app, (await createUser(db, { role: 'administrator' })).email);
});
afterAll(async () => t.close());

type Row = {
  name: string;
  flags: string[];
  participation: number | null;
  trend: number | null;
  openRequests: number;
};
const byName = (rows: Row[]) => Object.fromEntries(rows.map((row) => [row.name, row]));

describe('The portfolio', () => {
  it('flags each community by its rule, with participation and its trend', async () => {
    const response = await call('GET', '/api/portfolio', coordinator);
    expect(response.statusCode).toBe(200);
    const data = response.json().data;
    const rows = byName(data.communities);
    expect(rows[names.dormant]?.flags).toEqual(['dormant']);
    expect(rows[names.lively]?.flags).toEqual([]);
    expect(rows[names.leaderless]?.flags).toEqual(['dormant', 'leaderless']);
    expect(rows[names.growing]?.flags).toEqual(['dormant', 'growing']);
    expect(rows[names.archived]?.flags).toEqual([]);
    expect(rows[names.growing]?.participation).toBeCloseTo(6 / 12);
    expect(rows[names.growing]?.trend).toBeCloseTo(6 / 12 - 2 / 10);
    // The leader's open contact request counts for each community they lead.
    expect(rows[names.dormant]?.openRequests).toBe(1);
    expect(rows[names.leaderless]?.openRequests).toBe(0);
    expect(data.totals).toMatchObject({ communities: 5, dormant: 3, leaderless: 1, growing: 1 });
    const students = data.reach.find(
      (r: { kind: string; unitName: string }) => r.kind === 'student' && r.unitName === 'School of Education',
    );
    expect(students).toEqual({
      unitName: 'School of Education',
      kind: 'student',
      others: false,
      people: 5,
      inCommunity: 1,
    });
    // Fewer than five of a kind in a unit: not named, counted among the other units (here too few to show).
    const reach = data.reach as {
      unitName: string | null;
      kind: string;
      others: boolean;
      people: number | null;
    }[];
    expect(reach.find((r) => r.kind === 'staff' && r.unitName === 'School of Education')).toBeUndefined();
    expect(reach.filter((r) => !r.others).every((r) => (r.people ?? 0) >= 5)).toBe(true);
    expect(reach.filter((r) => r.others).every((r) => r.unitName === null)).toBe(true);
  });

  it('filters for dormant communities and sorts them', async () => {
    const response = await call('GET', '/api/portfolio?flag=dormant&sort=name&order=desc', coordinator);
    expect(response.json().data.communities.map((row: Row) => row.name)).toEqual([
      names.leaderless,
      names.growing,
      names.dormant,
    ]);
    const csv = await call('GET', '/api/portfolio.csv?flag=dormant', coordinator);
    expect(csv.statusCode).toBe(200);
    expect(csv.body).toContain('Dormant circle');
    expect(csv.body).not.toContain('Lively circle');
  });

  it('answers a page of the filtered communities with how many match, and refuses a page that is no number', async () => {
    const first = (await call('GET', '/api/portfolio?flag=dormant&page=1', coordinator)).json().data;
    expect([first.shown, first.page, first.pageSize, first.communities.length]).toEqual([3, 1, 50, 3]);
    const second = (await call('GET', '/api/portfolio?flag=dormant&page=2', coordinator)).json().data;
    expect([second.shown, second.page, second.communities.length]).toEqual([3, 2, 0]);
    const every = (await call('GET', '/api/portfolio', coordinator)).json().data;
    expect([every.shown, every.page, every.communities.length]).toEqual([5, null, 5]);
    for (const page of ['0', 'two', '1.5']) {
      const bad = await call('GET', `/api/portfolio?page=${page}`, coordinator);
      expect(bad.statusCode).toBe(400);
      expect(bad.json().fields).toHaveProperty('page');
    }
  });

  it('follows the rules an administrator sets', async () => {
    const changed = await call('PUT', '/api/portfolio/rules', administrator, {
      dormantDays: 120,
      growingPercent: 50,
    });
    expect(changed.json().data).toEqual({ dormantDays: 120, growingPercent: 50 });
    const rows = byName((await call('GET', '/api/portfolio', coordinator)).json().data.communities);
    expect(rows[names.dormant]?.flags).toEqual([]);
    expect(rows[names.growing]?.flags).toEqual([]);
    await call('PUT', '/api/portfolio/rules', administrator, { dormantDays: 60, growingPercent: 10 });
  });

  it('refuses bad input with the field that is wrong', async () => {
    const flag = await call('GET', '/api/portfolio?flag=sleepy', coordinator);
    expect(flag.statusCode).toBe(400);
    expect(Object.keys(flag.json().fields)).toContain('flag');
    const rules = await call('PUT', '/api/portfolio/rules', administrator, {
      dormantDays: 0,
      growingPercent: 10,
    });
    expect(rules.statusCode).toBe(400);
    expect(Object.keys(rules.json().fields)).toContain('dormantDays');
  });
});
