import { and, asc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activityEvents, communityMembers } from '../db/schema/index.ts';
import { getTestApp, requester, type TestApp } from '../test/app.ts';
import { createTestCommunity, createUser, signedInUser } from '../test/factories.ts';
import { createTestMeeting } from '../test/meetings.ts';
import { findInactiveMemberIds } from './activity.ts';

let t: TestApp;
beforeAll(async () => {
  t = await getTestApp();
});
afterAll(async () => t.close());

const call = (...args: Parameters<ReturnType<typeof requester>>) => requester(t)(...args);
const db = () => t.app.deps.database.db;

async function eventsIn(communityId: string) {
  return db()
    .select({
      actorId: activityEvents.actorId,
      kind: activityEvents.kind,
      subjectType: activityEvents.subjectType,
      subjectId: activityEvents.subjectId,
    })
    .from(activityEvents)
    .where(eq(activityEvents.communityId, communityId))
    .orderBy(asc(activityEvents.occurredAt), asc(activityEvents.kind));
}

describe('the event log', () => {
  it('records posting, replying, reacting, answering, attending, resources, joining and leaving', async () => {
    const leader = await signedInUser(t.app);
    const member = await signedInUser(t.app);
    const community = await createTestCommunity(db(), [leader.user.id]);
    const slug = community.slug;
    const kindsOf = async (actorId: string) =>
      (await eventsIn(community.id)).filter((e) => e.actorId === actorId).map((e) => e.kind);

    expect((await call('POST', `/api/communities/${slug}/join`, member.cookie, {})).statusCode).toBeLessThan(
      300,
    );
    const thread = await call('POST', `/api/communities/${slug}/threads`, member.cookie, {
      kind: 'discussion',
      title: 'Rubrics',
      body: 'How do you use them?',
    });
    expect(thread.statusCode).toBe(201);
    const threadId: string = thread.json().data.id;
    const reply = await call('POST', `/api/threads/${threadId}/replies`, leader.cookie, { body: 'Often.' });
    expect(reply.statusCode).toBe(201);
    const reaction = await call('POST', `/api/threads/${threadId}/reactions`, member.cookie, { emoji: '👍' });
    expect(reaction.statusCode).toBe(201);
    const meeting = await createTestMeeting(db(), community.id);
    expect(
      (await call('PUT', `/api/meetings/${meeting.id}/rsvp`, member.cookie, { answer: 'going' })).statusCode,
    ).toBe(200);
    const resource = await call('POST', `/api/communities/${slug}/resources`, member.cookie, {
      kind: 'link',
      title: 'Rubric bank',
      url: 'https://example.org/rubrics',
    });
    expect(resource.statusCode).toBe(201);
    const resourceId: string = resource.json().data.id;
    // Viewed twice on one day: one event, as the view is counted once a day.
    expect((await call('GET', `/api/resources/${resourceId}`, leader.cookie)).statusCode).toBe(200);
    const viewed = await call('GET', `/api/resources/${resourceId}`, leader.cookie);
    expect(viewed.json().data.viewCount).toBe(1);
    const used = await call('POST', `/api/resources/${resourceId}/uses`, leader.cookie, {
      kind: 'used',
      story: 'Worked.',
    });
    expect(used.statusCode).toBe(201);
    const started = await createTestMeeting(db(), community.id, { startsInHours: -2 });
    for (let i = 0; i < 2; i++) {
      const attendance = await call('PUT', `/api/meetings/${started.id}/attendance`, leader.cookie, {
        userIds: [member.user.id, leader.user.id],
      });
      expect(attendance.statusCode).toBeLessThan(300);
    }
    expect((await call('POST', `/api/communities/${slug}/leave`, member.cookie, {})).statusCode).toBeLessThan(
      300,
    );

    expect(await kindsOf(member.user.id)).toEqual(
      expect.arrayContaining([
        'member.joined',
        'thread.posted',
        'reaction.added',
        'meeting.answered',
        'resource.added',
        'meeting.attended',
        'member.left',
      ]),
    );
    const leaderKinds = await kindsOf(leader.user.id);
    expect(leaderKinds.filter((k) => k === 'resource.viewed')).toHaveLength(1);
    expect(leaderKinds).toEqual(
      expect.arrayContaining(['reply.posted', 'resource.used', 'meeting.attended']),
    );
    // Attendance taken twice names each person once.
    expect((await kindsOf(member.user.id)).filter((k) => k === 'meeting.attended')).toHaveLength(1);
    const events = await eventsIn(community.id);
    expect(events).toContainEqual({
      actorId: member.user.id,
      kind: 'thread.posted',
      subjectType: 'thread',
      subjectId: threadId,
    });
    expect(events).toContainEqual({
      actorId: member.user.id,
      kind: 'resource.added',
      subjectType: 'resource',
      subjectId: resourceId,
    });
  });

  it('records joining by an approved request and leaving by removal, with the person who joined or left', async () => {
    const leader = await signedInUser(t.app);
    const asker = await signedInUser(t.app);
    const community = await createTestCommunity(db(), [leader.user.id], { joinPolicy: 'request' });
    const slug = community.slug;
    const asked = await call('POST', `/api/communities/${slug}/requests`, asker.cookie, { message: 'Hello' });
    expect(asked.statusCode).toBe(201);
    const [pending] = (await call('GET', `/api/communities/${slug}/requests`, leader.cookie)).json().data;
    const decided = await call(
      'POST',
      `/api/communities/${slug}/requests/${pending.id}/decision`,
      leader.cookie,
      {
        decision: 'approve',
      },
    );
    expect(decided.statusCode).toBe(200);
    const removed = await call('DELETE', `/api/communities/${slug}/members/${asker.user.id}`, leader.cookie);
    expect(removed.statusCode).toBe(200);
    const events = (await eventsIn(community.id)).filter((e) => e.actorId === asker.user.id);
    expect(events.map((e) => e.kind)).toEqual(['member.joined', 'member.left']);
  });

  it('writes nothing when the action is refused', async () => {
    const leader = await signedInUser(t.app);
    const stranger = await signedInUser(t.app);
    const community = await createTestCommunity(db(), [leader.user.id]);
    const before = (await eventsIn(community.id)).length;
    const refused = await call('POST', `/api/communities/${community.slug}/threads`, stranger.cookie, {
      kind: 'discussion',
      title: 'Hello',
      body: 'Anyone?',
    });
    expect(refused.statusCode).toBe(403);
    const bad = await call('POST', `/api/communities/${community.slug}/threads`, leader.cookie, {
      kind: 'discussion',
      title: '',
      body: 'Anyone?',
    });
    expect(bad.statusCode).toBe(400);
    expect(await eventsIn(community.id)).toHaveLength(before);
  });

  it('finds the members with no event since a date who joined before it', async () => {
    const leader = await createUser(db());
    const [active, quiet, newcomer, elsewhere] = await Promise.all([
      createUser(db()),
      createUser(db()),
      createUser(db()),
      createUser(db()),
    ]);
    if (!leader || !active || !quiet || !newcomer || !elsewhere) throw new Error('no people');
    const community = await createTestCommunity(db(), [leader.id], {
      members: [
        [active.id, 'member'],
        [quiet.id, 'member'],
        [newcomer.id, 'member'],
        [elsewhere.id, 'member'],
      ],
    });
    const other = await createTestCommunity(db(), [leader.id]);
    const since = new Date(Date.now() - 60 * 86_400_000);
    const longAgo = new Date(Date.now() - 90 * 86_400_000);
    await db()
      .update(communityMembers)
      .set({ joinedAt: longAgo })
      .where(
        and(
          eq(communityMembers.communityId, community.id),
          sql`${communityMembers.userId} <> ${newcomer.id}`,
        ),
      );
    await db()
      .insert(activityEvents)
      .values([
        { communityId: community.id, actorId: active.id, kind: 'reply.posted', subjectType: 'post' },
        // Active long ago only: still inactive.
        {
          communityId: community.id,
          actorId: quiet.id,
          kind: 'reply.posted',
          subjectType: 'post',
          occurredAt: longAgo,
        },
        // Active in another community only: inactive here.
        { communityId: other.id, actorId: elsewhere.id, kind: 'reply.posted', subjectType: 'post' },
      ]);
    const inactive = await findInactiveMemberIds(db(), community.id, since);
    expect(inactive.sort()).toEqual([leader.id, quiet.id, elsewhere.id].sort());
  });
});
