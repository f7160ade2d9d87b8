import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { charterVersions } from '../../db/schema/index.ts';
import { getTestApp, type TestApp } from '../../test/app.ts';
import { createTestCommunity, signedInUser } from '../../test/factories.ts';

type Person = Awaited<ReturnType<typeof signedInUser>>;
let t: TestApp;
let admin: Person;
beforeAll(async () => {
  t = await getTestApp();
  admin = await signedInUser(t.app, { role: 'administrator' });
});
afterAll(async () => t.close());

const url = '/api/admin/charter-template';
const call = (method: 'GET' | 'PUT', cookie?: string, payload?: unknown) =>
  t.app.inject({
    method,
    url,
    headers: cookie ? { cookie } : {},
    ...(payload !== undefined ? { payload: payload as object } : {}),
  });
const sections = {
  objectives: 'Our **objectives** for the year.',
  roles: 'Leaders convene; members take turns hosting.',
  decisionMaking: 'By consent.',
  participation: 'Be kind. <script>alert(1)</script>',
  conflictResolution: 'Talk first, then ask a coordinator.',
};

describe('charter template', () => {
  it('is read and edited by administrators only', async () => {
    const coordinator = await signedInUser(t.app, { role: 'coordinator' });
    const member = await signedInUser(t.app);
    const external = await signedInUser(t.app, { kind: 'external' });
    for (const method of ['GET', 'PUT'] as const) {
      expect((await call(method, undefined, { sections })).statusCode).toBe(401);
      for (const person of [member, external, coordinator])
        expect((await call(method, person.cookie, { sections })).statusCode).toBe(403);
    }
    const template = await call('GET', admin.cookie);
    expect(template.statusCode).toBe(200);
    // The migration's starting template, untouched by the refused PUTs.
    expect(template.json().data.sections.decisionMaking).toMatch(/consent/);
    expect(template.json().data.updatedBy).toBeNull();
  });

  it("is Copse's seeded template in the institution's default language until an administrator edits it", async () => {
    const setLanguage = (defaultLanguage: string) =>
      t.app.inject({
        method: 'PATCH',
        url: '/api/admin/institution',
        headers: { cookie: admin.cookie },
        payload: { defaultLanguage },
      });
    expect((await setLanguage('nl')).statusCode).toBe(200);
    const dutch = (await call('GET', admin.cookie)).json().data.sections;
    expect(dutch.decisionMaking).toMatch(/^We besluiten op basis van consent/);
    const community = await createTestCommunity(t.database.db, [admin.user.id]);
    const [charter] = await t.database.db
      .select()
      .from(charterVersions)
      .where(eq(charterVersions.communityId, community.id));
    expect(charter?.sections.conflictResolution).toMatch(/^Praat eerst met de persoon zelf/);
    expect((await setLanguage('it')).statusCode).toBe(200);
    expect((await call('GET', admin.cookie)).json().data.sections.objectives).toMatch(
      /^Che cosa vogliamo imparare/,
    );
    expect((await setLanguage('en')).statusCode).toBe(200);
  });

  it('saves every section, renders it safely, audits the change, and shapes new charters', async () => {
    const saved = await call('PUT', admin.cookie, { sections });
    expect(saved.statusCode).toBe(200);
    const data = saved.json().data;
    expect(data.sections).toEqual(sections);
    expect(data.sectionsHtml.objectives).toContain('<strong>objectives</strong>');
    expect(data.sectionsHtml.participation).not.toContain('<script');
    expect(data.updatedBy).toEqual({ id: admin.user.id, displayName: admin.user.displayName });
    expect((await call('GET', admin.cookie)).json().data.sections).toEqual(sections);
    // Edited, it stays as written whatever the default language.
    await t.app.inject({
      method: 'PATCH',
      url: '/api/admin/institution',
      headers: { cookie: admin.cookie },
      payload: { defaultLanguage: 'it' },
    });
    expect((await call('GET', admin.cookie)).json().data.sections).toEqual(sections);

    const audit = (
      await t.app.inject({ method: 'GET', url: '/api/admin/audit', headers: { cookie: admin.cookie } })
    ).json().data as { action: string; data: { changed: string[] } }[];
    const entry = audit.find((a) => a.action === 'charter_template.update');
    expect(entry?.data.changed).toEqual(Object.keys(sections));

    const community = await createTestCommunity(t.database.db, [admin.user.id]);
    const [charter] = await t.database.db
      .select()
      .from(charterVersions)
      .where(eq(charterVersions.communityId, community.id));
    expect(charter?.sections).toEqual(sections);
  });

  it('refuses a missing, unknown or too long section and keeps the template', async () => {
    const before = (await call('GET', admin.cookie)).json().data.sections;
    const { roles: _roles, ...withoutRoles } = sections;
    const cases: [unknown, string][] = [
      [{ sections: withoutRoles }, 'sections.roles'],
      [{ sections: { ...sections, roles: 'x'.repeat(20_001) } }, 'sections.roles'],
      [{ sections: { ...sections, budget: 'Money' } }, 'sections'],
      [{ sections: { ...sections, roles: 42 } }, 'sections.roles'],
      [{}, 'sections'],
    ];
    for (const [payload, field] of cases) {
      const response = await call('PUT', admin.cookie, payload);
      expect(response.statusCode, JSON.stringify(payload).slice(0, 60)).toBe(400);
      expect(Object.keys(response.json().fields ?? {})).toContain(field);
    }
    expect((await call('GET', admin.cookie)).json().data.sections).toEqual(before);
  });
});
