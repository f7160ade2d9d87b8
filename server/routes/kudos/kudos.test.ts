import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kudos, notifications } from '../../db/schema/index.ts';
import { getTestApp, requester, type TestApp } from '../../test/app.ts';
import { createTestCommunity, createUser, signedInUser, signInAs } from '../../test/factories.ts';
import { createTestMeeting } from '../../test/meetings.ts';

let t: TestApp;
beforeAll(async () => {
  t = await getTestApp();
});
afterAll(async () => t.close());

const call = (...args: Parameters<ReturnType<typeof requester>>) => requester(t)(...args);
const db = () => t.app.deps.database.db;

/** A community with a leader, two members (Ann posts, Ben thanks) and a thread of Ann's with a reply of hers. */
async function setting(visibility: 'institution' | 'private' = 'institution') {
  const leader = await signedInUser(t.app);
  const [ann, ben] = await Promise.all([createUser(db()), createUser(db())]);
  if (!ann || !ben) throw new Error('no people');
  const community = await createTestCommunity(db(), [leader.user.id], {
    visibility,
    members: [
      [ann.id, 'member'],
      [ben.id, 'member'],
    ],
  });
  const annCookie = await signInAs(t.app, ann.email);
  const benCookie = await signInAs(t.app, ben.email);
  const thread = await call('POST', `/api/communities/${community.slug}/threads`, annCookie, {
    kind: 'question',
    title: 'How do you run peer feedback?',
    body: 'We use a two-stars-and-a-wish form.',
  });
  expect(thread.statusCode, thread.body).toBe(201);
  const threadId = thread.json().data.id as string;
  const reply = await call('POST', `/api/threads/${threadId}/replies`, annCookie, {
    body: 'And we swap pairs each week.',
  });
  expect(reply.statusCode, reply.body).toBe(201);
  return {
    leader,
    community,
    ann: { user: ann, cookie: annCookie },
    ben: { user: ben, cookie: benCookie },
    threadId,
    replyId: reply.json().data.id as string,
  };
}

describe('giving kudos', () => {
  it('thanks the author of a thread, a reply and a resource, tells them, and lists them', async () => {
    const s = await setting();
    const forThread = await call('POST', '/api/kudos', s.ben.cookie, {
      subjectType: 'thread',
      subjectId: s.threadId,
      message: 'This form changed my Monday class.',
    });
    expect(forThread.statusCode, forThread.body).toBe(201);
    const forReply = await call('POST', '/api/kudos', s.ben.cookie, {
      subjectType: 'post',
      subjectId: s.replyId,
      message: 'Swapping pairs: great idea.',
    });
    expect(forReply.statusCode, forReply.body).toBe(201);
    // Once for each contribution.
    const again = await call('POST', '/api/kudos', s.ben.cookie, {
      subjectType: 'thread',
      subjectId: s.threadId,
      message: 'Twice!',
    });
    expect(again.statusCode).toBe(409);

    const listed = await call('GET', `/api/kudos?subjectType=thread&subjectId=${s.threadId}`, s.ann.cookie);
    expect(listed.statusCode).toBe(200);
    expect(listed.json().data).toMatchObject([
      {
        subjectType: 'thread',
        giver: { id: s.ben.user.id },
        receiver: { id: s.ann.user.id },
        message: 'This form changed my Monday class.',
        subjectTitle: 'How do you run peer feedback?',
        url: `/discussions/${s.threadId}`,
      },
      { subjectType: 'post', url: `/discussions/${s.threadId}#post-${s.replyId}` },
    ]);
    const told = await db().select().from(notifications).where(eq(notifications.userId, s.ann.user.id));
    expect(told.filter((n) => n.kind === 'community.kudos')).toHaveLength(2);

    const community = await call('GET', `/api/communities/${s.community.slug}/kudos`, s.leader.cookie);
    expect(community.json().data).toHaveLength(2);

    // A meeting's kudos go to the person who scheduled it.
    const meeting = await createTestMeeting(db(), s.community.id, {
      startsInHours: -3,
      createdBy: s.leader.user.id,
    });
    // Its page names the organiser, and who may thank them for hosting (not the organiser).
    const page = (await call('GET', `/api/meetings/${meeting.id}`, s.ann.cookie)).json().data;
    expect(page.organiser).toMatchObject({ id: s.leader.user.id });
    expect(page.abilities.giveKudos).toBe(true);
    const own = (await call('GET', `/api/meetings/${meeting.id}`, s.leader.cookie)).json().data;
    expect(own.abilities.giveKudos).toBe(false);
    const later = await createTestMeeting(db(), s.community.id, { createdBy: s.leader.user.id });
    const ahead = (await call('GET', `/api/meetings/${later.id}`, s.ann.cookie)).json().data;
    expect(ahead.abilities.giveKudos).toBe(false);
    const forMeeting = await call('POST', '/api/kudos', s.ann.cookie, {
      subjectType: 'meeting',
      subjectId: meeting.id,
      message: 'Thank you for hosting.',
    });
    expect(forMeeting.statusCode, forMeeting.body).toBe(201);
    const meetingKudos = await call(
      'GET',
      `/api/kudos?subjectType=meeting&subjectId=${meeting.id}`,
      s.ben.cookie,
    );
    expect(meetingKudos.json().data).toMatchObject([
      { receiver: { id: s.leader.user.id }, url: `/meetings/${meeting.id}` },
    ]);
  });

  it('is taken back only by its giver', async () => {
    const s = await setting();
    const given = await call('POST', '/api/kudos', s.ben.cookie, {
      subjectType: 'thread',
      subjectId: s.threadId,
      message: 'Thanks!',
    });
    const id = given.json().data.id as string;
    expect((await call('DELETE', `/api/kudos/${id}`, s.ann.cookie)).statusCode).toBe(403);
    expect((await call('DELETE', `/api/kudos/${id}`, s.leader.cookie)).statusCode).toBe(403);
    expect((await call('DELETE', `/api/kudos/${id}`)).statusCode).toBe(401);
    expect((await call('DELETE', `/api/kudos/${id}`, s.ben.cookie)).statusCode).toBe(200);
    expect((await call('DELETE', `/api/kudos/${id}`, s.ben.cookie)).statusCode).toBe(404);
  });
});

describe('who may give kudos, and bad input', () => {
  it('refuses oneself, outsiders, visitors and bad input with field-level messages, writing nothing', async () => {
    const s = await setting();
    const body = { subjectType: 'thread', subjectId: s.threadId, message: 'Thanks!' };
    const self = await call('POST', '/api/kudos', s.ann.cookie, body);
    expect(self.statusCode).toBe(409);
    const outsider = await signedInUser(t.app);
    expect((await call('POST', '/api/kudos', outsider.cookie, body)).statusCode).toBe(403);
    expect((await call('POST', '/api/kudos', undefined, body)).statusCode).toBe(401);

    const bad: [object, string][] = [
      [{ ...body, message: '' }, 'message'],
      [{ ...body, message: 'x'.repeat(281) }, 'message'],
      [{ ...body, subjectType: 'community' }, 'subjectType'],
      [{ ...body, subjectId: 'not-an-id' }, 'subjectId'],
      [{ subjectType: 'thread', subjectId: s.threadId }, 'message'],
    ];
    for (const [input, field] of bad) {
      const response = await call('POST', '/api/kudos', s.ben.cookie, input);
      expect(response.statusCode, JSON.stringify(input)).toBe(400);
      expect(response.json().fields, JSON.stringify(input)).toHaveProperty(field);
    }
    const missing = await call('POST', '/api/kudos', s.ben.cookie, {
      ...body,
      subjectId: crypto.randomUUID(),
    });
    expect(missing.statusCode).toBe(404);
    const stored = await db().select().from(kudos).where(eq(kudos.subjectId, s.threadId));
    expect(stored).toEqual([]);
  });

  it('keeps a private community’s kudos from those who cannot see it', async () => {
    const s = await setting('private');
    await call('POST', '/api/kudos', s.ben.cookie, {
      subjectType: 'thread',
      subjectId: s.threadId,
      message: 'Thanks!',
    });
    const stranger = await signedInUser(t.app);
    expect(
      (await call('GET', `/api/kudos?subjectType=thread&subjectId=${s.threadId}`, stranger.cookie))
        .statusCode,
    ).toBe(404);
    expect(
      (await call('GET', `/api/communities/${s.community.slug}/kudos`, stranger.cookie)).statusCode,
    ).toBe(404);
    const given = await call('POST', '/api/kudos', stranger.cookie, {
      subjectType: 'thread',
      subjectId: s.threadId,
      message: 'Hello',
    });
    expect(given.statusCode).toBe(404);
  });
});
