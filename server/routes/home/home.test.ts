import { afterAll, beforeAll, expect, it } from 'vitest';
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

it("brings together what is new in the member's communities, and nothing from elsewhere", async () => {
  const leader = await signedInUser(t.app);
  const member = await createUser(db());
  const mine = await createTestCommunity(db(), [leader.user.id], { members: [[member.id, 'member']] });
  const elsewhere = await createTestCommunity(db(), [leader.user.id], { visibility: 'public' });
  const cookie = await signInAs(t.app, member.email);
  await call('POST', `/api/communities/${mine.slug}/threads`, leader.cookie, {
    kind: 'announcement',
    title: 'Welcome, new term',
    body: 'Hello all.',
  });
  await call('POST', `/api/communities/${mine.slug}/threads`, cookie, { title: 'Rubrics?', body: 'Ideas?' });
  await call('POST', `/api/communities/${elsewhere.slug}/threads`, leader.cookie, {
    title: 'Other',
    body: 'x',
  });
  const other = await createUser(db());
  const otherCookie = await signInAs(t.app, other.email);
  await call('POST', `/api/communities/${mine.slug}/join`, otherCookie, {});
  await call('POST', `/api/communities/${mine.slug}/threads`, otherCookie, {
    title: 'Field trip?',
    body: 'When?',
  });
  const meeting = await createTestMeeting(db(), mine.id, { startsInHours: 3, title: 'Clinic' });
  const resourceIn = async (slug: string, title: string) => {
    const added = await call('POST', `/api/communities/${slug}/resources`, leader.cookie, {
      kind: 'link',
      title,
      url: 'https://example.org',
    });
    return added.json().data.id as string;
  };
  const featured = await resourceIn(mine.slug, 'Feedback starter kit');
  await resourceIn(mine.slug, 'Not featured');
  const featuredElsewhere = await resourceIn(elsewhere.slug, 'Featured elsewhere');
  for (const id of [featured, featuredElsewhere]) {
    await call('PUT', `/api/resources/${id}/featured`, leader.cookie, { featured: true });
  }
  await createTestMeeting(db(), elsewhere.id, { startsInHours: 2, title: 'Not mine' });

  const home = (await call('GET', '/api/home', cookie)).json().data;
  expect(
    home.announcements.map((a: { title: string; community: { slug: string } }) => [
      a.title,
      a.community.slug,
    ]),
  ).toEqual([['Welcome, new term', mine.slug]]);
  expect(home.activeThreads.map((a: { title: string; unread: boolean }) => [a.title, a.unread])).toEqual([
    ['Field trip?', true],
    ['Rubrics?', false],
  ]);
  expect(home.upcomingMeetings.map((m: { id: string }) => m.id)).toEqual([meeting.id]);
  expect(home.featuredResources.map((r: { title: string }) => r.title)).toEqual(['Feedback starter kit']);
  expect((await call('GET', '/api/home')).statusCode).toBe(401);
});
