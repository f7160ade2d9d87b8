import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getTestApp, requester, type TestApp } from '../../test/app.ts';
import { signedInUser } from '../../test/factories.ts';

let t: TestApp;
let dir: string;
let call: ReturnType<typeof requester>;
let admin: { cookie: string };
let coordinator: { cookie: string };
let member: { cookie: string };
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'copse-backups-api-'));
  t = await getTestApp({ env: { BACKUP_DIR: dir, BACKUP_KEEP: '3', BACKUP_SCHEDULE: '30 2 * * *' } });
  call = requester(t);
  admin = await signedInUser(t.app, { role: 'administrator' });
  coordinator = await signedInUser(t.app, { role: 'coordinator' });
  member = await signedInUser(t.app, { role: 'member' });
});
afterAll(async () => {
  await t.close();
  await rm(dir, { recursive: true, force: true });
});

describe('/api/admin/backups', () => {
  it.each([
    ['GET', '/api/admin/backups'],
    ['POST', '/api/admin/backups'],
  ] as const)('%s %s: anonymous 401, member and coordinator 403 with the reason', async (method, url) => {
    expect((await call(method, url)).statusCode).toBe(401);
    for (const cookie of [member.cookie, coordinator.cookie]) {
      const refused = await call(method, url, cookie);
      expect(refused.statusCode).toBe(403);
      expect(refused.json().message).toBe('Only administrators can see and make backups.');
    }
  });

  it('lists no backups at first, makes one on "Back up now", then lists it', async () => {
    const empty = await call('GET', '/api/admin/backups', admin.cookie);
    expect(empty.json()).toEqual({ data: { backups: [], schedule: '30 2 * * *', keep: 3 } });

    const made = await call('POST', '/api/admin/backups', admin.cookie);
    expect(made.statusCode).toBe(201);
    const { backup, deleted, tables } = made.json().data;
    expect(backup.name).toMatch(/^copse-backup-\d{8}T\d{9}Z\.tar\.gz$/);
    expect(backup.size).toBeGreaterThan(0);
    expect(tables).toBeGreaterThan(40);
    expect(deleted).toEqual([]);

    const listed = await call('GET', '/api/admin/backups', admin.cookie);
    expect(listed.json().data.backups).toEqual([backup]);
    const audit = await call('GET', '/api/admin/audit', admin.cookie);
    expect(audit.json().data[0]).toMatchObject({ action: 'backup.create' });
  });
});
