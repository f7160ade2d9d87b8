import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getTestApp, type TestApp } from '../../test/app.ts';
import { createUnit, createUser, signedInUser } from '../../test/factories.ts';
import { multipartBody, png } from '../../test/uploads.ts';

let t: TestApp;
beforeAll(async () => {
  t = await getTestApp();
});
afterAll(async () => t.close());

const get = (url: string, cookie: string) => t.app.inject({ method: 'GET', url, headers: { cookie } });
const patchMe = (payload: unknown, cookie: string) =>
  t.app.inject({ method: 'PATCH', url: '/api/me', headers: { cookie }, payload: payload as object });

describe('profile', () => {
  it('edits my profile and renders the bio safely', async () => {
    const unit = await createUnit(t.database.db, 'Faculty of Education');
    const { cookie } = await signedInUser(t.app);
    const response = await patchMe(
      {
        displayName: 'Dana Evans',
        pronouns: 'she/her',
        unitId: unit.id,
        kind: 'staff',
        bio: 'I teach **statistics**. <script>alert(1)</script> [x](javascript:alert(1))',
        interests: ['Peer Feedback', 'peer feedback'],
        expertise: ['Assessment', 'rubrics'],
        timeZone: 'Europe/Amsterdam',
      },
      cookie,
    );
    expect(response.statusCode).toBe(200);
    const me = response.json().data;
    expect(me).toMatchObject({
      displayName: 'Dana Evans',
      pronouns: 'she/her',
      unit: { id: unit.id, name: 'Faculty of Education' },
      interests: ['peer feedback'],
      expertise: ['assessment', 'rubrics'],
      timeZone: 'Europe/Amsterdam',
    });
    expect(me.bioHtml).toContain('<strong>statistics</strong>');
    expect(me.bioHtml).not.toContain('<script');
    expect(me.bioHtml).not.toMatch(/href="javascript:/i);
  });

  it('refuses bad profile input field by field', async () => {
    const { cookie } = await signedInUser(t.app);
    const cases: [unknown, string, number][] = [
      [{ unitId: 'not-a-uuid' }, 'unitId', 400],
      [{ unitId: crypto.randomUUID() }, 'unitId', 400],
      [{ kind: 'robot' }, 'kind', 400],
      [{ timeZone: 'Mars/Olympus_Mons' }, 'timeZone', 400],
      [{ expertise: Array.from({ length: 31 }, (_, i) => `tag${i}`) }, 'expertise', 400],
      [{ displayName: '   ' }, 'displayName', 400],
      [{ role: 'administrator' }, 'body', 400],
    ];
    for (const [payload, field, status] of cases) {
      const response = await patchMe(payload, cookie);
      expect(response.statusCode, JSON.stringify(payload)).toBe(status);
      if (field !== 'body') expect(Object.keys(response.json().fields ?? {})).toContain(field);
    }
    const me = await get('/api/me', cookie);
    expect(me.json().data.role).toBe('member');
  });

  it('uploads a photo checked by its bytes, serves it, and refuses what is not an image', async () => {
    const { user, cookie } = await signedInUser(t.app);
    const fake = multipartBody('photo.png', Buffer.from('<svg onload="alert(1)"></svg>'), 'image/png');
    const refused = await t.app.inject({
      method: 'PUT',
      url: '/api/me/photo',
      headers: { cookie, ...fake.headers },
      payload: fake.payload,
    });
    expect(refused.statusCode).toBe(415);
    const empty = multipartBody('photo.png', Buffer.alloc(0), 'image/png');
    const emptyResponse = await t.app.inject({
      method: 'PUT',
      url: '/api/me/photo',
      headers: { cookie, ...empty.headers },
      payload: empty.payload,
    });
    expect(emptyResponse.statusCode).toBe(400);

    const real = multipartBody('../../etc/passwd', png, 'application/octet-stream');
    const ok = await t.app.inject({
      method: 'PUT',
      url: '/api/me/photo',
      headers: { cookie, ...real.headers },
      payload: real.payload,
    });
    expect(ok.statusCode).toBe(200);
    const profile = await get(`/api/people/${user.id}`, cookie);
    const photoUrl = profile.json().data.photoUrl as string;
    expect(photoUrl).toMatch(new RegExp(`^/api/people/${user.id}/photo`));
    const photo = await get(photoUrl, cookie);
    expect(photo.statusCode).toBe(200);
    expect(photo.headers['content-type']).toBe('image/png');
    expect(photo.rawPayload.equals(png)).toBe(true);

    expect(
      (await t.app.inject({ method: 'DELETE', url: '/api/me/photo', headers: { cookie } })).statusCode,
    ).toBe(200);
    expect((await get(photoUrl, cookie)).statusCode).toBe(404);
  });
});

describe('people search', () => {
  it('finds colleagues by expertise, name prefix, unit and kind, and pages through them', async () => {
    const unit = await createUnit(t.database.db, 'School of Engineering');
    const db = t.database.db;
    await createUser(db, { displayName: 'Ada Quill', expertise: ['formative assessment'], unitId: unit.id });
    await createUser(db, { displayName: 'Bo Quill', expertise: ['assessment', 'quill-rubrics'] });
    await createUser(db, { displayName: 'Cy Quill', interests: ['gardening'] });
    await createUser(db, { displayName: 'Di Quill', expertise: ['assessment'], suspended: true });
    const { cookie } = await signedInUser(t.app);

    const byExpertise = await get('/api/people?q=assess', cookie);
    const names = (byExpertise.json().data as { displayName: string }[]).map((p) => p.displayName);
    expect(names).toContain('Ada Quill');
    expect(names).toContain('Bo Quill');
    expect(names).not.toContain('Cy Quill');
    expect(names).not.toContain('Di Quill');

    const byTag = await get('/api/people?expertise=quill-rubrics', cookie);
    expect((byTag.json().data as { displayName: string }[]).map((p) => p.displayName)).toEqual(['Bo Quill']);

    const byUnit = await get(`/api/people?unitId=${unit.id}`, cookie);
    expect((byUnit.json().data as { displayName: string }[]).map((p) => p.displayName)).toEqual([
      'Ada Quill',
    ]);

    const first = await get('/api/people?q=quill&limit=2', cookie);
    expect(first.json().data).toHaveLength(2);
    const cursor = first.json().nextCursor as string;
    expect(cursor).toBeTruthy();
    const second = await get(`/api/people?q=quill&limit=2&cursor=${cursor}`, cookie);
    expect((second.json().data as { displayName: string }[]).map((p) => p.displayName)).toEqual(['Cy Quill']);
    expect(second.json().nextCursor).toBeNull();
  });

  it('treats search syntax as plain words and refuses a forged cursor', async () => {
    const { cookie } = await signedInUser(t.app);
    for (const q of ["'&|!:*()", 'a & b | !c', '\\', "'; drop table users; --"]) {
      const response = await get(`/api/people?q=${encodeURIComponent(q)}`, cookie);
      expect(response.statusCode, q).toBe(200);
    }
    const forged = await get('/api/people?cursor=bm90LWpzb24', cookie);
    expect(forged.statusCode).toBe(400);
    expect(forged.json().fields).toHaveProperty('cursor');
  });

  it('hides suspended people and answers 404 for unknown ids', async () => {
    const suspended = await createUser(t.database.db, { suspended: true });
    const { cookie } = await signedInUser(t.app);
    expect((await get(`/api/people/${suspended.id}`, cookie)).statusCode).toBe(404);
    expect((await get(`/api/people/${crypto.randomUUID()}`, cookie)).statusCode).toBe(404);
    expect((await get('/api/people/not-an-id', cookie)).statusCode).toBe(400);
  });
});
