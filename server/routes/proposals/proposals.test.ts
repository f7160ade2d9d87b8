import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  charterVersions,
  communities,
  communityMembers,
  notifications,
  proposalLeaders,
  proposals,
} from '../../db/schema/index.ts';
import { getTestApp, type TestApp } from '../../test/app.ts';
import { createProposal, createUnit, createUser, latestEmailTo, signedInUser } from '../../test/factories.ts';

type Person = Awaited<ReturnType<typeof signedInUser>>;
type Method = 'GET' | 'POST' | 'PATCH';

let t: TestApp;
let admin: Person;
let coordinator: Person;
let outsider: Person;
let external: Person;
beforeAll(async () => {
  t = await getTestApp();
  admin = await signedInUser(t.app, { role: 'administrator' });
  coordinator = await signedInUser(t.app, { role: 'coordinator' });
  outsider = await signedInUser(t.app);
  external = await signedInUser(t.app, { kind: 'external' });
});
afterAll(async () => t.close());

const db = () => t.app.deps.database.db;
const call = (method: Method, url: string, cookie?: string, payload?: unknown) =>
  t.app.inject({
    method,
    url,
    headers: cookie ? { cookie } : {},
    ...(payload !== undefined ? { payload: payload as object } : {}),
  });

const proposalInput = (overrides: Record<string, unknown> = {}) => ({
  name: 'Outdoor learning',
  purpose: 'Teachers who take their classes outside and want to do it well.',
  objectives: '- Share lesson plans\n- Visit each other’s sites',
  intendedMembers: 'Primary and secondary teacher educators',
  meetingPlan: 'Monthly, outdoors when the weather allows',
  supportNeeded: 'A budget for one field day',
  topics: ['Outdoor Learning', 'outdoor learning', 'fieldwork'],
  audience: 'staff',
  format: 'in_person',
  visibility: 'public',
  joinPolicy: 'request',
  ...overrides,
});

async function propose(proposer: Person, overrides: Record<string, unknown> = {}) {
  const response = await call('POST', '/api/proposals', proposer.cookie, proposalInput(overrides));
  expect(response.statusCode, response.body).toBe(201);
  return response.json().data as {
    id: string;
    status: string;
    leaders: { id: string; role: string; status: string }[];
    messages: { event: string; body: string; author: { displayName: string } | null }[];
  };
}

async function notificationsOf(person: Person) {
  const response = await call('GET', '/api/notifications', person.cookie);
  return response.json().data as { kind: string; title: string; url: string }[];
}

async function countRows(table: typeof proposals | typeof communities, where: ReturnType<typeof eq>) {
  const [row] = await db().select({ n: sql<number>`count(*)::int` }).from(table).where(where);
  return row?.n ?? 0;
}

describe('proposing a community', () => {
  it('goes from proposal through changes and resubmission to an approved community', async () => {
    const proposer = await signedInUser(t.app, { displayName: 'Pat Proposer' });
    const coLeader = await signedInUser(t.app, { displayName: 'Cam Coleader' });
    const unit = await createUnit(db());

    const created = await propose(proposer, { coLeaderIds: [coLeader.user.id], unitId: unit.id });
    expect(created.status).toBe('submitted');
    expect(created.leaders).toEqual([
      expect.objectContaining({ id: proposer.user.id, role: 'leader', status: 'accepted' }),
      expect.objectContaining({ id: coLeader.user.id, role: 'co_leader', status: 'pending' }),
    ]);
    expect(created.messages.map((m) => m.event)).toEqual(['submitted']);
    const url = `/api/proposals/${created.id}`;
    const detail = (await call('GET', url, proposer.cookie)).json().data;
    expect(detail).toMatchObject({
      topics: ['outdoor learning', 'fieldwork'],
      unit: { id: unit.id, name: unit.name },
      can: { edit: true, withdraw: true, review: false, resubmit: false },
    });

    // The invited co-leader and the coordinators hear of it, in the app and by email.
    expect(await notificationsOf(coLeader)).toContainEqual(
      expect.objectContaining({ kind: 'community.invitation', url: `/proposals/${created.id}` }),
    );
    expect((await notificationsOf(coordinator)).map((n) => n.title)).toContain(
      'New community proposal: Outdoor learning',
    );
    expect((await latestEmailTo(db(), coordinator.user.email)).message?.subject).toBe(
      'New community proposal: Outdoor learning',
    );

    const changes = await call('POST', `${url}/request-changes`, coordinator.cookie, {
      message: 'Please say how newcomers will be welcomed.',
    });
    expect(changes.statusCode).toBe(200);
    expect(changes.json().data.status).toBe('changes_requested');
    expect((await notificationsOf(proposer)).map((n) => n.title)).toContain(
      'Changes requested: Outdoor learning',
    );

    const edited = await call('PATCH', url, proposer.cookie, {
      intendedMembers: 'Anyone who teaches outside; newcomers get a buddy.',
    });
    expect(edited.statusCode).toBe(200);
    expect(edited.json().data.intendedMembers).toMatch(/buddy/);
    const resubmitted = await call('POST', `${url}/resubmit`, proposer.cookie, { message: 'Added buddies.' });
    expect(resubmitted.statusCode).toBe(200);
    expect(resubmitted.json().data.status).toBe('submitted');
    expect((await notificationsOf(coordinator)).map((n) => n.title)).toContain(
      'Proposal resubmitted: Outdoor learning',
    );

    // Not while the co-leader has not answered; nothing is created.
    const early = await call('POST', `${url}/approve`, coordinator.cookie);
    expect(early.statusCode).toBe(409);
    expect(early.json().message).toContain('Cam Coleader');
    expect(await countRows(communities, eq(communities.name, 'Outdoor learning'))).toBe(0);

    expect((await call('POST', `${url}/leadership/accept`, coLeader.cookie)).statusCode).toBe(200);
    expect((await notificationsOf(proposer)).map((n) => n.title)).toContain(
      'Cam Coleader accepted to co-lead “Outdoor learning”',
    );

    const approved = await call('POST', `${url}/approve`, coordinator.cookie, { message: 'Welcome!' });
    expect(approved.statusCode).toBe(200);
    const data = approved.json().data;
    expect(data.status).toBe('approved');
    expect(data.decidedAt).not.toBeNull();
    expect(data.messages.map((m: { event: string }) => m.event)).toEqual([
      'submitted',
      'changes_requested',
      'resubmitted',
      'approved',
    ]);
    expect(data.messages[1]).toMatchObject({
      body: 'Please say how newcomers will be welcomed.',
      author: { id: coordinator.user.id },
    });
    const slug = data.community.slug as string;
    expect(slug).toBe('outdoor-learning');

    const [community] = await db().select().from(communities).where(eq(communities.slug, slug));
    expect(community).toMatchObject({
      purpose: 'Teachers who take their classes outside and want to do it well.',
      visibility: 'public',
      joinPolicy: 'request',
      unitId: unit.id,
      memberCount: 2,
    });
    const members = await db()
      .select({ userId: communityMembers.userId, role: communityMembers.role })
      .from(communityMembers)
      .where(eq(communityMembers.communityId, community?.id ?? ''));
    expect(members).toHaveLength(2);
    expect(members).toEqual(
      expect.arrayContaining([
        { userId: proposer.user.id, role: 'leader' },
        { userId: coLeader.user.id, role: 'co_leader' },
      ]),
    );
    const [charter] = await db()
      .select()
      .from(charterVersions)
      .where(eq(charterVersions.communityId, community?.id ?? ''));
    expect(charter?.sections.objectives).toContain('Share lesson plans');
    expect(charter?.sections.participation).toBeTruthy();
    expect(await notificationsOf(proposer)).toContainEqual(
      expect.objectContaining({ url: `/communities/${slug}` }),
    );

    // A decision is final: approving or declining again is a conflict, and nothing more is created.
    expect((await call('POST', `${url}/approve`, coordinator.cookie)).statusCode).toBe(409);
    const declineAfter = await call('POST', `${url}/decline`, admin.cookie, { message: 'Too late.' });
    expect(declineAfter.statusCode).toBe(409);
    expect(declineAfter.json().message).toMatch(/approved/);
    expect(await countRows(communities, eq(communities.name, 'Outdoor learning'))).toBe(1);
  });

  it('is declined with a reason, which the whole team reads', async () => {
    const proposer = await signedInUser(t.app);
    const coLeader = await signedInUser(t.app);
    const { id } = await propose(proposer, { name: 'Duplicate circle', coLeaderIds: [coLeader.user.id] });
    const url = `/api/proposals/${id}`;
    const noReason = await call('POST', `${url}/decline`, coordinator.cookie, { message: '  ' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().fields).toHaveProperty('message');
    const missing = await call('POST', `${url}/decline`, coordinator.cookie, {});
    expect(missing.statusCode).toBe(400);
    expect(missing.json().fields).toHaveProperty('message');

    const declined = await call('POST', `${url}/decline`, admin.cookie, {
      message: 'The Assessment community already covers this.',
    });
    expect(declined.statusCode).toBe(200);
    expect(declined.json().data).toMatchObject({ status: 'declined', can: { review: false } });
    for (const person of [proposer, coLeader])
      expect((await notificationsOf(person)).map((n) => n.title)).toContain(
        'Proposal declined: Duplicate circle',
      );
    const { message } = await latestEmailTo(db(), proposer.user.email);
    expect(message?.textBody).toContain('The Assessment community already covers this.');
    expect((await call('POST', `${url}/decline`, admin.cookie, { message: 'Again' })).statusCode).toBe(409);
    expect((await call('PATCH', url, proposer.cookie, { name: 'Another name' })).statusCode).toBe(409);
    const conversation = (await call('GET', url, coLeader.cookie)).json().data.messages;
    expect(conversation.at(-1)).toMatchObject({
      event: 'declined',
      body: 'The Assessment community already covers this.',
    });
  });

  it('is withdrawn by its proposer, after which nothing changes it', async () => {
    const proposer = await signedInUser(t.app);
    const { id } = await propose(proposer, { name: 'Short-lived' });
    const url = `/api/proposals/${id}`;
    expect((await call('POST', `${url}/withdraw`, coordinator.cookie)).statusCode).toBe(403);
    const withdrawn = await call('POST', `${url}/withdraw`, proposer.cookie);
    expect(withdrawn.statusCode).toBe(200);
    expect(withdrawn.json().data).toMatchObject({
      status: 'withdrawn',
      can: { edit: false, withdraw: false, review: false },
    });
    expect((await call('POST', `${url}/withdraw`, proposer.cookie)).statusCode).toBe(409);
    expect((await call('POST', `${url}/resubmit`, proposer.cookie)).statusCode).toBe(409);
    expect((await call('POST', `${url}/approve`, coordinator.cookie)).statusCode).toBe(409);
    expect((await call('PATCH', url, proposer.cookie, { purpose: 'Changed' })).statusCode).toBe(409);
  });

  it('is approved once when two coordinators approve at the same moment', async () => {
    const proposer = await signedInUser(t.app);
    const { id } = await propose(proposer, { name: 'Approved in a race' });
    const url = `/api/proposals/${id}/approve`;
    const statuses = (
      await Promise.all([call('POST', url, coordinator.cookie), call('POST', url, admin.cookie)])
    ).map((response) => response.statusCode);
    expect(statuses.sort()).toEqual([200, 409]);
    expect(await countRows(communities, eq(communities.name, 'Approved in a race'))).toBe(1);
  });

  it('is resubmitted only after changes were requested', async () => {
    const proposer = await signedInUser(t.app);
    const { id } = await propose(proposer);
    const response = await call('POST', `/api/proposals/${id}/resubmit`, proposer.cookie);
    expect(response.statusCode).toBe(409);
    expect(response.json().message).toMatch(/already waiting for review/);
  });
});

describe('bad proposals', () => {
  it('refuses bad input field by field and writes nothing', async () => {
    const proposer = await signedInUser(t.app);
    const suspended = await createUser(db(), { suspended: true });
    const cases: [Record<string, unknown>, string][] = [
      [{ purpose: undefined }, 'purpose'],
      [{ purpose: '   ' }, 'purpose'],
      [{ purpose: 'x'.repeat(2001) }, 'purpose'],
      [{ name: 'ab' }, 'name'],
      [{ name: undefined }, 'name'],
      [{ coLeaderIds: [crypto.randomUUID()] }, 'coLeaderIds'],
      [{ coLeaderIds: [proposer.user.id] }, 'coLeaderIds'],
      [{ coLeaderIds: [external.user.id] }, 'coLeaderIds'],
      [{ coLeaderIds: [suspended.id] }, 'coLeaderIds'],
      [{ coLeaderIds: ['not-an-id'] }, 'coLeaderIds.0'],
      [{ unitId: crypto.randomUUID() }, 'unitId'],
      [{ visibility: 'secret' }, 'visibility'],
      [{ topics: Array.from({ length: 31 }, (_, i) => `t${i}`) }, 'topics'],
      [{ objectives: 'x'.repeat(5001) }, 'objectives'],
    ];
    for (const [overrides, field] of cases) {
      const response = await call('POST', '/api/proposals', proposer.cookie, proposalInput(overrides));
      expect(response.statusCode, JSON.stringify(overrides).slice(0, 80)).toBe(400);
      expect(Object.keys(response.json().fields ?? {}), JSON.stringify(overrides).slice(0, 80)).toContain(
        field,
      );
    }
    const named = await call('POST', '/api/proposals', proposer.cookie, proposalInput({ purpose: '' }));
    expect(named.json().fields.purpose).toMatch(/Describe the purpose/);
    const unknownField = await call(
      'POST',
      '/api/proposals',
      proposer.cookie,
      proposalInput({ status: 'approved' }),
    );
    expect(unknownField.statusCode).toBe(400);

    expect(await countRows(proposals, eq(proposals.proposerId, proposer.user.id))).toBe(0);
    const invitations = await db().select().from(notifications).where(eq(notifications.userId, suspended.id));
    expect(invitations).toEqual([]);
  });

  it('refuses a co-leader list naming the proposer when editing, keeping the old team', async () => {
    const proposer = await signedInUser(t.app);
    const coLeader = await signedInUser(t.app);
    const { id } = await propose(proposer, { coLeaderIds: [coLeader.user.id] });
    const response = await call('PATCH', `/api/proposals/${id}`, proposer.cookie, {
      name: 'Renamed at the same time',
      coLeaderIds: [proposer.user.id],
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().fields).toHaveProperty('coLeaderIds');
    const after = (await call('GET', `/api/proposals/${id}`, proposer.cookie)).json().data;
    expect(after.name).toBe('Outdoor learning');
    expect(after.leaders.map((l: { id: string }) => l.id)).toEqual([proposer.user.id, coLeader.user.id]);
    expect((await call('PATCH', `/api/proposals/${id}`, proposer.cookie, {})).statusCode).toBe(400);
  });

  it('answers 400 for a bad cursor or status and 404 for an id that is not one', async () => {
    const bad = await call('GET', '/api/proposals?cursor=nonsense', coordinator.cookie);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields).toHaveProperty('cursor');
    const forged = Buffer.from(JSON.stringify(['2026-02-30T00:00:00.000000Z', 'x'])).toString('base64url');
    expect((await call('GET', `/api/proposals?cursor=${forged}`, coordinator.cookie)).statusCode).toBe(400);
    expect((await call('GET', '/api/proposals?status=maybe', coordinator.cookie)).statusCode).toBe(400);
    expect((await call('GET', '/api/proposals/not-an-id', coordinator.cookie)).statusCode).toBe(400);
    expect((await call('GET', `/api/proposals/${crypto.randomUUID()}`, coordinator.cookie)).statusCode).toBe(
      404,
    );
  });
});

describe('leadership team', () => {
  it('changes the invited co-leaders by editing: new ones are invited, removed ones lose access', async () => {
    const proposer = await signedInUser(t.app);
    const first = await signedInUser(t.app);
    const second = await signedInUser(t.app);
    const { id } = await propose(proposer, { coLeaderIds: [first.user.id] });
    const url = `/api/proposals/${id}`;
    const edited = await call('PATCH', url, proposer.cookie, { coLeaderIds: [second.user.id] });
    expect(edited.statusCode).toBe(200);
    expect(edited.json().data.leaders.map((l: { id: string }) => l.id)).toEqual([
      proposer.user.id,
      second.user.id,
    ]);
    expect((await notificationsOf(second)).map((n) => n.kind)).toContain('community.invitation');
    expect((await call('GET', url, first.cookie)).statusCode).toBe(404);
    expect((await call('POST', `${url}/leadership/accept`, first.cookie)).statusCode).toBe(404);
  });

  it('holds approval while a co-leader has declined, until the proposer removes them', async () => {
    const proposer = await signedInUser(t.app);
    const willing = await signedInUser(t.app);
    const unwilling = await signedInUser(t.app, { displayName: 'Uma Unwilling' });
    const { id } = await propose(proposer, {
      name: 'Team test',
      coLeaderIds: [willing.user.id, unwilling.user.id],
    });
    const url = `/api/proposals/${id}`;
    expect((await call('POST', `${url}/leadership/accept`, willing.cookie)).statusCode).toBe(200);
    const declined = await call('POST', `${url}/leadership/decline`, unwilling.cookie);
    expect(declined.statusCode).toBe(200);
    expect(declined.json().data.can.answerLeadership).toBe(true);
    expect((await notificationsOf(proposer)).map((n) => n.title)).toContain(
      'Uma Unwilling declined to co-lead “Team test”',
    );
    const held = await call('POST', `${url}/approve`, coordinator.cookie);
    expect(held.statusCode).toBe(409);
    expect(held.json().message).toMatch(/Uma Unwilling declined/);
    const [still] = await db().select().from(proposals).where(eq(proposals.id, id));
    expect(still?.status).toBe('submitted');
    expect(still?.communityId).toBeNull();

    await call('PATCH', url, proposer.cookie, { coLeaderIds: [willing.user.id] });
    const approved = await call('POST', `${url}/approve`, coordinator.cookie);
    expect(approved.statusCode).toBe(200);
    const rows = await db()
      .select({ userId: proposalLeaders.userId, status: proposalLeaders.status })
      .from(proposalLeaders)
      .where(eq(proposalLeaders.proposalId, id));
    expect(rows).toEqual([{ userId: willing.user.id, status: 'accepted' }]);
    // Accepting after the decision is a conflict.
    expect((await call('POST', `${url}/leadership/decline`, willing.cookie)).statusCode).toBe(409);
  });
});

describe('conversation', () => {
  it('takes comments from the team and the coordinators and tells the others', async () => {
    const proposer = await signedInUser(t.app);
    const coLeader = await signedInUser(t.app, { displayName: 'Chris Colead' });
    const { id } = await propose(proposer, { name: 'Talkative', coLeaderIds: [coLeader.user.id] });
    const url = `/api/proposals/${id}/messages`;
    const question = await call('POST', url, coLeader.cookie, { body: 'Could we meet online too?' });
    expect(question.statusCode).toBe(201);
    expect(question.json().data.messages.at(-1)).toMatchObject({
      event: 'comment',
      body: 'Could we meet online too?',
      author: { id: coLeader.user.id, displayName: 'Chris Colead' },
    });
    expect((await notificationsOf(proposer)).map((n) => n.title)).toContain(
      'Chris Colead commented on “Talkative”',
    );
    expect((await call('POST', url, coordinator.cookie, { body: 'Hybrid is fine.' })).statusCode).toBe(201);
    expect((await notificationsOf(coLeader)).map((n) => n.title)).toContain(
      `${coordinator.user.displayName} commented on “Talkative”`,
    );
    expect((await call('POST', url, outsider.cookie, { body: 'Hello?' })).statusCode).toBe(404);
    expect((await call('POST', url, proposer.cookie, { body: '' })).statusCode).toBe(400);
    expect((await call('POST', url, undefined, { body: 'Hi' })).statusCode).toBe(401);
  });
});

describe('who may do what', () => {
  it('lets each role read and act only as allowed', async () => {
    const proposer = await signedInUser(t.app);
    const coLeader = await signedInUser(t.app);
    const { id } = await propose(proposer, { coLeaderIds: [coLeader.user.id] });
    const url = `/api/proposals/${id}`;
    const readers: [string, Person | undefined, number][] = [
      ['anonymous', undefined, 401],
      ['member', outsider, 404],
      ['external person', external, 404],
      ['proposer', proposer, 200],
      ['named co-leader', coLeader, 200],
      ['coordinator', coordinator, 200],
      ['administrator', admin, 200],
    ];
    for (const [who, person, status] of readers)
      expect((await call('GET', url, person?.cookie)).statusCode, who).toBe(status);

    const steps: [string, Method, string, unknown, [Person | undefined, number][]][] = [
      [
        'edit',
        'PATCH',
        url,
        { meetingPlan: 'Weekly' },
        [
          [undefined, 401],
          [outsider, 404],
          [coLeader, 403],
          [coordinator, 403],
        ],
      ],
      [
        'request changes',
        'POST',
        `${url}/request-changes`,
        { message: 'More detail please.' },
        [
          [undefined, 401],
          [outsider, 404],
          [external, 404],
          [proposer, 403],
          [coLeader, 403],
        ],
      ],
      [
        'approve',
        'POST',
        `${url}/approve`,
        {},
        [
          [outsider, 404],
          [proposer, 403],
          [coLeader, 403],
        ],
      ],
      [
        'decline',
        'POST',
        `${url}/decline`,
        { message: 'No.' },
        [
          [proposer, 403],
          [coLeader, 403],
        ],
      ],
      [
        'withdraw',
        'POST',
        `${url}/withdraw`,
        undefined,
        [
          [outsider, 404],
          [coLeader, 403],
          [admin, 403],
        ],
      ],
      [
        'accept leadership',
        'POST',
        `${url}/leadership/accept`,
        undefined,
        [
          [undefined, 401],
          [outsider, 404],
          [proposer, 403],
          [coordinator, 403],
        ],
      ],
    ];
    for (const [step, method, stepUrl, payload, expectations] of steps)
      for (const [person, status] of expectations)
        expect((await call(method, stepUrl, person?.cookie, payload)).statusCode, step).toBe(status);

    // None of the refused steps changed anything.
    const after = (await call('GET', url, proposer.cookie)).json().data;
    expect(after).toMatchObject({
      status: 'submitted',
      meetingPlan: 'Monthly, outdoors when the weather allows',
    });
    expect(after.messages.map((m: { event: string }) => m.event)).toEqual(['submitted']);

    // The proposer edits; the coordinators review.
    expect((await call('PATCH', url, proposer.cookie, { meetingPlan: 'Weekly' })).statusCode).toBe(200);
    expect(
      (await call('POST', `${url}/request-changes`, admin.cookie, { message: 'Add objectives.' })).statusCode,
    ).toBe(200);
  });

  it('keeps external guests from proposing and signed-out people from everything', async () => {
    const refused = await call('POST', '/api/proposals', external.cookie, proposalInput());
    expect(refused.statusCode).toBe(403);
    expect(await countRows(proposals, eq(proposals.proposerId, external.user.id))).toBe(0);
    expect((await call('POST', '/api/proposals', undefined, proposalInput())).statusCode).toBe(401);
    expect((await call('GET', '/api/proposals')).statusCode).toBe(401);
  });
});

describe('lists', () => {
  it('shows members what they proposed or lead, and coordinators the whole queue', async () => {
    const proposer = await signedInUser(t.app);
    const coLeader = await signedInUser(t.app);
    const mine = await propose(proposer, { name: 'Listed one', coLeaderIds: [coLeader.user.id] });
    const other = await createProposal(db(), (await createUser(db())).id, { status: 'changes_requested' });
    const ownByCoordinator = await propose(coordinator, { name: 'Coordinator’s own' });

    const ids = async (person: Person, query = '') =>
      (
        (await call('GET', `/api/proposals?limit=100${query}`, person.cookie)).json().data as { id: string }[]
      ).map((p) => p.id);
    expect(await ids(proposer)).toEqual([mine.id]);
    const forCoLeader = (await call('GET', '/api/proposals', coLeader.cookie)).json().data;
    expect(forCoLeader).toEqual([
      expect.objectContaining({ id: mine.id, myLeadership: 'pending', proposer: expect.any(Object) }),
    ]);
    expect(await ids(outsider)).toEqual([]);
    const queue = await ids(coordinator);
    expect(queue).toEqual(expect.arrayContaining([mine.id, other.id, ownByCoordinator.id]));
    expect(queue.indexOf(ownByCoordinator.id)).toBeLessThan(queue.indexOf(mine.id));
    expect(await ids(coordinator, '&mine=true')).toEqual([ownByCoordinator.id]);
    const changesRequested = await ids(admin, '&status=changes_requested');
    expect(changesRequested).toContain(other.id);
    expect(changesRequested).not.toContain(mine.id);
    // A member filtering by status still sees only their own.
    expect(await ids(proposer, '&status=changes_requested')).toEqual([]);
  });

  it('pages through the queue without gaps or repeats, even for rows written in the same instant', async () => {
    const proposer = await createUser(db());
    const created = await db().transaction(async (tx) => {
      const rows = [];
      for (let i = 0; i < 7; i++) rows.push(await createProposal(tx, proposer.id, { status: 'declined' }));
      return rows;
    });
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = `/api/proposals?status=declined&limit=3${cursor ? `&cursor=${cursor}` : ''}`;
      const body = (await call('GET', query, coordinator.cookie)).json() as {
        data: { id: string }[];
        nextCursor: string | null;
      };
      seen.push(...body.data.map((p) => p.id));
      cursor = body.nextCursor;
      pages++;
    } while (cursor && pages < 10);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual(expect.arrayContaining(created.map((p) => p.id)));
    expect(pages).toBeGreaterThanOrEqual(3);
  });
});
