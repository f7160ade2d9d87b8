import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { charterVersions, communities, communityMembers } from '../../db/schema/index.ts';
import { getTestApp, requester, type TestApp } from '../../test/app.ts';
import { createTestCommunity, createUnit, createUser, signedInUser } from '../../test/factories.ts';

let t: TestApp;
beforeAll(async () => {
  t = await getTestApp();
});
afterAll(async () => t.close());

const call = (...args: Parameters<ReturnType<typeof requester>>) => requester(t)(...args);
const db = () => t.app.deps.database.db;

async function memberCountOf(id: string) {
  const [row] = await db()
    .select({ memberCount: communities.memberCount })
    .from(communities)
    .where(eq(communities.id, id));
  return row?.memberCount;
}

describe('directory', () => {
  it('finds communities by words, ranked and highlighted, and obeys visibility', async () => {
    const leader = await createUser(db());
    const tag = `t${Date.now().toString(36)}`;
    const publicOne = await createTestCommunity(db(), [leader.id], {
      name: `Assessment for learning ${tag}`,
      purpose: 'Designing assessment that helps students learn.',
      topics: [tag, 'assessment'],
      visibility: 'public',
    });
    const institutionOne = await createTestCommunity(db(), [leader.id], {
      name: `Feedback circle ${tag}`,
      purpose: 'Peer feedback on assessment rubrics.',
      topics: [tag],
      visibility: 'institution',
    });
    const privateOne = await createTestCommunity(db(), [leader.id], {
      name: `Private assessment ${tag}`,
      purpose: 'A closed assessment group.',
      topics: [tag],
      visibility: 'private',
    });

    const anonymous = await call('GET', `/api/communities?topic=${tag}`);
    expect(anonymous.statusCode).toBe(200);
    expect(anonymous.json().data.map((c: { id: string }) => c.id)).toEqual([publicOne.id]);

    const member = await signedInUser(t.app);
    const signedIn = (await call('GET', `/api/communities?topic=${tag}&sort=name`, member.cookie)).json();
    expect(signedIn.data.map((c: { id: string }) => c.id)).toEqual([publicOne.id, institutionOne.id]);

    const external = await signedInUser(t.app, { kind: 'external' });
    const forExternal = (await call('GET', `/api/communities?topic=${tag}`, external.cookie)).json();
    expect(forExternal.data.map((c: { id: string }) => c.id)).toEqual([publicOne.id]);

    const coordinator = await signedInUser(t.app, { role: 'coordinator' });
    const forCoordinator = (await call('GET', `/api/communities?topic=${tag}`, coordinator.cookie)).json();
    expect(forCoordinator.data).toHaveLength(3);
    expect(forCoordinator.data.map((c: { id: string }) => c.id)).toContain(privateOne.id);

    const searched = (
      await call('GET', `/api/communities?q=${encodeURIComponent(`assessment ${tag}`)}`, member.cookie)
    ).json();
    expect(searched.data[0].id).toBe(publicOne.id);
    expect(searched.data[0].purposeHighlight).toContain('<mark>assessment</mark>');
    expect(searched.data[0].leaders[0]).toMatchObject({ id: leader.id, role: 'leader' });
  });

  it('filters and pages through every sort without repeating or skipping', async () => {
    const leader = await createUser(db());
    const unit = await createUnit(db());
    const tag = `p${Date.now().toString(36)}`;
    const created: string[] = [];
    for (let i = 0; i < 7; i++) {
      const community = await createTestCommunity(db(), [leader.id], {
        name: `Paging ${tag} ${i}`,
        topics: [tag],
        unitId: unit.id,
        audience: i % 2 === 0 ? 'staff' : 'students',
        format: 'online',
        joinPolicy: i < 5 ? 'open' : 'request',
        visibility: 'public',
      });
      created.push(community.id);
    }
    for (const sort of ['activity', 'newest', 'size', 'name', 'relevance']) {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const query: string = `/api/communities?topic=${tag}&sort=${sort}&limit=3${cursor ? `&cursor=${cursor}` : ''}`;
        const page = (await call('GET', query)).json() as {
          data: { id: string }[];
          nextCursor: string | null;
        };
        seen.push(...page.data.map((c) => c.id));
        cursor = page.nextCursor;
      } while (cursor);
      expect(seen.sort(), sort).toEqual([...created].sort());
    }
    const staffOnly = (await call('GET', `/api/communities?topic=${tag}&audience=staff`)).json();
    expect(staffOnly.data).toHaveLength(4);
    const open = (await call('GET', `/api/communities?topic=${tag}&open=true&unitId=${unit.id}`)).json();
    expect(open.data).toHaveLength(5);
    const bad = await call('GET', '/api/communities?sort=loudest&audience=aliens');
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(bad.json().fields)).toEqual(expect.arrayContaining(['sort', 'audience']));
    expect((await call('GET', '/api/communities?cursor=garbage')).statusCode).toBe(400);
  });
});

describe('membership', () => {
  it('joins an open community once, leaves it, and keeps the member count', async () => {
    const leader = await signedInUser(t.app);
    const community = await createTestCommunity(db(), [leader.user.id]);
    const member = await signedInUser(t.app);
    const joined = await call('POST', `/api/communities/${community.slug}/join`, member.cookie);
    expect(joined.statusCode, joined.body).toBe(200);
    const twice = await call('POST', `/api/communities/${community.slug}/join`, member.cookie);
    expect(twice.statusCode).toBe(409);
    expect(await memberCountOf(community.id)).toBe(2);
    const home = (await call('GET', `/api/communities/${community.slug}`, member.cookie)).json().data;
    expect(home.viewer).toMatchObject({ role: 'member', canLeave: true, canJoin: false, canManage: false });
    expect(home.charter.sections.participation).toContain('Be kind');
    expect((await call('POST', `/api/communities/${community.slug}/leave`, member.cookie)).statusCode).toBe(
      200,
    );
    expect(await memberCountOf(community.id)).toBe(1);
  });

  it('asks the last leader to hand over before leaving, also when two leaders act at once', async () => {
    const first = await signedInUser(t.app);
    const second = await signedInUser(t.app);
    const community = await createTestCommunity(db(), [first.user.id], {
      members: [[second.user.id, 'leader']],
    });
    const results = await Promise.all([
      call('POST', `/api/communities/${community.slug}/leave`, first.cookie),
      call('POST', `/api/communities/${community.slug}/leave`, second.cookie),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const refused = results.find((r) => r.statusCode === 409);
    expect(refused?.json().message).toContain('last leader');
    const leaders = await db()
      .select()
      .from(communityMembers)
      .where(eq(communityMembers.communityId, community.id));
    expect(leaders.filter((m) => m.role === 'leader')).toHaveLength(1);
  });

  it('requires accepting the participation guidelines when the community asks', async () => {
    const leader = await createUser(db());
    const community = await createTestCommunity(db(), [leader.id], { requireGuidelines: true });
    const member = await signedInUser(t.app);
    const refused = await call('POST', `/api/communities/${community.slug}/join`, member.cookie, {});
    expect(refused.statusCode).toBe(400);
    expect(refused.json().fields).toHaveProperty('acceptGuidelines');
    const joined = await call('POST', `/api/communities/${community.slug}/join`, member.cookie, {
      acceptGuidelines: true,
    });
    expect(joined.statusCode).toBe(200);
  });

  it('runs a join request through the leaders: ask, see, approve; decline with a message', async () => {
    const leader = await signedInUser(t.app);
    const community = await createTestCommunity(db(), [leader.user.id], { joinPolicy: 'request' });
    const asker = await signedInUser(t.app);
    expect((await call('POST', `/api/communities/${community.slug}/join`, asker.cookie)).statusCode).toBe(
      403,
    );
    const asked = await call('POST', `/api/communities/${community.slug}/requests`, asker.cookie, {
      message: 'I teach first-year chemistry.',
    });
    expect(asked.statusCode).toBe(201);
    const again = await call('POST', `/api/communities/${community.slug}/requests`, asker.cookie, {});
    expect(again.statusCode).toBe(409);
    const home = (await call('GET', `/api/communities/${community.slug}`, asker.cookie)).json().data;
    expect(home.viewer).toMatchObject({ requestStatus: 'pending', canRequest: false });

    expect((await call('GET', `/api/communities/${community.slug}/requests`, asker.cookie)).statusCode).toBe(
      403,
    );
    const pending = (await call('GET', `/api/communities/${community.slug}/requests`, leader.cookie)).json()
      .data;
    expect(pending).toHaveLength(1);
    expect(pending[0]).toMatchObject({
      message: 'I teach first-year chemistry.',
      person: { id: asker.user.id },
    });
    const decide = `/api/communities/${community.slug}/requests/${pending[0].id}/decision`;
    expect((await call('POST', decide, asker.cookie, { decision: 'approve' })).statusCode).toBe(403);
    expect(
      (await call('POST', decide, leader.cookie, { decision: 'approve', message: 'Welcome!' })).statusCode,
    ).toBe(200);
    expect((await call('POST', decide, leader.cookie, { decision: 'decline' })).statusCode).toBe(409);
    expect(await memberCountOf(community.id)).toBe(2);
    const notifications = (await call('GET', '/api/notifications', asker.cookie)).json().data;
    expect(notifications[0].title).toContain('approved');

    const other = await signedInUser(t.app);
    const otherRequest = await call('POST', `/api/communities/${community.slug}/requests`, other.cookie, {});
    const declined = await call(
      'POST',
      `/api/communities/${community.slug}/requests/${otherRequest.json().data.id}/decision`,
      leader.cookie,
      { decision: 'decline', message: 'This group is for chemistry staff.' },
    );
    expect(declined.statusCode).toBe(200);
    expect(await memberCountOf(community.id)).toBe(2);
  });

  it('lists, searches and changes roles of members; keeps the last leader', async () => {
    const leader = await signedInUser(t.app, { displayName: 'Lena Leader' });
    const ada = await createUser(db(), { displayName: 'Ada Quill' });
    const bo = await createUser(db(), { displayName: 'Bo Rivers' });
    const community = await createTestCommunity(db(), [leader.user.id], {
      members: [
        [ada.id, 'member'],
        [bo.id, 'member'],
      ],
    });
    const members = (await call('GET', `/api/communities/${community.slug}/members`, leader.cookie)).json();
    expect(members.data.map((m: { displayName: string }) => m.displayName)).toEqual([
      'Ada Quill',
      'Bo Rivers',
      'Lena Leader',
    ]);
    const found = (
      await call('GET', `/api/communities/${community.slug}/members?q=riv`, leader.cookie)
    ).json();
    expect(found.data.map((m: { id: string }) => m.id)).toEqual([bo.id]);
    // Signed out, an institution-only community does not exist.
    expect((await call('GET', `/api/communities/${community.slug}/members`)).statusCode).toBe(404);

    const toCoLeader = await call(
      'PATCH',
      `/api/communities/${community.slug}/members/${ada.id}`,
      leader.cookie,
      {
        role: 'co_leader',
      },
    );
    expect(toCoLeader.statusCode).toBe(200);
    const demoteSelf = await call(
      'PATCH',
      `/api/communities/${community.slug}/members/${leader.user.id}`,
      leader.cookie,
      { role: 'member' },
    );
    expect(demoteSelf.statusCode).toBe(409);
    const badRole = await call(
      'PATCH',
      `/api/communities/${community.slug}/members/${ada.id}`,
      leader.cookie,
      {
        role: 'king',
      },
    );
    expect(badRole.statusCode).toBe(400);
    expect(
      (await call('DELETE', `/api/communities/${community.slug}/members/${bo.id}`, leader.cookie)).statusCode,
    ).toBe(200);
    expect(
      (await call('DELETE', `/api/communities/${community.slug}/members/${bo.id}`, leader.cookie)).statusCode,
    ).toBe(404);
    expect(await memberCountOf(community.id)).toBe(2);
  });
});

describe('lifecycle and charter', () => {
  it('archives with a note: history shown, every write refused, still in the directory', async () => {
    const leader = await signedInUser(t.app);
    const member = await signedInUser(t.app);
    const community = await createTestCommunity(db(), [leader.user.id], {
      visibility: 'public',
      members: [[member.user.id, 'member']],
    });
    const slug = community.slug;
    expect(
      (await call('POST', `/api/communities/${slug}/stage`, member.cookie, { stage: 'maturing' })).statusCode,
    ).toBe(403);
    expect(
      (
        await call('POST', `/api/communities/${slug}/stage`, leader.cookie, {
          stage: 'maturing',
          note: 'Meeting monthly.',
        })
      ).statusCode,
    ).toBe(200);
    expect(
      (
        await call('POST', `/api/communities/${slug}/stage`, leader.cookie, {
          stage: 'archived',
          note: 'Merged.',
        })
      ).statusCode,
    ).toBe(200);
    const history = (await call('GET', `/api/communities/${slug}/stages`)).json().data;
    expect(history.map((h: { toStage: string }) => h.toStage)).toEqual([
      'archived',
      'maturing',
      'coalescing',
    ]);
    expect(history[0]).toMatchObject({ fromStage: 'maturing', note: 'Merged.' });
    // Copse's own note is written in the reader's language; what the leader wrote stays as written.
    expect(history[2]).toMatchObject({ fromStage: null, note: 'Community created.' });
    const dutch = await t.app.inject({
      method: 'GET',
      url: `/api/communities/${slug}/stages`,
      headers: { 'accept-language': 'nl' },
    });
    expect(dutch.json().data.map((h: { note: string }) => h.note)).toEqual([
      'Merged.',
      'Meeting monthly.',
      'Community aangemaakt.',
    ]);

    for (const [method, url, payload, cookie] of [
      [
        'PATCH',
        `/api/communities/${slug}`,
        { purpose: 'A new purpose for an archived group.' },
        leader.cookie,
      ],
      ['POST', `/api/communities/${slug}/leave`, undefined, member.cookie],
      ['POST', `/api/communities/${slug}/stage`, { stage: 'maturing' }, leader.cookie],
      ['PATCH', `/api/communities/${slug}/members/${member.user.id}`, { role: 'co_leader' }, leader.cookie],
    ] as const) {
      const refused = await call(method, url, cookie, payload);
      expect(refused.statusCode, url).toBe(403);
      expect(refused.json().message).toContain('archived');
    }
    const stranger = await signedInUser(t.app);
    expect((await call('POST', `/api/communities/${slug}/join`, stranger.cookie)).statusCode).toBe(403);
    const listed = (
      await call('GET', `/api/communities?stage=archived&q=${encodeURIComponent(community.name)}`)
    ).json();
    expect(listed.data.map((c: { id: string }) => c.id)).toContain(community.id);

    const coordinator = await signedInUser(t.app, { role: 'coordinator' });
    const restored = await call('POST', `/api/communities/${slug}/stage`, coordinator.cookie, {
      stage: 'stewardship',
      note: 'Restarted by the new cohort.',
    });
    expect(restored.statusCode).toBe(200);
  });

  it('keeps every charter version and refuses an edit of an outdated version', async () => {
    const leader = await signedInUser(t.app);
    const community = await createTestCommunity(db(), [leader.user.id]);
    const slug = community.slug;
    const home = (await call('GET', `/api/communities/${slug}`, leader.cookie)).json().data;
    const sections = { ...home.charter.sections, objectives: 'Share **three** rubrics by June.' };
    const saved = await call('PUT', `/api/communities/${slug}/charter`, leader.cookie, {
      sections,
      note: 'Objectives for this year',
      baseVersion: 1,
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json().data).toMatchObject({ version: 2, note: 'Objectives for this year' });
    expect(saved.json().data.sectionsHtml.objectives).toContain('<strong>three</strong>');
    const stale = await call('PUT', `/api/communities/${slug}/charter`, leader.cookie, {
      sections,
      baseVersion: 1,
    });
    expect(stale.statusCode).toBe(409);
    const missingSection = await call('PUT', `/api/communities/${slug}/charter`, leader.cookie, {
      sections: { objectives: 'x' },
      baseVersion: 2,
    });
    expect(missingSection.statusCode).toBe(400);
    const blankSection = await call('PUT', `/api/communities/${slug}/charter`, leader.cookie, {
      sections: { ...sections, decisionMaking: ' \n\t ' },
      note: 'Blanked by mistake',
      baseVersion: 2,
    });
    expect(blankSection.statusCode).toBe(400);
    expect(blankSection.json().fields).toEqual({
      'sections.decisionMaking': 'Write the Decision-making section: a charter section cannot be empty.',
    });
    const versions = (await call('GET', `/api/communities/${slug}/charter/versions`, leader.cookie)).json()
      .data;
    expect(versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    expect(versions[1].note).toBe('Drawn from the institution’s charter template.');
    const italian = await t.app.inject({
      method: 'GET',
      url: `/api/communities/${slug}/charter/versions`,
      headers: { cookie: leader.cookie, 'accept-language': 'it' },
    });
    expect(italian.json().data[1].note).toBe('Ripresa dal modello della carta dell’istituzione.');
    const stored = await db()
      .select()
      .from(charterVersions)
      .where(eq(charterVersions.communityId, community.id));
    expect(stored).toHaveLength(2);
  });

  it('gives communities of the same name their own addresses, also when created at once', async () => {
    const leader = await createUser(db());
    const name = `Same Name ${Date.now()}`;
    const made = await Promise.all([1, 2, 3].map(() => createTestCommunity(db(), [leader.id], { name })));
    const base = name.toLowerCase().replaceAll(' ', '-');
    expect(made.map((c) => c.slug).sort()).toEqual([base, `${base}-2`, `${base}-3`]);
  });

  it('lets leaders edit the details and validates them field by field', async () => {
    const leader = await signedInUser(t.app);
    const community = await createTestCommunity(db(), [leader.user.id]);
    const edited = await call('PATCH', `/api/communities/${community.slug}`, leader.cookie, {
      description: 'We meet on **Thursdays**.',
      topics: ['Assessment', 'assessment', 'rubrics'],
      joinPolicy: 'request',
    });
    expect(edited.statusCode).toBe(200);
    expect(edited.json().data).toMatchObject({ topics: ['assessment', 'rubrics'], joinPolicy: 'request' });
    expect(edited.json().data.descriptionHtml).toContain('<strong>Thursdays</strong>');
    const bad = await call('PATCH', `/api/communities/${community.slug}`, leader.cookie, {
      name: 'x',
      visibility: 'secret',
      unknown: true,
    });
    expect(bad.statusCode).toBe(400);
    const badUnit = await call('PATCH', `/api/communities/${community.slug}`, leader.cookie, {
      unitId: crypto.randomUUID(),
    });
    expect(badUnit.statusCode).toBe(400);
    expect(badUnit.json().fields).toHaveProperty('unitId');
  });
});
