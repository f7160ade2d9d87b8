import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ActivityKind } from '../../../common/enums.ts';
import { actionItems, activityEvents, communities, meetings, threads } from '../../db/schema/index.ts';
import { readSignals, type SignalRow } from '../../queries/signals.ts';
import { countMatrixFigures } from '../../queries/value-matrix.ts';
import {
  noMeetingForTwoMonths,
  participationDrop,
  proposeStage,
  raiseSuggestions,
  signalWindows,
} from '../../services/stories/suggestion-rules.ts';
import { getTestApp, requester, type TestApp } from '../../test/app.ts';
import { createTestCommunity, createUser, signedInUser } from '../../test/factories.ts';

/**
 * The signals behind the leaders' suggestions (#17 §3) on a constructed history, at a fixed instant:
 * 12:00 UTC on Sunday 29 March 2026, the morning Europe moves its clocks (so a window counted in local
 * days would be an hour off). The expectations are worked out by hand in the comments.
 */

let t: TestApp;
const call = (...args: Parameters<ReturnType<typeof requester>>) => requester(t)(...args);
const db = () => t.app.deps.database.db;
const day = 86_400_000;
const now = new Date('2026-03-29T12:00:00.000Z');
const w = signalWindows(now);
const ago = (ms: number) => new Date(now.getTime() - ms);

beforeAll(async () => {
  t = await getTestApp();
});
afterAll(async () => t.close());

async function people(n: number) {
  return Promise.all(Array.from({ length: n }, () => createUser(db())));
}

async function event(communityId: string, actorId: string, kind: ActivityKind, occurredAt: Date) {
  await db().insert(activityEvents).values({ communityId, actorId, kind, subjectType: 'test', occurredAt });
}

describe('the signal windows', () => {
  it('are exact instants, two calendar months clamped to the month’s end', () => {
    expect(w.since90.toISOString()).toBe('2025-12-29T12:00:00.000Z');
    expect(w.since180.toISOString()).toBe('2025-09-30T12:00:00.000Z');
    expect(w.twoMonthsAgo.toISOString()).toBe('2026-01-29T12:00:00.000Z');
    expect(w.today).toBe('2026-03-29');
    expect(signalWindows(new Date('2026-04-30T08:00:00Z')).twoMonthsAgo.toISOString()).toBe(
      '2026-02-28T08:00:00.000Z',
    );
    expect(signalWindows(new Date('2024-04-30T08:00:00Z')).twoMonthsAgo.toISOString()).toBe(
      '2024-02-29T08:00:00.000Z',
    );
    expect(signalWindows(new Date('2026-12-31T23:30:00Z')).twoMonthsAgo.toISOString()).toBe(
      '2026-10-31T23:30:00.000Z',
    );
  });

  it('call participation down from a third, in tens of percent, with at least three active before', () => {
    expect(participationDrop(2, 3)).toBe(3); // 2 of 3: down a third exactly
    expect(participationDrop(7, 10)).toBe(0); // down 30 %: less than a third
    expect(participationDrop(3, 7)).toBe(5); // down 4/7 = 57 %
    expect(participationDrop(0, 2)).toBe(0); // too few before to tell
    expect(participationDrop(0, 5)).toBe(10);
  });
});

describe('a constructed history', () => {
  let row: SignalRow;
  let slug: string;
  let ids: Record<string, string>;

  beforeAll(async () => {
    const [leader, a, b, c, d, e, f, g, h, i] = await people(10);
    if (!leader || !a || !b || !c || !d || !e || !f || !g || !h || !i) throw new Error('people');
    const community = await createTestCommunity(db(), [leader.id]);
    slug = community.slug;
    const id = community.id;
    await db()
      .update(communities)
      .set({ createdAt: new Date('2025-06-01T00:00:00Z') })
      .where(eq(communities.id, id));
    // The previous 90 days [since180, since90): A–F posted, H on the window's first instant, E on its
    // last millisecond; G only joined, I just before the window. Active before: A B C D E F H = 7.
    for (const person of [a, b, c, d, e, f]) await event(id, person.id, 'reply.posted', ago(100 * day));
    await event(id, g.id, 'member.joined', ago(100 * day));
    await event(id, h.id, 'reply.posted', w.since180);
    await event(id, i.id, 'reply.posted', new Date(w.since180.getTime() - 1));
    await event(id, e.id, 'reply.posted', new Date(w.since90.getTime() - 1));
    // The last 90 days [since90, now): A and B replied, D on the window's first instant; C only viewed,
    // F acts at `now` itself (not yet counted). Active now: A B D = 3; down 4/7 = 57 % → level 5.
    await event(id, a.id, 'reply.posted', ago(10 * day));
    await event(id, b.id, 'thread.posted', ago(10 * day));
    await event(id, d.id, 'reaction.added', w.since90);
    await event(id, c.id, 'resource.viewed', ago(5 * day));
    await event(id, f.id, 'reply.posted', now);
    // Meetings: the last one held ended an hour before two months ago; one cancelled since; none ahead.
    const meeting = (title: string, startsAt: Date, status: 'scheduled' | 'cancelled' = 'scheduled') => ({
      communityId: id,
      title,
      startsAt,
      endsAt: new Date(startsAt.getTime() + 3_600_000),
      timeZone: 'Europe/Amsterdam',
      status,
    });
    const [held] = await db()
      .insert(meetings)
      .values([
        meeting('Held', new Date(w.twoMonthsAgo.getTime() - 3_600_000)),
        meeting('Cancelled', ago(10 * day), 'cancelled'),
      ])
      .returning({ id: meetings.id });
    // Questions: one a week and a minute old with no reply (suggested); one six days old; one answered;
    // a discussion.
    const question = (
      title: string,
      createdAt: Date,
      replyCount = 0,
      kind: 'question' | 'discussion' = 'question',
    ) => ({
      communityId: id,
      authorId: a.id,
      kind,
      title,
      body: 'Body',
      createdAt,
      lastActivityAt: createdAt,
      replyCount,
    });
    const [old] = await db()
      .insert(threads)
      .values([
        question('Old question', ago(7 * day + 60_000)),
        question('New question', ago(6 * day)),
        question('Answered', ago(20 * day), 2),
        question('Talk', ago(20 * day), 0, 'discussion'),
      ])
      .returning({ id: threads.id });
    // Action items: due yesterday (overdue), due today (not yet), done though late.
    const [late] = await db()
      .insert(actionItems)
      .values([
        { communityId: id, title: 'Share the slides', dueOn: '2026-03-28' },
        { communityId: id, title: 'Book a room', dueOn: '2026-03-29' },
        { communityId: id, title: 'Done late', dueOn: '2026-03-01', status: 'done', doneAt: ago(day) },
      ])
      .returning({ id: actionItems.id });
    ids = { community: id, held: held?.id ?? '', old: old?.id ?? '', late: late?.id ?? '' };
    const read = await readSignals(db(), id, w);
    if (!read) throw new Error('no signals');
    row = read;
  });

  it('reads the figures worked out by hand', () => {
    expect(row.activeNow).toBe(3);
    expect(row.activeBefore).toBe(7);
    expect(row.meetingsHeld90).toBe(1); // the held one is within 90 days, though not within two months
    expect(row.upcomingMeetings).toBe(0);
    expect(row.lastMeeting?.id).toBe(ids.held);
    expect(row.questions?.map((q) => q.title)).toEqual(['Old question']);
    expect(row.overdue?.map((item) => item.title)).toEqual(['Share the slides']);
    expect(row.lastRound).toBeNull();
  });

  it('reads the same in any session time zone', async () => {
    for (const zone of ['Pacific/Chatham', 'America/St_Johns', 'Europe/Amsterdam']) {
      const read = await db().transaction(async (tx) => {
        await tx.execute(sql.raw(`set local time zone '${zone}'`));
        return readSignals(tx, ids.community ?? '', w);
      });
      expect(read?.activeNow, zone).toBe(3);
      expect(read?.activeBefore, zone).toBe(7);
      expect(read?.overdue?.length, zone).toBe(1);
      expect(read?.questions?.length, zone).toBe(1);
      expect(Date.parse(read?.lastMeeting?.startsAt ?? ''), zone).toBe(w.twoMonthsAgo.getTime() - 3_600_000);
    }
  });

  it('counts the value-creation matrix’s indicators over the same 90 days', async () => {
    const figures = await countMatrixFigures(db(), ids.community ?? '', w.since90, now);
    expect(figures).toEqual({
      activeMembers: 3, // A, B and D (C only viewed; F acts at `now`, outside [since90, now))
      meetingsAttended: 0,
      threadsAndReplies: 2, // A's reply and B's thread
      resourcesAdded: 0,
      resourcesViewed: 0, // C's view names no resource
      resourcesUsed: 0,
      actionItemsDone: 1, // "Done late", done yesterday
    });
  });

  it('raises each suggestion with its next step', () => {
    const raised = raiseSuggestions(row, w, slug);
    expect(raised.map((s) => `${s.kind} ${s.subject} ${s.level}`)).toEqual([
      'participation_down participation 5',
      `question_unanswered ${ids.old} 0`,
      `no_meeting ${ids.held} 0`,
      `action_overdue ${ids.late}:2026-03-28 0`,
      'checkin_due term:none 0',
    ]);
    expect(raised.find((s) => s.kind === 'no_meeting')?.link).toBe(`/communities/${slug}/meetings/new`);
    expect(raised.find((s) => s.kind === 'question_unanswered')?.link).toBe(`/discussions/${ids.old}`);
  });

  it('counts a meeting two months ago to the hour as recent, an hour earlier as not', () => {
    const at = (date: Date) => ({ ...row, lastMeeting: { id: 'm', startsAt: date.toISOString() } });
    expect(noMeetingForTwoMonths(at(w.twoMonthsAgo), w)).toBe(false);
    expect(noMeetingForTwoMonths(at(new Date(w.twoMonthsAgo.getTime() - 1)), w)).toBe(true);
    expect(noMeetingForTwoMonths({ ...row, upcomingMeetings: 1 }, w)).toBe(false);
  });

  it('proposes a stage by the documented rules', () => {
    expect(proposeStage(row, w)).toBeNull(); // coalescing, 3 active, one meeting in 90 days
    expect(proposeStage({ ...row, stage: 'potential', meetingsHeld90: 1 }, w)).toBe('coalescing');
    expect(proposeStage({ ...row, meetingsHeld90: 3, activeNow: 7 }, w)).toBe('maturing');
    expect(proposeStage({ ...row, meetingsHeld90: 3, activeNow: 6 }, w)).toBeNull(); // fewer than before
    expect(proposeStage({ ...row, stage: 'maturing', activeNow: 0 }, w)).toBe('transformation');
    expect(proposeStage({ ...row, stage: 'maturing', activeNow: 6, activeBefore: 6 }, w)).toBeNull(); // < 1 year
    expect(
      proposeStage(
        { ...row, stage: 'maturing', activeNow: 6, activeBefore: 6, createdAt: '2025-03-01T00:00:00Z' },
        w,
      ),
    ).toBe('stewardship');
    expect(proposeStage({ ...row, stage: 'archived', activeNow: 0 }, w)).toBeNull();
  });
});

describe('dismissing', () => {
  it('keeps a suggestion away until its subject changes or its signal grows', async () => {
    const leader = await signedInUser(t.app);
    const community = await createTestCommunity(db(), [leader.user.id]);
    await db()
      .update(communities)
      .set({ createdAt: new Date(Date.now() - 100 * day) })
      .where(eq(communities.id, community.id));
    const url = `/api/communities/${community.slug}/suggestions`;
    const kinds = async () =>
      (await call('GET', url, leader.cookie))
        .json()
        .data.suggestions.map((s: { kind: string; subject: string }) => `${s.kind} ${s.subject}`);
    expect(await kinds()).toContain('no_meeting none');
    const dismiss = (kind: string, subject: string) =>
      call('POST', `${url}/dismissals`, leader.cookie, { kind, subject });
    expect((await dismiss('no_meeting', 'none')).statusCode).toBe(200);
    expect(await kinds()).not.toContain('no_meeting none');
    // A meeting held three months ago: a new subject, so it comes back.
    const [held] = await db()
      .insert(meetings)
      .values({
        communityId: community.id,
        title: 'Long ago',
        startsAt: new Date(Date.now() - 90 * day),
        endsAt: new Date(Date.now() - 90 * day + 3_600_000),
        timeZone: 'UTC',
      })
      .returning({ id: meetings.id });
    expect(await kinds()).toContain(`no_meeting ${held?.id}`);

    // Participation: 5 active before, 3 now (down 40 %): dismissed at level 4; 1 now (80 %) returns.
    const members = await people(5);
    for (const person of members)
      await event(community.id, person.id, 'reply.posted', new Date(Date.now() - 120 * day));
    for (const person of members.slice(0, 3))
      await event(community.id, person.id, 'reply.posted', new Date(Date.now() - 3 * day));
    expect(await kinds()).toContain('participation_down participation');
    await dismiss('participation_down', 'participation');
    expect(await kinds()).not.toContain('participation_down participation');
    await db()
      .delete(activityEvents)
      .where(sql`${activityEvents.communityId} = ${community.id}
      and ${activityEvents.occurredAt} > now() - interval '10 days' and ${activityEvents.actorId} <> ${members[0]?.id}`);
    expect(await kinds()).toContain('participation_down participation');

    // What the signals do not raise cannot be dismissed.
    const gone = await dismiss('question_unanswered', '00000000-0000-4000-8000-000000000000');
    expect(gone.statusCode).toBe(404);
    const bad = await call('POST', `${url}/dismissals`, leader.cookie, { kind: 'weather', subject: 'x' });
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(bad.json().fields)).toEqual(['kind']);
  });
});
