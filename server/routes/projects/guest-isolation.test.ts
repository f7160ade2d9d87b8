import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mailMessages } from '../../db/schema/index.ts';
import { sendDigests } from '../../services/digests/send-digests.ts';
import { getTestApp, requester, type TestApp } from '../../test/app.ts';
import { createTestCommunity, signedInUser } from '../../test/factories.ts';
import { createTestMeeting } from '../../test/meetings.ts';
import { invitePartner, startProject } from '../../test/projects.ts';

/**
 * An external partner on a project sees that project and nothing else of Copse (#18 §4). Generated from
 * `/api/openapi.json`: every GET route is asked as the partner, its path filled with things outside the
 * project, and must answer 404, unless it is in `reachable` below (the partner's account, notifications
 * and projects), whose answers must hold nothing from outside the project. A new GET route the partner
 * can reach fails this test until it is considered here.
 */

let t: TestApp;
let call: ReturnType<typeof requester>;
let partner: { cookie: string; user: { id: string } };
let leadCookie: string;
let projectId: string;
let hiddenProjectId: string;
/** The ids of things outside the project, by the first segment of the path that reads them. */
const outside: Record<string, string> = {};
let slugs: string[] = [];
/** Words from outside the project: none may appear in anything the partner reads. */
const secrets: string[] = [];

beforeAll(async () => {
  t = await getTestApp();
  call = requester(t);
  const db = t.database.db;
  const leader = await signedInUser(t.app, { displayName: 'Lena Secretleader' });
  const lead = await signedInUser(t.app, { displayName: 'Liam Projectlead' });
  const colleague = await signedInUser(t.app, { displayName: 'Cora Hiddencolleague' });
  const home = await createTestCommunity(db, [leader.user.id], {
    name: 'Partnered community',
    visibility: 'public',
    members: [
      [lead.user.id, 'member'],
      [colleague.user.id, 'member'],
    ],
  });
  const other = await createTestCommunity(db, [colleague.user.id], {
    name: 'Zanzibar secret society',
    visibility: 'public',
  });
  slugs = [home.slug, other.slug];
  projectId = await startProject(t, lead.cookie, home.slug, 'Shared textbook');
  hiddenProjectId = await startProject(t, colleague.cookie, home.slug, 'Quasar hidden project');
  partner = await invitePartner(t, lead.cookie, projectId);
  leadCookie = lead.cookie;

  // The community's life after the partner joined: an announcement (told to every member), a
  // discussion, a meeting and a resource, in the partner's community and in another.
  const thread = await call('POST', `/api/communities/${home.slug}/threads`, leader.cookie, {
    kind: 'announcement',
    title: 'Xylophone announcement',
    body: 'For members only.',
  });
  expect(thread.statusCode, thread.body).toBe(201);
  const resource = await call('POST', `/api/communities/${home.slug}/resources`, colleague.cookie, {
    kind: 'link',
    title: 'Yodel resource',
    url: 'https://example.test/yodel',
  });
  expect(resource.statusCode, resource.body).toBe(201);
  const meeting = await createTestMeeting(db, home.id, { title: 'Walrus meeting' });
  await createTestMeeting(db, other.id, { title: 'Walrus other meeting' });
  Object.assign(outside, {
    threads: thread.json().data.id,
    resources: resource.json().data.id,
    meetings: meeting.id,
    people: colleague.user.id,
    users: colleague.user.id,
    projects: hiddenProjectId,
    communities: other.id,
  });
  secrets.push(
    'Zanzibar',
    other.slug,
    'Quasar',
    'Xylophone',
    'Yodel',
    'Walrus',
    'Secretleader',
    'Hiddencolleague',
    colleague.user.email,
  );
});
afterAll(async () => t.close());

const uuidLike = '00000000-0000-4000-8000-000000000000';

/** Every way to fill `path`'s parameters with things outside the project. */
function fill(path: string): string[] {
  const segment = path.split('/')[2] ?? '';
  const values: Record<string, string[]> = {
    slug: slugs,
    id: [outside[segment] ?? outside.people ?? uuidLike],
    userId: [outside.people ?? uuidLike],
    token: ['not-a-real-token-not-a-real-token-0000000000'],
    file: ['feed.ics'],
    side: ['mentor'],
  };
  let urls = [path];
  for (const name of path.match(/\{(\w+)\}/g) ?? []) {
    const key = name.slice(1, -1);
    const options = values[key] ?? [uuidLike];
    urls = urls.flatMap((url) => options.map((value) => url.replace(name, value)));
  }
  return urls;
}

function expectNoSecrets(url: string, body: string): void {
  for (const secret of secrets) expect(body, `${url} shows "${secret}" to the partner`).not.toContain(secret);
}

/**
 * The GET routes a partner reaches, each considered: what the answer may hold is the partner's own
 * (checked to hold nothing from outside the project).
 */
const reachable: Record<string, 'own' | 'token' | 'project'> = {
  '/api/health': 'own',
  '/api/health/live': 'own',
  '/api/health/ready': 'own',
  '/api/institution': 'own',
  '/api/institution/logo': 'own',
  '/api/auth/session': 'own',
  '/api/auth/sessions': 'own',
  '/api/auth/identities': 'own',
  '/api/auth/sso/options': 'own',
  '/api/auth/sso/{id}/start': 'own',
  '/api/auth/sso/callback': 'own',
  '/api/account/two-factor': 'own',
  '/api/me': 'own',
  '/api/me/projects': 'own',
  '/api/me/export': 'own',
  '/api/me/export/{token}': 'token',
  '/api/notifications': 'own',
  '/api/notifications/unread-count': 'own',
  '/api/notifications/preferences': 'own',
  '/api/invitations/{token}': 'token',
  '/api/unsubscribe/{token}': 'token',
  '/api/projects/{id}': 'project',
};

describe('a partner on a project', () => {
  it('gets 404 from every GET route outside the project, and nothing from outside in those they reach', async () => {
    const document = (await call('GET', '/api/openapi.json')).json() as {
      paths: Record<string, Record<string, unknown>>;
    };
    const gets = Object.keys(document.paths).filter((path) => 'get' in (document.paths[path] ?? {}));
    expect(gets.length).toBeGreaterThan(100);
    for (const path of Object.keys(reachable)) expect(gets, `${path} is no GET route`).toContain(path);
    for (const path of gets) {
      const kind = reachable[path];
      if (kind === 'project') {
        const own = await call('GET', path.replace('{id}', projectId), partner.cookie);
        expect(own.statusCode).toBe(200);
        expectNoSecrets(path, own.body);
        expect((await call('GET', path.replace('{id}', hiddenProjectId), partner.cookie)).statusCode).toBe(
          404,
        );
        continue;
      }
      for (const url of fill(path)) {
        const response = await call('GET', url, partner.cookie);
        if (kind === undefined) {
          expect(response.statusCode, `GET ${url} answered the partner ${response.statusCode}`).toBe(404);
        } else {
          expect(response.statusCode, `GET ${url}`).toBeLessThan(500);
          if (kind === 'token') expect(response.statusCode, `GET ${url}`).toBeGreaterThanOrEqual(400);
          expectNoSecrets(url, response.body);
        }
      }
    }
  });

  it('is told nothing of the community: no notification, no digest, no calendar feed', async () => {
    const notifications = await call('GET', '/api/notifications', partner.cookie);
    expect(notifications.json().data).toEqual([]);
    // The community's members were told of the announcement.
    expect((await call('GET', '/api/notifications', leadCookie)).body).toContain('Xylophone');
    let at = new Date(Math.ceil(Date.now() / 3_600_000) * 3_600_000);
    while (at.getUTCHours() !== 7) at = new Date(at.getTime() + 3_600_000);
    for (const day of [0, 1, 2, 3, 4, 5, 6])
      await sendDigests(
        { database: t.database, jobs: t.app.deps.jobs },
        'http://copse.test',
        new Date(at.getTime() + day * 86_400_000),
      );
    const mails = await t.database.db.select().from(mailMessages);
    for (const mail of mails.filter(
      (m) => m.userId === partner.user.id || m.toAddress.startsWith('partner-'),
    ))
      expectNoSecrets(`email "${mail.subject}"`, `${mail.subject} ${mail.textBody}`);
    // The member's calendar feed address cannot be made, and the search cannot be asked.
    expect((await call('POST', '/api/calendar/feed', partner.cookie)).statusCode).toBe(404);
    expect((await call('GET', '/api/search?q=Xylophone', partner.cookie)).statusCode).toBe(404);
  });
});
