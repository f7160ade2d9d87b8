import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { communityMembers, users } from '../db/schema/index.ts';
import { getTestApp, type TestApp } from '../test/app.ts';
import { createTestCommunity, createUser, signedInUser, signInAs } from '../test/factories.ts';
import { createTestMeeting } from '../test/meetings.ts';

let t: TestApp;
beforeAll(async () => {
  t = await getTestApp();
});
afterAll(async () => t.close());

const db = () => t.app.deps.database.db;

/** A GET as the holder of `cookie`, naming `etag` in If-None-Match when given. */
const get = (url: string, cookie?: string, etag?: string) =>
  t.app.inject({
    method: 'GET',
    url,
    headers: { ...(cookie ? { cookie } : {}), ...(etag ? { 'if-none-match': etag } : {}) },
  });

async function threadSetting() {
  const leader = await signedInUser(t.app);
  const member = await createUser(db());
  if (!member) throw new Error('no member');
  const community = await createTestCommunity(db(), [leader.user.id], { members: [[member.id, 'member']] });
  const cookie = await signInAs(t.app, member.email);
  const started = await t.app.inject({
    method: 'POST',
    url: `/api/communities/${community.slug}/threads`,
    headers: { cookie: leader.cookie },
    payload: { title: 'Marking in pairs', body: 'How do you **start**?' },
  });
  return { leader, member, cookie, community, threadId: started.json().data.id as string };
}

describe('conditional requests on read routes', () => {
  it('tags an answer, answers 304 without a body to the same tag, and keeps it private', async () => {
    const { cookie, threadId } = await threadSetting();
    const first = await get(`/api/threads/${threadId}`, cookie);
    expect(first.statusCode).toBe(200);
    const etag = String(first.headers.etag);
    expect(etag).toMatch(/^"[\w-]{20,}"$/);
    expect(first.headers['cache-control']).toBe('private, no-cache');

    const again = await get(`/api/threads/${threadId}`, cookie, etag);
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    expect(again.headers.etag).toBe(etag);
    expect(again.headers['cache-control']).toBe('private, no-cache');
    // A list of tags, or the weak form of this one, matches too; another tag does not.
    expect((await get(`/api/threads/${threadId}`, cookie, `"other", W/${etag}`)).statusCode).toBe(304);
    expect((await get(`/api/threads/${threadId}`, cookie, '"other"')).statusCode).toBe(200);
  });

  it('changes the tag after an edit', async () => {
    const { leader, cookie, threadId } = await threadSetting();
    const etag = String((await get(`/api/threads/${threadId}`, cookie)).headers.etag);
    const edited = await t.app.inject({
      method: 'PATCH',
      url: `/api/threads/${threadId}`,
      headers: { cookie: leader.cookie },
      payload: { body: 'How do you **start**, and how do you end?' },
    });
    expect(edited.statusCode).toBe(200);
    const after = await get(`/api/threads/${threadId}`, cookie, etag);
    expect(after.statusCode).toBe(200);
    expect(after.json().data.body).toBe('How do you **start**, and how do you end?');
    expect(after.headers.etag).not.toBe(etag);
  });

  it('changes the tag when the viewer’s permissions change', async () => {
    const { member, cookie, community, threadId } = await threadSetting();
    const before = await get(`/api/threads/${threadId}`, cookie);
    expect(before.json().data.abilities.moderate).toBe(false);
    await db()
      .update(communityMembers)
      .set({ role: 'co_leader' })
      .where(and(eq(communityMembers.communityId, community.id), eq(communityMembers.userId, member.id)));
    const after = await get(`/api/threads/${threadId}`, cookie, String(before.headers.etag));
    expect(after.statusCode).toBe(200);
    expect(after.json().data.abilities.moderate).toBe(true);
    expect(after.headers.etag).not.toBe(before.headers.etag);
  });

  it('answers another person with their own tag, and never tags an error or a write', async () => {
    const { leader, cookie, threadId } = await threadSetting();
    const mine = await get(`/api/threads/${threadId}`, cookie);
    const theirs = await get(`/api/threads/${threadId}`, leader.cookie, String(mine.headers.etag));
    // The leader may moderate: a different answer, so a different tag and the whole answer.
    expect(theirs.statusCode).toBe(200);
    expect(theirs.headers.etag).not.toBe(mine.headers.etag);
    const missing = await get('/api/threads/00000000-0000-4000-8000-000000000000', cookie);
    expect(missing.statusCode).toBe(404);
    expect(missing.headers.etag).toBeUndefined();
    const write = await t.app.inject({
      method: 'PUT',
      url: `/api/threads/${threadId}/following`,
      headers: { cookie },
      payload: { following: false },
    });
    expect(write.statusCode).toBe(200);
    expect(write.headers.etag).toBeUndefined();
  });
});

describe('the member iCalendar feed', () => {
  it('answers 304 to its ETag until a meeting, an answer or a membership changes', async () => {
    const leader = await signedInUser(t.app);
    const member = await createUser(db());
    if (!member) throw new Error('no member');
    const community = await createTestCommunity(db(), [leader.user.id], {
      visibility: 'private',
      members: [[member.id, 'member']],
    });
    const meeting = await createTestMeeting(db(), community.id, { title: 'Planning' });
    const cookie = await signInAs(t.app, member.email);
    const url = (
      await t.app.inject({ method: 'POST', url: '/api/calendar/feed', headers: { cookie } })
    ).json().data.url as string;
    const path = new URL(url).pathname;

    const first = await get(path);
    expect(first.statusCode).toBe(200);
    expect(first.body).toContain('SUMMARY:Planning');
    expect(first.headers['cache-control']).toBe('private, max-age=300');
    const etag = String(first.headers.etag);
    expect(etag).toMatch(/^"[\w-]{20,}"$/);
    const again = await get(path, undefined, etag);
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    // Asked again without the tag: the same file and tag.
    const repeated = await get(path);
    expect(repeated.body).toBe(first.body);
    expect(repeated.headers.etag).toBe(etag);

    // An answer changes the file (its title carries it) and so the tag.
    await t.app.inject({
      method: 'PUT',
      url: `/api/meetings/${meeting.id}/rsvp`,
      headers: { cookie },
      payload: { answer: 'maybe' },
    });
    const answered = await get(path, undefined, etag);
    expect(answered.statusCode).toBe(200);
    expect(answered.body).toContain('SUMMARY:Maybe: Planning');
    const answeredTag = String(answered.headers.etag);
    expect(answeredTag).not.toBe(etag);

    // An edit by the leader changes it.
    const edited = await t.app.inject({
      method: 'PATCH',
      url: `/api/meetings/${meeting.id}`,
      headers: { cookie: leader.cookie },
      payload: { title: 'Planning moved' },
    });
    expect(edited.statusCode).toBe(200);
    const afterEdit = await get(path, undefined, answeredTag);
    expect(afterEdit.statusCode).toBe(200);
    expect(afterEdit.body).toContain('Planning moved');
    const editedTag = String(afterEdit.headers.etag);

    // The owner's name is the calendar's name.
    await db().update(users).set({ displayName: 'Renamed Member' }).where(eq(users.id, member.id));
    const renamed = await get(path, undefined, editedTag);
    expect(renamed.statusCode).toBe(200);
    expect(renamed.body).toContain('Copse: Renamed Member');
    const renamedTag = String(renamed.headers.etag);

    // Leaving the private community takes its meetings (but not the answered one's row) out of view:
    // the feed is a different file.
    await db()
      .delete(communityMembers)
      .where(and(eq(communityMembers.communityId, community.id), eq(communityMembers.userId, member.id)));
    const left = await get(path, undefined, renamedTag);
    expect(left.statusCode).toBe(200);
    expect(left.body).not.toContain('Planning moved');
    expect(left.headers.etag).not.toBe(renamedTag);
  });
});
