import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getTestApp, type TestApp } from '../../test/app.ts';
import { createUnit, createUser, latestEmailTo, signedInUser, signInAs } from '../../test/factories.ts';
import { multipartBody, png } from '../../test/uploads.ts';

let t: TestApp;
let admin: { cookie: string; user: { id: string } };
let coordinator: { cookie: string };
let member: { cookie: string };
beforeAll(async () => {
  t = await getTestApp();
  admin = await signedInUser(t.app, { role: 'administrator' });
  coordinator = await signedInUser(t.app, { role: 'coordinator' });
  member = await signedInUser(t.app, { role: 'member' });
});
afterAll(async () => t.close());

const call = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, cookie?: string, payload?: unknown) =>
  t.app.inject({
    method,
    url,
    headers: cookie ? { cookie } : {},
    ...(payload ? { payload: payload as object } : {}),
  });

describe('administration permissions', () => {
  const endpoints: ['GET' | 'POST' | 'PATCH' | 'DELETE', string, unknown?][] = [
    ['GET', '/api/admin/users'],
    ['PATCH', `/api/admin/users/${crypto.randomUUID()}`, { role: 'coordinator' }],
    ['GET', '/api/admin/mail'],
    ['GET', `/api/admin/mail/${crypto.randomUUID()}`],
    ['GET', '/api/admin/audit'],
    ['PATCH', '/api/admin/institution', { name: 'Renamed' }],
    ['POST', '/api/admin/units', { name: 'A unit' }],
    ['PATCH', `/api/admin/units/${crypto.randomUUID()}`, { name: 'Another' }],
    ['DELETE', `/api/admin/units/${crypto.randomUUID()}`],
  ];
  it.each(endpoints)('%s %s: anonymous 401, member and coordinator 403', async (method, url, payload) => {
    expect((await call(method, url, undefined, payload)).statusCode).toBe(401);
    expect((await call(method, url, member.cookie, payload)).statusCode).toBe(403);
    expect((await call(method, url, coordinator.cookie, payload)).statusCode).toBe(403);
    expect((await call(method, url, admin.cookie, payload)).statusCode).not.toBe(403);
  });
});

describe('institution and units', () => {
  it('renames the institution and manages units, recording each in the audit log', async () => {
    expect(
      (await call('PATCH', '/api/admin/institution', admin.cookie, { name: 'Lakeside College' })).statusCode,
    ).toBe(200);
    expect((await call('GET', '/api/institution')).json().data.name).toBe('Lakeside College');
    expect((await call('PATCH', '/api/admin/institution', admin.cookie, { name: 'X' })).statusCode).toBe(400);

    const created = await call('POST', '/api/admin/units', admin.cookie, { name: 'Faculty of Law' });
    expect(created.statusCode).toBe(201);
    const unitId = created.json().data.id as string;
    const duplicate = await call('POST', '/api/admin/units', admin.cookie, { name: 'faculty of law' });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().fields).toHaveProperty('name');
    expect(
      (await call('PATCH', `/api/admin/units/${unitId}`, admin.cookie, { name: 'Law School' })).statusCode,
    ).toBe(200);
    const units = (await call('GET', '/api/units')).json().data as { name: string }[];
    expect(units.map((u) => u.name)).toContain('Law School');
    expect((await call('DELETE', `/api/admin/units/${unitId}`, admin.cookie)).statusCode).toBe(200);
    expect((await call('DELETE', `/api/admin/units/${unitId}`, admin.cookie)).statusCode).toBe(404);

    const audit = (await call('GET', '/api/admin/audit', admin.cookie)).json().data as { action: string }[];
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(['institution.update', 'unit.create', 'unit.rename', 'unit.delete']),
    );
  });

  it('uploads and removes the logo; only administrators may', async () => {
    const upload = multipartBody('logo.png', png, 'image/png');
    const forbidden = await t.app.inject({
      method: 'PUT',
      url: '/api/admin/institution/logo',
      headers: { ...upload.headers, cookie: coordinator.cookie },
      payload: upload.payload,
    });
    expect(forbidden.statusCode).toBe(403);
    const uploaded = await t.app.inject({
      method: 'PUT',
      url: '/api/admin/institution/logo',
      headers: { ...upload.headers, cookie: admin.cookie },
      payload: upload.payload,
    });
    expect(uploaded.statusCode).toBe(200);
    const logoUrl = (await call('GET', '/api/institution')).json().data.logoUrl as string;
    expect(logoUrl).toMatch(/^\/api\/institution\/logo/);
    expect((await call('DELETE', '/api/admin/institution/logo', member.cookie)).statusCode).toBe(403);
    expect((await call('DELETE', '/api/admin/institution/logo', admin.cookie)).statusCode).toBe(200);
    expect((await call('GET', '/api/institution')).json().data.logoUrl).toBeNull();
    expect((await call('GET', logoUrl)).statusCode).toBe(404);
    // Removing when there is no logo is not an error.
    expect((await call('DELETE', '/api/admin/institution/logo', admin.cookie)).statusCode).toBe(200);
  });

  it('counts the people of each unit, leaving out suspended people', async () => {
    const db = t.app.deps.database.db;
    const unit = await createUnit(db);
    await createUser(db, { unitId: unit.id });
    await createUser(db, { unitId: unit.id });
    await createUser(db, { unitId: unit.id, suspended: true });
    const empty = await createUnit(db);
    const units = (await call('GET', '/api/units')).json().data as { id: string; memberCount: number }[];
    expect(units.find((u) => u.id === unit.id)?.memberCount).toBe(2);
    expect(units.find((u) => u.id === empty.id)?.memberCount).toBe(0);
  });
});

describe('users', () => {
  it('changes a role, which the person is notified of by email and in the app', async () => {
    const person = await signedInUser(t.app);
    const response = await call('PATCH', `/api/admin/users/${person.user.id}`, admin.cookie, {
      role: 'coordinator',
    });
    expect(response.statusCode).toBe(200);
    expect(response.json().data.role).toBe('coordinator');
    const { message } = await latestEmailTo(t.database.db, person.user.email);
    expect(message?.subject).toMatch(/coordinator/);
    // Coordinators must use two-factor: the session opened without it ended; the next sign-in sets it up.
    expect((await call('GET', '/api/me', person.cookie)).statusCode).toBe(401);
    const cookie = await signInAs(t.app, person.user.email);
    const notes = (await call('GET', '/api/notifications', cookie)).json().data as { kind: string }[];
    expect(notes.map((n) => n.kind)).toContain('account.role_changed');
  });

  it('suspends a person: their sessions end and they cannot sign in; reinstating lets them back', async () => {
    const person = await signedInUser(t.app);
    const suspend = await call('PATCH', `/api/admin/users/${person.user.id}`, admin.cookie, {
      suspended: true,
    });
    expect(suspend.statusCode).toBe(200);
    expect(suspend.json().data.suspended).toBe(true);
    expect((await call('GET', '/api/me', person.cookie)).statusCode).toBe(401);
    await expect(signInAs(t.app, person.user.email)).rejects.toThrow(/403/);
    await call('PATCH', `/api/admin/users/${person.user.id}`, admin.cookie, { suspended: false });
    await expect(signInAs(t.app, person.user.email)).resolves.toContain('copse_session=');
  });

  it('will not let an administrator change their own account', async () => {
    const response = await call('PATCH', `/api/admin/users/${admin.user.id}`, admin.cookie, {
      role: 'member',
    });
    expect(response.statusCode).toBe(403);
    expect((await call('GET', '/api/me', admin.cookie)).json().data.role).toBe('administrator');
  });

  it('validates the change and answers 404 for someone unknown', async () => {
    const person = await createUser(t.database.db);
    expect((await call('PATCH', `/api/admin/users/${person.id}`, admin.cookie, {})).statusCode).toBe(400);
    expect(
      (await call('PATCH', `/api/admin/users/${person.id}`, admin.cookie, { role: 'owner' })).statusCode,
    ).toBe(400);
    expect(
      (await call('PATCH', `/api/admin/users/${crypto.randomUUID()}`, admin.cookie, { role: 'member' }))
        .statusCode,
    ).toBe(404);
  });

  it('lists and searches users with pagination', async () => {
    await createUser(t.database.db, { displayName: 'Zebedee Listme' });
    await createUser(t.database.db, { displayName: 'Zelda Listme' });
    const found = await call('GET', '/api/admin/users?q=listme&limit=1', admin.cookie);
    expect(found.json().data).toHaveLength(1);
    const next = await call(
      'GET',
      `/api/admin/users?q=listme&limit=1&cursor=${found.json().nextCursor}`,
      admin.cookie,
    );
    expect(next.json().data).toHaveLength(1);
    expect(next.json().data[0].id).not.toBe(found.json().data[0].id);
    const admins = (await call('GET', '/api/admin/users?role=administrator', admin.cookie)).json().data as {
      role: string;
    }[];
    expect(admins.every((u) => u.role === 'administrator')).toBe(true);
  });
});

describe('mailbox', () => {
  it('shows every email Copse would have sent, with its links', async () => {
    await call('POST', '/api/auth/signup', undefined, {
      email: 'mailbox.person@example.test',
      password: 'long enough pass',
      displayName: 'Mailbox Person',
    });
    const list = await call('GET', '/api/admin/mail?to=mailbox.person', admin.cookie);
    const messages = list.json().data as { id: string; to: string; status: string; text: string }[];
    expect(messages).toHaveLength(1);
    expect(messages[0]?.to).toBe('mailbox.person@example.test');
    expect(messages[0]?.text).toContain('/confirm-email?token=');
    const one = await call('GET', `/api/admin/mail/${messages[0]?.id}`, admin.cookie);
    expect(one.json().data.html).toContain('<a href="http://localhost:3000/confirm-email?token=');
  });
});
