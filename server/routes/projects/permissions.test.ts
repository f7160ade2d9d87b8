import { beforeAll, describe, expect, it } from 'vitest';
import { projectMembers, projectMilestones, projects, projectTasks } from '../../db/schema/index.ts';
import {
  type ActorName,
  type Context,
  canSee,
  contexts,
  createMatrixCommunity,
  type Endpoint,
  isMember,
  isStaff,
  matrixMismatches,
  openMatrixWorld,
  signedIn,
  write,
} from '../../test/permission-matrix.ts';

/**
 * The permission matrix of the project endpoints (#18 §4): every endpoint × 14 kinds of actor × public /
 * institution / private × active / archived. The rules, from the issue: members of the community (not
 * guests) and coordinators start projects; a project is seen by its members (here the member, its lead;
 * the guest and the member suspended from the community, its members), and by the community's leaders
 * and the coordinators, and is gone (404) for everyone else; its members work in it (milestones, tasks,
 * outputs); its leads and the community's leaders manage it (members, partners, completing it); archived
 * is read-only and a suspension from the community refuses every write. Partners: guest-isolation.test.ts.
 */

interface Fixture {
  slug: string;
  projectId: string;
  milestoneId: string;
  taskId: string;
  leaderId: string;
  guestId: string;
}

const world = openMatrixWorld();

const inProject: ReadonlySet<ActorName> = new Set(['member', 'guest', 'communitySuspended']);
const oversees = (a: ActorName) => a === 'leader' || a === 'coLeader' || isStaff(a);
const sees = (a: ActorName) => inProject.has(a) || oversees(a);
/** 401 signed out, 404 when the project is hidden from them, then `then`. */
const on = (a: ActorName, then: () => number) => (!signedIn(a) ? 401 : !sees(a) ? 404 : then());
const refusedWrite = (a: ActorName, c: Context) => c.archived || a === 'communitySuspended';
const manages = (a: ActorName) => a === 'member' || a === 'leader' || a === 'coLeader';
const manage = (success: number) => (a: ActorName, c: Context) =>
  on(a, () => (refusedWrite(a, c) ? 403 : manages(a) ? success : 403));
const work = (success: number) => (a: ActorName, c: Context) =>
  on(a, () => (refusedWrite(a, c) ? 403 : inProject.has(a) ? success : 403));

const endpoints: Endpoint<Fixture>[] = [
  {
    name: 'list projects',
    method: 'GET',
    request: (f) => ({ url: `/api/communities/${f.slug}/projects` }),
    expected: (a, c) => (!signedIn(a) ? 401 : canSee(a, c) ? 200 : 404),
  },
  {
    name: 'start a project',
    method: 'POST',
    mutates: true,
    request: (f) => ({
      url: `/api/communities/${f.slug}/projects`,
      payload: { title: 'P', goal: 'A goal.' },
    }),
    expected: (a, c) => write(a, c, (isMember(a) && a !== 'guest') || isStaff(a), 201),
  },
  {
    name: 'my projects',
    method: 'GET',
    request: () => ({ url: '/api/me/projects' }),
    expected: (a) => (signedIn(a) ? 200 : 401),
  },
  {
    name: 'see a project',
    method: 'GET',
    request: (f) => ({ url: `/api/projects/${f.projectId}` }),
    expected: (a) => on(a, () => 200),
  },
  {
    name: 'complete a project',
    method: 'PATCH',
    mutates: true,
    request: (f) => ({ url: `/api/projects/${f.projectId}`, payload: { status: 'completed' } }),
    expected: manage(200),
  },
  {
    name: 'add a member to a project',
    method: 'POST',
    mutates: true,
    request: (f) => ({ url: `/api/projects/${f.projectId}/members`, payload: { userId: f.leaderId } }),
    expected: manage(201),
  },
  {
    name: 'take someone out of a project',
    method: 'DELETE',
    mutates: true,
    request: (f) => ({ url: `/api/projects/${f.projectId}/members/${f.guestId}` }),
    // The guest is taken out by themselves: leaving, which a suspension does not stop.
    expected: (a, c) => (a === 'guest' ? on(a, () => (c.archived ? 403 : 200)) : manage(200)(a, c)),
  },
  {
    name: 'leave a project',
    method: 'DELETE',
    mutates: true,
    request: (f, a) => ({
      url: `/api/projects/${f.projectId}/members/${a === 'anonymous' ? f.guestId : world.people[a].id}`,
    }),
    // Its only lead (the member) may not leave; those not in it have nothing to leave.
    expected: (a, c) =>
      on(a, () => (!inProject.has(a) ? 404 : c.archived ? 403 : a === 'member' ? 409 : 200)),
  },
  {
    name: "change a project member's role",
    method: 'PATCH',
    mutates: true,
    request: (f) => ({ url: `/api/projects/${f.projectId}/members/${f.guestId}`, payload: { role: 'lead' } }),
    expected: manage(200),
  },
  {
    name: "edit a project's title and goal",
    method: 'PATCH',
    mutates: true,
    request: (f) => ({
      url: `/api/projects/${f.projectId}`,
      payload: { title: 'Renamed', goal: 'A new goal.' },
    }),
    expected: manage(200),
  },
  {
    name: 'invite a partner',
    method: 'POST',
    mutates: true,
    request: (f) => ({
      url: `/api/projects/${f.projectId}/partners`,
      payload: { email: `partner-${f.projectId}@example.test` },
    }),
    expected: manage(201),
  },
  {
    name: 'add a milestone',
    method: 'POST',
    mutates: true,
    request: (f) => ({
      url: `/api/projects/${f.projectId}/milestones`,
      payload: { title: 'Draft', dueOn: '2027-05-01' },
    }),
    expected: work(201),
  },
  {
    name: 'mark a milestone reached',
    method: 'PATCH',
    request: (f) => ({
      url: `/api/projects/${f.projectId}/milestones/${f.milestoneId}`,
      payload: { done: true },
    }),
    expected: work(200),
  },
  {
    name: 'add a task',
    method: 'POST',
    mutates: true,
    request: (f) => ({ url: `/api/projects/${f.projectId}/tasks`, payload: { title: 'Write' } }),
    expected: work(201),
  },
  {
    name: 'mark a task done',
    method: 'PATCH',
    request: (f) => ({ url: `/api/projects/${f.projectId}/tasks/${f.taskId}`, payload: { status: 'done' } }),
    expected: work(200),
  },
  {
    name: 'record an output',
    method: 'POST',
    mutates: true,
    request: (f) => ({
      url: `/api/projects/${f.projectId}/outputs`,
      payload: { kind: 'publication', title: 'Paper', citation: 'Doe, 2027.' },
    }),
    expected: work(201),
  },
];

async function buildFixture(context: Context): Promise<Fixture> {
  const { people } = world;
  const db = world.t.app.deps.database.db;
  const community = await createMatrixCommunity(world, context);
  const [project] = await db
    .insert(projects)
    .values({ communityId: community.id, createdBy: people.member.id, title: 'Project', goal: 'A goal.' })
    .returning({ id: projects.id });
  const projectId = project?.id ?? '';
  await db.insert(projectMembers).values([
    { projectId, userId: people.member.id, role: 'lead' as const },
    { projectId, userId: people.guest.id, role: 'member' as const },
    { projectId, userId: people.communitySuspended.id, role: 'member' as const },
  ]);
  const [milestone] = await db
    .insert(projectMilestones)
    .values({ projectId, title: 'M', dueOn: '2027-01-01' })
    .returning({ id: projectMilestones.id });
  const [task] = await db
    .insert(projectTasks)
    .values({ projectId, title: 'T' })
    .returning({ id: projectTasks.id });
  return {
    slug: community.slug,
    projectId,
    milestoneId: milestone?.id ?? '',
    taskId: task?.id ?? '',
    leaderId: people.leader.id,
    guestId: people.guest.id,
  };
}

describe.each(contexts)('Projects in a $visibility community (archived: $archived)', (context) => {
  let shared: Fixture;
  beforeAll(async () => {
    shared = await buildFixture(context);
  });

  it.each(endpoints)('$name answers every actor as the rules say', async (endpoint) => {
    const mismatches = await matrixMismatches(world.t, endpoint, context, world.cookies, shared, () =>
      buildFixture(context),
    );
    expect(mismatches).toBe('');
  });
});
