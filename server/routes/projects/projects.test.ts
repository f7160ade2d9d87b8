import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  communities,
  communityMembers,
  communityMilestones,
  notifications,
  projects,
  resources,
  users,
} from '../../db/schema/index.ts';
import { getTestApp, requester, type TestApp } from '../../test/app.ts';
import { createTestCommunity, signedInUser } from '../../test/factories.ts';
import { invitePartner, startProject } from '../../test/projects.ts';

/** Projects with external partners (#18 §4): the space, its work, partners, outputs into the Toolkit. */

let t: TestApp;
let call: ReturnType<typeof requester>;
type Person = Awaited<ReturnType<typeof signedInUser>>;
let leader: Person;
let member: Person;
let colleague: Person;
let guest: Person;
let slug: string;
let communityId: string;

beforeAll(async () => {
  t = await getTestApp();
  call = requester(t);
  [leader, member, colleague, guest] = (await Promise.all([1, 2, 3, 4].map(() => signedInUser(t.app)))) as [
    Person,
    Person,
    Person,
    Person,
  ];
  const community = await createTestCommunity(t.database.db, [leader.user.id], {
    visibility: 'private',
    members: [
      [member.user.id, 'member'],
      [colleague.user.id, 'member'],
      [guest.user.id, 'guest'],
    ],
  });
  slug = community.slug;
  communityId = community.id;
});
afterAll(async () => t.close());

const project = async (id: string, cookie: string) => call('GET', `/api/projects/${id}`, cookie);

describe('starting a project', () => {
  it('refuses bad input naming the field, writing nothing', async () => {
    const before = (await t.database.db.select().from(projects)).length;
    for (const [body, field] of [
      [{ title: '', goal: 'A goal.' }, 'title'],
      [{ title: 'T', goal: '' }, 'goal'],
      [{ title: 'x'.repeat(121), goal: 'A goal.' }, 'title'],
      [{ title: 'T', goal: 'G', extra: 1 }, ''],
    ] as const) {
      const response = await call('POST', `/api/communities/${slug}/projects`, member.cookie, body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      if (field) expect(response.json().fields).toHaveProperty(field);
    }
    expect((await t.database.db.select().from(projects)).length).toBe(before);
  });

  it('lets a member start one as its lead; guests may not, and it stays private', async () => {
    const id = await startProject(t, member.cookie, slug);
    const page = await project(id, member.cookie);
    expect(page.statusCode).toBe(200);
    expect(page.json().data).toMatchObject({
      viewerRole: 'lead',
      status: 'active',
      members: [{ id: member.user.id, role: 'lead' }],
      abilities: { manage: true, work: true },
    });
    expect(
      (await call('POST', `/api/communities/${slug}/projects`, guest.cookie, { title: 'T', goal: 'G' }))
        .statusCode,
    ).toBe(403);
    // Not in it: a member of the community does not see it; the community's leader oversees it.
    expect((await project(id, colleague.cookie)).statusCode).toBe(404);
    expect((await project(id, leader.cookie)).json().data.viewerRole).toBeNull();
    const list = await call('GET', `/api/communities/${slug}/projects`, colleague.cookie);
    expect(list.json().data).toEqual({ projects: [], canCreate: true });
    const all = await call('GET', `/api/communities/${slug}/projects`, leader.cookie);
    expect(all.json().data.projects.map((p: { id: string }) => p.id)).toContain(id);
  });
});

describe('working in a project', () => {
  it('adds members from the community, milestones, tasks with owners, and refuses bad ones', async () => {
    const id = await startProject(t, member.cookie, slug, 'Tutoring');
    const add = (userId: string) =>
      call('POST', `/api/projects/${id}/members`, member.cookie, { userId, role: 'member' });
    expect((await add(colleague.user.id)).statusCode).toBe(201);
    expect((await add(colleague.user.id)).statusCode).toBe(409);
    const outsider = await signedInUser(t.app);
    expect((await add(outsider.user.id)).json().fields).toHaveProperty('userId');
    // A member adds work, but only leads manage.
    expect(
      (await call('POST', `/api/projects/${id}/members`, colleague.cookie, { userId: guest.user.id }))
        .statusCode,
    ).toBe(403);
    const milestone = await call('POST', `/api/projects/${id}/milestones`, colleague.cookie, {
      title: 'First chapter drafted',
      dueOn: '2027-03-01',
    });
    expect(milestone.statusCode).toBe(201);
    expect(
      (
        await call('POST', `/api/projects/${id}/milestones`, colleague.cookie, { title: 'X', dueOn: 'soon' })
      ).json().fields,
    ).toHaveProperty('dueOn');
    const task = await call('POST', `/api/projects/${id}/tasks`, colleague.cookie, {
      title: 'Ask the library for scans',
      ownerId: member.user.id,
    });
    expect(task.statusCode).toBe(201);
    const badOwner = await call('POST', `/api/projects/${id}/tasks`, colleague.cookie, {
      title: 'T',
      ownerId: outsider.user.id,
    });
    expect(badOwner.json().fields).toHaveProperty('ownerId');
    const taskId = task.json().data.id;
    expect(
      (await call('PATCH', `/api/projects/${id}/tasks/${taskId}`, member.cookie, { status: 'done' }))
        .statusCode,
    ).toBe(200);
    const milestoneId = milestone.json().data.id;
    expect(
      (await call('PATCH', `/api/projects/${id}/milestones/${milestoneId}`, member.cookie, { done: true }))
        .statusCode,
    ).toBe(200);
    // An item of another project is not found through this one.
    const other = await startProject(t, member.cookie, slug, 'Other');
    expect(
      (await call('PATCH', `/api/projects/${other}/tasks/${taskId}`, member.cookie, { status: 'open' }))
        .statusCode,
    ).toBe(404);
    const data = (await project(id, member.cookie)).json().data;
    expect(data.tasks).toMatchObject([
      { title: 'Ask the library for scans', status: 'done', owner: { id: member.user.id } },
    ]);
    expect(data.milestones[0].doneAt).not.toBeNull();
    // Completed: read-only (409) until a lead takes it up again.
    expect(
      (await call('PATCH', `/api/projects/${id}`, member.cookie, { status: 'completed' })).statusCode,
    ).toBe(200);
    expect(
      (await call('POST', `/api/projects/${id}/tasks`, member.cookie, { title: 'Late' })).statusCode,
    ).toBe(409);
    expect((await call('PATCH', `/api/projects/${id}`, member.cookie, { status: 'active' })).statusCode).toBe(
      200,
    );
  });
});

describe('leading and leaving a project', () => {
  const notificationsOf = (userId: string) =>
    t.database.db.select().from(notifications).where(eq(notifications.userId, userId));

  it('lets leads rename it and reword its goal; refuses members, bad input and an empty change', async () => {
    const id = await startProject(t, member.cookie, slug, 'Reading group');
    const change = (cookie: string, body: unknown) => call('PATCH', `/api/projects/${id}`, cookie, body);
    expect(
      (await change(member.cookie, { title: 'Reading circle', goal: 'Read one paper a week.' })).statusCode,
    ).toBe(200);
    expect((await project(id, member.cookie)).json().data).toMatchObject({
      title: 'Reading circle',
      goal: 'Read one paper a week.',
      status: 'active',
    });
    for (const [body, field] of [
      [{}, 'status'],
      [{ title: '' }, 'title'],
      [{ goal: 'x'.repeat(2_001) }, 'goal'],
      [{ status: 'paused' }, 'status'],
    ] as const) {
      const refused = await change(member.cookie, body);
      expect(refused.statusCode, JSON.stringify(body)).toBe(400);
      expect(refused.json().fields).toHaveProperty(field);
    }
    expect((await change(member.cookie, { status: 'active' })).statusCode).toBe(409);
    await call('POST', `/api/projects/${id}/members`, member.cookie, { userId: colleague.user.id });
    expect((await change(colleague.cookie, { title: 'Mine now' })).statusCode).toBe(403);
    // Completed, it is read-only: a new title only with taking it up again.
    expect((await change(member.cookie, { status: 'completed' })).statusCode).toBe(200);
    expect((await change(member.cookie, { title: 'Late rename' })).statusCode).toBe(409);
    expect((await change(member.cookie, { status: 'active', title: 'Second year' })).statusCode).toBe(200);
    expect((await project(id, member.cookie)).json().data).toMatchObject({
      title: 'Second year',
      status: 'active',
    });
  });

  it('tells the person added and the owner of a new task, not the one who did it', async () => {
    const id = await startProject(t, member.cookie, slug, 'Lab notebook');
    const before = (await notificationsOf(colleague.user.id)).length;
    await call('POST', `/api/projects/${id}/members`, member.cookie, { userId: colleague.user.id });
    await call('POST', `/api/projects/${id}/tasks`, member.cookie, {
      title: 'Scan the pages',
      ownerId: colleague.user.id,
    });
    await call('POST', `/api/projects/${id}/tasks`, member.cookie, {
      title: 'My own task',
      ownerId: member.user.id,
    });
    const told = (await notificationsOf(colleague.user.id)).slice(before);
    expect(told.map((n) => [n.kind, n.url])).toEqual([
      ['project.activity', `/projects/${id}`],
      ['project.activity', `/projects/${id}`],
    ]);
    const listed = await call('GET', '/api/notifications', colleague.cookie);
    const titles = listed.json().data.map((n: { title: string }) => n.title);
    expect(titles).toContain(`${member.user.displayName} gave you a task in Lab notebook`);
    expect(titles).toContain(`${member.user.displayName} added you to the project Lab notebook`);
    const ownUrl = (n: { url: string | null }) => n.url === `/projects/${id}`;
    expect((await notificationsOf(member.user.id)).filter(ownUrl)).toHaveLength(0);
  });

  it('makes members leads and back, never leaving it without a lead, and partners stay partners', async () => {
    const id = await startProject(t, member.cookie, slug, 'Field trip');
    await call('POST', `/api/projects/${id}/members`, member.cookie, { userId: colleague.user.id });
    const role = (cookie: string, userId: string, body: unknown) =>
      call('PATCH', `/api/projects/${id}/members/${userId}`, cookie, body);
    expect((await role(colleague.cookie, member.user.id, { role: 'member' })).statusCode).toBe(403);
    expect((await role(member.cookie, member.user.id, { role: 'member' })).statusCode).toBe(409);
    expect((await role(member.cookie, colleague.user.id, { role: 'boss' })).json().fields).toHaveProperty(
      'role',
    );
    expect((await role(member.cookie, colleague.user.id, { role: 'lead' })).statusCode).toBe(200);
    expect((await role(member.cookie, colleague.user.id, { role: 'lead' })).statusCode).toBe(409);
    expect((await role(colleague.cookie, member.user.id, { role: 'member' })).statusCode).toBe(200);
    expect((await role(colleague.cookie, guest.user.id, { role: 'lead' })).statusCode).toBe(404);
    const partner = await invitePartner(t, colleague.cookie, id);
    expect((await role(colleague.cookie, partner.user.id, { role: 'lead' })).json().fields).toHaveProperty(
      'role',
    );
    expect((await project(id, colleague.cookie)).json().data.members).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: colleague.user.id, role: 'lead' }),
        expect.objectContaining({ id: member.user.id, role: 'member' }),
        expect.objectContaining({ id: partner.user.id, role: 'partner' }),
      ]),
    );
  });

  it('lets anyone in it leave, partners too, but never its last lead', async () => {
    const id = await startProject(t, member.cookie, slug, 'Podcast');
    await call('POST', `/api/projects/${id}/members`, member.cookie, { userId: colleague.user.id });
    const partner = await invitePartner(t, member.cookie, id);
    const leave = (person: { cookie: string; user: { id: string } }) =>
      call('DELETE', `/api/projects/${id}/members/${person.user.id}`, person.cookie);
    expect((await project(id, member.cookie)).json().data.abilities.leave).toBe(false);
    expect((await leave(member)).statusCode).toBe(409);
    expect((await project(id, colleague.cookie)).json().data.abilities.leave).toBe(true);
    // A member cannot take another out, only leave themselves.
    expect(
      (await call('DELETE', `/api/projects/${id}/members/${partner.user.id}`, colleague.cookie)).statusCode,
    ).toBe(403);
    expect((await leave(colleague)).statusCode).toBe(200);
    expect((await project(id, colleague.cookie)).statusCode).toBe(404);
    expect((await leave(partner)).statusCode).toBe(200);
    expect((await call('GET', '/api/me/projects', partner.cookie)).json().data).toEqual([]);
    const kept = await t.database.db
      .select()
      .from(communityMembers)
      .where(
        and(eq(communityMembers.communityId, communityId), eq(communityMembers.userId, partner.user.id)),
      );
    expect(kept).toEqual([]);
    // Someone who is not in it has nothing to leave.
    expect((await leave(guest)).statusCode).toBe(404);
  });
});

describe('partners and outputs', () => {
  it('makes the account a partner signs up with external, without single sign-on', async () => {
    const id = await startProject(t, member.cookie, slug, 'Museum partnership');
    const email = 'curator@museum.example';
    const invited = await call('POST', `/api/projects/${id}/partners`, member.cookie, {
      email,
      name: 'Cura Tor',
    });
    expect(invited.statusCode).toBe(201);
    const signup = await call('POST', '/api/auth/signup', undefined, {
      email,
      password: 'twelve chars ok',
      displayName: 'Cura Tor',
    });
    expect(signup.statusCode).toBe(201);
    const [account] = await t.database.db
      .select({ kind: users.kind })
      .from(users)
      .where(eq(users.email, email));
    expect(account?.kind).toBe('external');
    // Someone with no partner invitation signs up as staff, as before.
    await call('POST', '/api/auth/signup', undefined, {
      email: 'someone@museum.example',
      password: 'twelve chars ok',
      displayName: 'Some One',
    });
    const [other] = await t.database.db
      .select({ kind: users.kind })
      .from(users)
      .where(eq(users.email, 'someone@museum.example'));
    expect(other?.kind).toBe('staff');
  });

  it('a partner sees the project only, works in it, and a resource output joins the Toolkit as a milestone', async () => {
    const id = await startProject(t, member.cookie, slug, 'Library partnership');
    // Only leads invite partners.
    expect(
      (await call('POST', `/api/projects/${id}/partners`, colleague.cookie, { email: 'x@example.test' }))
        .statusCode,
    ).toBe(404);
    expect(
      (await call('POST', `/api/projects/${id}/partners`, member.cookie, { email: 'not an address' })).json()
        .fields,
    ).toHaveProperty('email');
    const partner = await invitePartner(t, member.cookie, id);
    const [{ memberCount }] = (await t.database.db
      .select({ memberCount: communities.memberCount })
      .from(communities)
      .where(eq(communities.id, communityId))) as [{ memberCount: number }];
    const page = (await project(id, partner.cookie)).json().data;
    expect(page).toMatchObject({ viewerRole: 'partner', abilities: { manage: false, work: true } });
    expect(page.members.map((m: { role: string }) => m.role)).toEqual(['lead', 'partner']);
    // The community itself is hidden from the partner, and so is every other project.
    expect((await call('GET', `/api/communities/${slug}`, partner.cookie)).statusCode).toBe(404);
    expect((await call('GET', `/api/communities/${slug}/projects`, partner.cookie)).statusCode).toBe(404);
    expect(
      (await project(await startProject(t, member.cookie, slug, 'Hidden'), partner.cookie)).statusCode,
    ).toBe(404);
    const mine = await call('GET', '/api/me/projects', partner.cookie);
    expect(mine.json().data).toMatchObject([{ id, viewerRole: 'partner', community: { slug } }]);
    // Inviting again: already in the project.
    expect(
      (await call('POST', `/api/projects/${id}/partners`, member.cookie, { email: partner.email }))
        .statusCode,
    ).toBe(409);

    expect(
      (
        await call('POST', `/api/projects/${id}/tasks`, partner.cookie, {
          title: 'Scan the archive',
          ownerId: partner.user.id,
        })
      ).statusCode,
    ).toBe(201);
    expect(
      (
        await call('POST', `/api/projects/${id}/outputs`, partner.cookie, {
          kind: 'resource',
          title: 'Empty',
        })
      ).json().fields,
    ).toHaveProperty('url');
    const output = await call('POST', `/api/projects/${id}/outputs`, partner.cookie, {
      kind: 'resource',
      title: 'Archive scanning guide',
      url: 'https://library.example/guide',
    });
    expect(output.statusCode, output.body).toBe(201);
    const outputs = (await project(id, member.cookie)).json().data.outputs;
    expect(outputs).toMatchObject([{ kind: 'resource', title: 'Archive scanning guide' }]);
    const [resource] = await t.database.db
      .select()
      .from(resources)
      .where(eq(resources.id, outputs[0].resourceId));
    expect(resource).toMatchObject({ communityId, kind: 'link', authorId: partner.user.id });
    // The project is private: its title does not go to the Toolkit (or search) with the resource.
    expect(JSON.stringify(resource)).not.toContain('Library partnership');
    const toolkit = await call('GET', `/api/communities/${slug}/resources`, member.cookie);
    expect(toolkit.body).toContain('Archive scanning guide');
    // The community's first co-created output is a milestone, recorded once.
    await call('POST', `/api/projects/${id}/outputs`, member.cookie, {
      kind: 'publication',
      title: 'Paper',
      citation: 'J. Doe 2027',
    });
    const milestones = await t.database.db
      .select()
      .from(communityMilestones)
      .where(eq(communityMilestones.communityId, communityId));
    expect(milestones.filter((m) => m.kind === 'first_output')).toHaveLength(1);
    // A partner is not counted as one of the community's members.
    const [after] = await t.database.db
      .select({ memberCount: communities.memberCount })
      .from(communities)
      .where(eq(communities.id, communityId));
    expect(after?.memberCount).toBe(memberCount);
    // Nor listed among them: the project lists its partners.
    const listed = (await call('GET', `/api/communities/${slug}/members?limit=100`, member.cookie)).json()
      .data;
    expect(listed.map((m: { id: string }) => m.id)).not.toContain(partner.user.id);
    expect(listed.length).toBeGreaterThan(0);

    // Taken out of the project, the partner loses it and their project-only membership; the last lead stays.
    expect(
      (await call('DELETE', `/api/projects/${id}/members/${member.user.id}`, member.cookie)).statusCode,
    ).toBe(409);
    expect(
      (await call('DELETE', `/api/projects/${id}/members/${member.user.id}`, partner.cookie)).statusCode,
    ).toBe(403);
    expect(
      (await call('DELETE', `/api/projects/${id}/members/${partner.user.id}`, member.cookie)).statusCode,
    ).toBe(200);
    expect(
      (await call('DELETE', `/api/projects/${id}/members/${partner.user.id}`, member.cookie)).statusCode,
    ).toBe(404);
    expect((await project(id, partner.cookie)).statusCode).toBe(404);
    expect((await call('GET', '/api/me/projects', partner.cookie)).json().data).toEqual([]);
    const left = await t.database.db
      .select()
      .from(communityMembers)
      .where(
        and(eq(communityMembers.communityId, communityId), eq(communityMembers.userId, partner.user.id)),
      );
    expect(left).toEqual([]);
  });
});
