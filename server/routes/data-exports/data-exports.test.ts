import { and, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, dataExports, notifications } from '../../db/schema/index.ts';
import type { JobPayloads, Jobs } from '../../jobs/queue.ts';
import { exportedKinds } from '../../queries/personal-data.ts';
import { buildDataExport } from '../../services/data-exports/build-export.ts';
import { cleanUpDataExports } from '../../services/data-exports/download-export.ts';
import { getTestApp, requester, type TestApp } from '../../test/app.ts';
import { createTestCommunity, latestEmailTo, signedInUser } from '../../test/factories.ts';
import { multipartBody, multipartForm, png } from '../../test/uploads.ts';
import { readZip } from '../../test/zip.ts';

// The build job is queued after the commit; here the queue keeps the ids and the test runs the job.
const queued: string[] = [];
const jobs: Jobs = {
  async send(name, data) {
    if (name === 'exports.build') queued.push((data as JobPayloads['exports.build']).exportId);
  },
  async sendEmails() {},
};

let t: TestApp;
let call: ReturnType<typeof requester>;
beforeAll(async () => {
  t = await getTestApp({ jobs });
  call = requester(t);
});
afterAll(async () => {
  await t.close();
});

async function runQueuedJobs() {
  while (queued.length > 0) {
    const id = queued.shift();
    if (id) await buildDataExport(t.app.deps, id);
  }
}

/** The token of the download link in the latest email to `address`. */
async function linkIn(address: string): Promise<string> {
  const { link } = await latestEmailTo(t.app.deps.database.db, address);
  const url = new URL(link ?? '');
  expect(url.pathname).toMatch(/^\/api\/me\/export\/[A-Za-z0-9_-]{43}$/);
  return url.pathname;
}

describe('/api/me/export', () => {
  it('prepares a zip of the person’s records of every kind, their uploads and a README, downloaded once', async () => {
    const ann = await signedInUser(t.app, { displayName: 'Ann Export' });
    const ben = await signedInUser(t.app);
    const community = await createTestCommunity(t.app.deps.database.db, [ann.user.id], {
      members: [[ben.user.id, 'member']],
    });
    // Records of several kinds, through the endpoints.
    const photo = multipartBody('me.png', png, 'image/png');
    expect(
      (
        await t.app.inject({
          method: 'PUT',
          url: '/api/me/photo',
          headers: { cookie: ann.cookie, ...photo.headers },
          payload: photo.payload,
        })
      ).statusCode,
    ).toBe(200);
    const thread = await call('POST', `/api/communities/${community.slug}/threads`, ann.cookie, {
      kind: 'question',
      title: '=1+1 peer feedback',
      body: 'How do you run it?',
    });
    const threadId = thread.json().data.id;
    const reply = await call('POST', `/api/threads/${threadId}/replies`, ben.cookie, { body: 'Pairs.' });
    await call('POST', `/api/threads/${threadId}/replies`, ann.cookie, { body: 'Thanks, Ben.' });
    await call('PUT', `/api/threads/${threadId}/helpful`, ann.cookie, { postId: reply.json().data.id });
    await call('POST', `/api/threads/${threadId}/reactions`, ann.cookie, { emoji: '👍' });
    // Ben marks Ann's answer to his question as the helpful one.
    const bens = await call('POST', `/api/communities/${community.slug}/threads`, ben.cookie, {
      kind: 'question',
      title: 'Rubrics?',
      body: 'Any good ones?',
    });
    const answer = await call('POST', `/api/threads/${bens.json().data.id}/replies`, ann.cookie, {
      body: 'Mine.',
    });
    const marked = await call('PUT', `/api/threads/${bens.json().data.id}/helpful`, ben.cookie, {
      postId: answer.json().data.id,
    });
    expect(marked.statusCode).toBe(200);
    await call('POST', '/api/kudos', ben.cookie, {
      subjectType: 'thread',
      subjectId: threadId,
      message: 'Great question.',
    });
    const form = multipartForm(
      [
        ['kind', 'file'],
        ['title', 'Feedback grid'],
      ],
      { name: 'grid.png', bytes: png, type: 'image/png' },
    );
    const upload = await t.app.inject({
      method: 'POST',
      url: `/api/communities/${community.slug}/resources/upload`,
      headers: { ...form.headers, cookie: ann.cookie },
      payload: form.payload,
    });
    expect(upload.statusCode, upload.body).toBe(201);

    expect((await call('GET', '/api/me/export', ann.cookie)).json().data.status).toBe('none');
    const asked = await call('POST', '/api/me/export', ann.cookie);
    expect(asked.statusCode).toBe(202);
    expect(asked.json().data.status).toBe('preparing');
    // One request at a time.
    const again = await call('POST', '/api/me/export', ann.cookie);
    expect(again.statusCode).toBe(409);
    expect(again.json().message).toBe(
      'An export of this data is already being prepared. Wait for its email before asking again.',
    );

    await runQueuedJobs();
    const state = (await call('GET', '/api/me/export', ann.cookie)).json().data;
    expect(state.status).toBe('ready');
    expect(new Date(state.expiresAt).getTime() - Date.now()).toBeGreaterThan(6.9 * 24 * 3600 * 1000);
    const notices = await t.app.deps.database.db
      .select()
      .from(notifications)
      .where(eq(notifications.userId, ann.user.id));
    expect(notices.map((notice) => notice.titleKey)).toContain('dataexport.notify.readyTitle');
    const path = await linkIn(ann.user.email);

    // Another person holding the link is told nothing; signed out, sign in first.
    expect((await call('GET', path, ben.cookie)).statusCode).toBe(404);
    expect((await call('GET', path)).statusCode).toBe(401);

    const download = await call('GET', path, ann.cookie);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/zip');
    expect(download.headers['content-disposition']).toMatch(
      /^attachment; filename="?copse-data-\d{4}-\d{2}-\d{2}\.zip/,
    );
    const zip = await readZip(download.rawPayload);
    const data = JSON.parse(zip.get('data.json')?.toString() ?? '{}') as Record<
      string,
      Record<string, unknown>[]
    >;
    expect(Object.keys(data).sort()).toEqual(exportedKinds.map((kind) => kind.kind).sort());
    const expected = [
      'profile',
      'sessions',
      'memberships',
      'threads',
      'replies',
      'reactions',
      'helpful_marks',
      'followed_threads',
      'resources',
      'kudos',
      'notifications',
      'activity',
    ];
    for (const kind of expected) {
      expect(data[kind]?.length, kind).toBeGreaterThan(0);
      expect(zip.has(`csv/${kind}.csv`), kind).toBe(true);
    }
    const [profile] = data.profile ?? [];
    expect(profile?.displayName).toBe('Ann Export');
    expect(profile).not.toHaveProperty('passwordHash');
    expect(data.sessions?.[0]).not.toHaveProperty('id');
    // Ben's reply is not Ann's; the kudos Ben gave her is.
    expect(data.replies?.map((row) => row.body).sort()).toEqual(['Mine.', 'Thanks, Ben.']);
    expect(data.helpful_marks?.map((row) => row.title)).toEqual(['Rubrics?']);
    expect(data.kudos?.[0]?.message).toBe('Great question.');
    // The CSV neutralises what a spreadsheet would run.
    expect(zip.get('csv/threads.csv')?.toString()).toContain("'=1+1");
    expect(zip.get('files/profile-photo.png')?.equals(png)).toBe(true);
    const toolkitFile = [...zip.keys()].find((name) => name.startsWith('files/toolkit/'));
    expect(toolkitFile).toMatch(/\/grid\.png$/);
    expect(zip.get('README.txt')?.toString()).toContain('Your data from Copse: Ann Export');

    // Once only; the cleanup then removes the zip from the storage.
    const second = await call('GET', path, ann.cookie);
    expect(second.statusCode).toBe(410);
    expect(second.json().message).toBe(
      'This download link has been used already: it works once. Prepare the data again for a new copy.',
    );
    expect((await call('GET', '/api/me/export', ann.cookie)).json().data.status).toBe('downloaded');
    const [row] = await t.app.deps.database.db
      .select()
      .from(dataExports)
      .where(eq(dataExports.userId, ann.user.id));
    expect(await t.app.deps.storage.read(row?.storageKey ?? '')).toBeDefined();
    expect(await cleanUpDataExports(t.app.deps)).toBeGreaterThan(0);
    expect(await t.app.deps.storage.get(row?.storageKey ?? '')).toBeUndefined();
    const audit = await t.app.deps.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.subjectId, ann.user.id), like(auditLog.action, 'account.export.%')));
    expect(audit.map((entry) => entry.action).sort()).toEqual([
      'account.export.downloaded',
      'account.export.requested',
    ]);
  });

  it('expires a ready export after seven days (410), deletes its zip, and gives a fresh link to a ready one', async () => {
    const cy = await signedInUser(t.app);
    await call('POST', '/api/me/export', cy.cookie);
    await runQueuedJobs();
    const emailed = await linkIn(cy.user.email);
    // The settings page's link replaces the emailed one.
    const fresh = await call('POST', '/api/me/export/link', cy.cookie);
    expect(fresh.statusCode).toBe(200);
    expect((await call('GET', emailed, cy.cookie)).statusCode).toBe(404);

    const { db } = t.app.deps.database;
    const [row] = await db.select().from(dataExports).where(eq(dataExports.userId, cy.user.id));
    await db
      .update(dataExports)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(dataExports.userId, cy.user.id));
    expect((await call('GET', '/api/me/export', cy.cookie)).json().data.status).toBe('expired');
    const late = await call('GET', fresh.json().data.url, cy.cookie);
    expect(late.statusCode).toBe(410);
    expect(late.json().message).toBe(
      'This download link has expired. Prepare the data again for a new copy.',
    );
    await cleanUpDataExports(t.app.deps);
    expect(await t.app.deps.storage.get(row?.storageKey ?? '')).toBeUndefined();
    expect((await call('POST', '/api/me/export/link', cy.cookie)).statusCode).toBe(409);
    // A new request is allowed once the earlier one is no longer being prepared.
    expect((await call('POST', '/api/me/export', cy.cookie)).statusCode).toBe(202);
  });

  it('refuses the signed-out, malformed links and unknown ones', async () => {
    const dee = await signedInUser(t.app);
    expect((await call('POST', '/api/me/export')).statusCode).toBe(401);
    expect((await call('GET', '/api/me/export')).statusCode).toBe(401);
    const bad = await call('GET', '/api/me/export/not-a-token', dee.cookie);
    expect(bad.statusCode).toBe(400);
    expect((await call('GET', `/api/me/export/${'A'.repeat(43)}`, dee.cookie)).statusCode).toBe(404);
  });
});

describe('/api/admin/users/:id/export', () => {
  it('lets administrators export a person’s data for a formal request, with a reason, audited; the link is theirs', async () => {
    const admin = await signedInUser(t.app, { role: 'administrator' });
    const person = await signedInUser(t.app, { displayName: 'Eve Formal' });
    const url = `/api/admin/users/${person.user.id}/export`;

    const missing = await call('POST', url, admin.cookie, {});
    expect(missing.statusCode).toBe(400);
    expect(missing.json().fields.reason).toBe(
      'Give the reason for this export (the formal request) in up to 1,000 characters.',
    );
    expect((await call('POST', url, admin.cookie, { reason: '   ' })).statusCode).toBe(400);
    expect(
      (await call('POST', `/api/admin/users/${crypto.randomUUID()}/export`, admin.cookie, { reason: 'x' }))
        .statusCode,
    ).toBe(404);

    const made = await call('POST', url, admin.cookie, { reason: 'Request ref. 2026-114' });
    expect(made.statusCode).toBe(202);
    await runQueuedJobs();
    const [entry] = await t.app.deps.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.subjectId, person.user.id), like(auditLog.action, 'account.export.%')));
    expect(entry).toMatchObject({
      actorId: admin.user.id,
      action: 'account.export.requested',
      data: expect.objectContaining({ reason: 'Request ref. 2026-114', formalRequest: true }),
    });
    // The link goes to the administrator; the person cannot use it, the administrator can.
    const path = await linkIn(admin.user.email);
    expect((await latestEmailTo(t.app.deps.database.db, person.user.email)).message).toBeUndefined();
    expect((await call('GET', path, person.cookie)).statusCode).toBe(404);
    const download = await call('GET', path, admin.cookie);
    expect(download.statusCode).toBe(200);
    const data = JSON.parse((await readZip(download.rawPayload)).get('data.json')?.toString() ?? '{}');
    expect(data.profile[0].displayName).toBe('Eve Formal');
    // The person's own state is theirs: the administrator's export is not their request.
    expect((await call('GET', '/api/me/export', person.cookie)).json().data.status).toBe('none');
  });

  it.each([
    ['member', 403],
    ['coordinator', 403],
  ] as const)('refuses a %s (%i) and the signed-out (401)', async (role, status) => {
    const someone = await signedInUser(t.app, { role });
    const person = await signedInUser(t.app);
    const url = `/api/admin/users/${person.user.id}/export`;
    const refused = await call('POST', url, someone.cookie, { reason: 'Curious' });
    expect(refused.statusCode).toBe(status);
    expect(refused.json().message).toBe("Only administrators export someone else's data.");
    expect((await call('POST', url, undefined, { reason: 'Curious' })).statusCode).toBe(401);
  });
});
