import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  charterVersions,
  communityMembers,
  communityMilestones,
  leadershipTerms,
  notifications,
  successions,
  successionVoters,
} from '../../db/schema/index.ts';
import { runSuccessionDaily } from '../../services/succession/terms.ts';
import { getTestApp, requester, type TestApp } from '../../test/app.ts';
import { createTestCommunity, createUser, signedInUser, signInAs } from '../../test/factories.ts';

/**
 * Leadership terms and succession (#18 §1): the three decision processes end to end, the hand-over
 * checklist and its milestone, terms and their warnings, and the rules: bad input, voting twice or after
 * closing, two leaders stepping down at once.
 */

let t: TestApp;
let call: ReturnType<typeof requester>;
type Person = Awaited<ReturnType<typeof signedInUser>>;
let coordinator: { id: string; cookie: string };

const day = 86_400_000;
const isoDay = (offset: number) => new Date(Date.now() + offset * day).toISOString().slice(0, 10);
const db = () => t.database.db;

beforeAll(async () => {
  t = await getTestApp();
  call = requester(t);
  const staff = await createUser(db(), { role: 'coordinator' });
  coordinator = { id: staff.id, cookie: await signInAs(t.app, staff.email) };
});
afterAll(async () => t.close());

/** A community led by `leader`, with `members` as members and an outsider, its charter on `process`. */
async function world(process: 'consent' | 'vote' | 'leaders', days = 3) {
  const [leader, a, b, c, outsider] = (await Promise.all([1, 2, 3, 4, 5].map(() => signedInUser(t.app)))) as [
    Person,
    Person,
    Person,
    Person,
    Person,
  ];
  const community = await createTestCommunity(db(), [leader.user.id], {
    members: [a, b, c].map((p) => [p.user.id, 'member'] as [string, 'member']),
  });
  await db()
    .update(charterVersions)
    .set({ decisionProcess: process, objectionDays: days, votingDays: days })
    .where(eq(charterVersions.communityId, community.id));
  const url = (path = '') => `/api/communities/${community.slug}/succession${path}`;
  const leadership = async (who: Person) => {
    const response = await call('GET', `/api/communities/${community.slug}/leadership`, who.cookie);
    expect(response.statusCode, response.body).toBe(200);
    return response.json().data;
  };
  const roleOf = async (userId: string) =>
    (
      await db()
        .select({ role: communityMembers.role })
        .from(communityMembers)
        .where(and(eq(communityMembers.communityId, community.id), eq(communityMembers.userId, userId)))
    )[0]?.role;
  return { leader, a, b, c, outsider, community, url, leadership, roleOf };
}

async function expectStatus(response: { statusCode: number; body: string }, status: number) {
  expect(response.statusCode, response.body).toBe(status);
}

describe('the charter names the decision process', () => {
  it('defaults to the leaders, changes with a charter edit, and refuses a bad period', async () => {
    const w = await world('leaders');
    await db()
      .update(charterVersions)
      .set({ decisionProcess: 'leaders' })
      .where(eq(charterVersions.communityId, w.community.id));
    const home = await call('GET', `/api/communities/${w.community.slug}`, w.a.cookie);
    const charter = home.json().data.charter;
    expect(charter.decision).toEqual({ process: 'leaders', objectionDays: 3, votingDays: 3 });
    const edit = (decision: object) =>
      call('PUT', `/api/communities/${w.community.slug}/charter`, w.leader.cookie, {
        sections: charter.sections,
        baseVersion: charter.version,
        decision,
      });
    const bad = await edit({ process: 'consent', objectionDays: 90, votingDays: 7 });
    await expectStatus(bad, 400);
    expect(bad.json().fields).toHaveProperty(['decision.objectionDays']);
    await expectStatus(await edit({ process: 'consent', objectionDays: 5, votingDays: 7 }), 200);
    expect((await w.leadership(w.a)).decision).toEqual({
      process: 'consent',
      objectionDays: 5,
      votingDays: 7,
    });
    // A later edit that does not name the process keeps it.
    const again = await call('PUT', `/api/communities/${w.community.slug}/charter`, w.leader.cookie, {
      sections: charter.sections,
      baseVersion: charter.version + 1,
    });
    await expectStatus(again, 200);
    expect(again.json().data.decision.process).toBe('consent');
  });
});

describe('consent: a leader steps down, members consent to a successor, both hand over', () => {
  it('runs from nomination to the hand-over milestone, an objection reopening nominations', async () => {
    const w = await world('consent', 3);
    await db()
      .insert(leadershipTerms)
      .values({
        communityId: w.community.id,
        userId: w.leader.user.id,
        startsOn: isoDay(-300),
        endsOn: isoDay(65),
      });
    await expectStatus(await call('POST', w.url(), w.a.cookie, { outgoingRole: 'member' }), 403);
    await expectStatus(await call('POST', w.url(), w.leader.cookie, { outgoingRole: 'co_leader' }), 201);
    await expectStatus(await call('POST', w.url(), w.leader.cookie, { outgoingRole: 'co_leader' }), 409);
    // Nominating someone outside the community, or a stranger id: 400 naming the field, nothing written.
    for (const userId of [w.outsider.user.id, crypto.randomUUID()]) {
      const response = await call('POST', w.url('/nominations'), w.a.cookie, { userId });
      await expectStatus(response, 400);
      expect(response.json().fields).toHaveProperty('userId');
    }
    await expectStatus(await call('POST', w.url('/nominations'), w.a.cookie, { userId: w.b.user.id }), 201);
    await expectStatus(await call('POST', w.url('/nominations'), w.c.cookie, { userId: w.b.user.id }), 409);
    // Nobody accepted yet: nothing to propose.
    await expectStatus(
      await call('POST', w.url('/decision'), w.leader.cookie, { successorId: w.b.user.id }),
      409,
    );
    expect((await w.leadership(w.b)).current.viewer.answer).toBe(true);
    await expectStatus(await call('PUT', w.url('/nomination'), w.b.cookie, { accept: true }), 200);
    await expectStatus(await call('POST', w.url('/decision'), w.a.cookie, { successorId: w.b.user.id }), 403);
    await expectStatus(
      await call('POST', w.url('/decision'), w.leader.cookie, { successorId: w.b.user.id }),
      200,
    );
    let view = await w.leadership(w.c);
    expect(view.current).toMatchObject({ status: 'deciding', candidate: { id: w.b.user.id } });
    expect(view.current.viewer.object).toBe(true);
    // An objection needs a reason; with one, nominations open again.
    await expectStatus(await call('POST', w.url('/objections'), w.c.cookie, { reason: '  ' }), 400);
    await expectStatus(
      await call('POST', w.url('/objections'), w.c.cookie, { reason: 'Let us hear from more people first.' }),
      201,
    );
    view = await w.leadership(w.c);
    expect(view.current).toMatchObject({ status: 'nominating', candidate: null });
    expect(view.current.objections[0].reason).toBe('Let us hear from more people first.');
    await expectStatus(
      await call('POST', w.url('/decision'), w.leader.cookie, { successorId: w.b.user.id }),
      200,
    );
    // The period runs: closing early is refused, the job closes it once the time is up.
    await expectStatus(await call('POST', w.url('/close'), w.leader.cookie), 409);
    const { settled } = await runSuccessionDaily(
      t.app.deps,
      'http://localhost',
      new Date(Date.now() + 4 * day),
    );
    expect(settled).toBeGreaterThanOrEqual(1);
    expect(await w.roleOf(w.b.user.id)).toBe('leader');
    expect(await w.roleOf(w.leader.user.id)).toBe('co_leader');
    view = await w.leadership(w.b);
    expect(view.current).toMatchObject({
      status: 'decided',
      process: 'consent',
      successor: { id: w.b.user.id },
    });
    expect(view.current.viewer.side).toBe('incoming');
    // The term passes on with its length; the outgoing leader's ends.
    const terms = await db()
      .select()
      .from(leadershipTerms)
      .where(eq(leadershipTerms.communityId, w.community.id));
    expect(terms.map((term) => term.userId)).toEqual([w.b.user.id]);
    expect(terms[0]?.startsOn).toBe(isoDay(0));
    // The checklist: only the two leaders tick; the outgoing note needs words.
    await expectStatus(await call('POST', w.url('/handover'), w.a.cookie, { key: 'access_and_roles' }), 403);
    const outgoingNote = await call('POST', w.url('/handover'), w.leader.cookie, { key: 'outgoing_note' });
    await expectStatus(outgoingNote, 400);
    expect(outgoingNote.json().fields).toHaveProperty('note');
    // The new leader ticks the note once it is written, and writes none of their own.
    await expectStatus(await call('POST', w.url('/handover'), w.b.cookie, { key: 'outgoing_note' }), 409);
    const notMine = await call('POST', w.url('/handover'), w.b.cookie, {
      key: 'access_and_roles',
      note: 'x',
    });
    await expectStatus(notMine, 400);
    expect(notMine.json().fields.note).toContain('outgoing leader');
    const keys = [
      'access_and_roles',
      'upcoming_meetings',
      'open_action_items',
      'toolkit_curation',
      'contacts_and_partners',
      'outgoing_note',
    ];
    for (const key of keys) {
      const note = key === 'outgoing_note' ? { note: 'The room booking renews in May.' } : {};
      await expectStatus(await call('POST', w.url('/handover'), w.leader.cookie, { key, ...note }), 200);
      await expectStatus(await call('POST', w.url('/handover'), w.b.cookie, { key }), 200);
    }
    view = await w.leadership(w.a);
    expect(view.current).toBeNull();
    expect(view.past[0]).toMatchObject({ status: 'handed_over', successor: { id: w.b.user.id } });
    const milestones = await db()
      .select()
      .from(communityMilestones)
      .where(eq(communityMilestones.communityId, w.community.id));
    expect(milestones.map((m) => m.kind)).toContain('handover');
    const told = await db().select().from(notifications).where(eq(notifications.userId, w.c.user.id));
    expect(told.map((n) => n.titleKey)).toContain('succession.notify.decided.title');
  });
});

describe('a secret vote', () => {
  it('counts one vote each, shows the tally only after closing, refuses voting twice or late', async () => {
    const w = await world('vote', 2);
    await expectStatus(await call('POST', w.url(), w.leader.cookie, { outgoingRole: 'member' }), 201);
    for (const p of [w.a, w.b])
      await expectStatus(await call('POST', w.url('/nominations'), p.cookie, { userId: p.user.id }), 201);
    await expectStatus(await call('POST', w.url('/votes'), w.c.cookie, { nomineeId: w.a.user.id }), 409);
    await expectStatus(await call('POST', w.url('/decision'), w.leader.cookie, {}), 200);
    // Only accepted nominees: a stranger id is refused naming the field.
    const stranger = await call('POST', w.url('/votes'), w.c.cookie, { nomineeId: w.c.user.id });
    await expectStatus(stranger, 400);
    expect(stranger.json().fields).toHaveProperty('nomineeId');
    const votes = await Promise.all([
      call('POST', w.url('/votes'), w.c.cookie, { nomineeId: w.b.user.id }),
      call('POST', w.url('/votes'), w.c.cookie, { nomineeId: w.b.user.id }),
    ]);
    expect(votes.map((v) => v.statusCode).sort()).toEqual([201, 409]);
    await expectStatus(await call('POST', w.url('/votes'), w.a.cookie, { nomineeId: w.b.user.id }), 201);
    await expectStatus(await call('POST', w.url('/votes'), w.b.cookie, { nomineeId: w.b.user.id }), 201);
    let view = await w.leadership(w.a);
    expect(view.current).toMatchObject({ status: 'deciding', votesCast: 3, tally: null });
    expect(view.current.viewer).toMatchObject({ voted: true, vote: false });
    // After the period: voting is refused, the leaders close it and the tally shows.
    const succession = (
      await db().select().from(successions).where(eq(successions.communityId, w.community.id))
    )[0];
    await db()
      .update(successions)
      .set({ closesAt: new Date(Date.now() - 1000) })
      .where(eq(successions.id, succession?.id ?? ''));
    await expectStatus(await call('POST', w.url('/votes'), w.leader.cookie, { nomineeId: w.a.user.id }), 409);
    await expectStatus(await call('POST', w.url('/close'), w.leader.cookie), 200);
    expect(await w.roleOf(w.b.user.id)).toBe('leader');
    expect(await w.roleOf(w.leader.user.id)).toBe('member');
    view = await w.leadership(w.b);
    expect(view.current.status).toBe('decided');
    expect(
      view.current.tally.find((row: { nominee: { id: string } }) => row.nominee.id === w.b.user.id).votes,
    ).toBe(3);
    // Secret: the voters are kept apart from the ballots, and no answer names who voted for whom.
    const voters = await db()
      .select()
      .from(successionVoters)
      .where(eq(successionVoters.successionId, succession?.id ?? ''));
    expect(voters).toHaveLength(3);
    expect(JSON.stringify(view)).not.toContain('voterId');
  });
});

describe("the leaders' decision, stepping down and terms", () => {
  it('lets the leaders choose among accepted nominees, and a named successor is asked first', async () => {
    const w = await world('leaders');
    await expectStatus(
      await call('POST', w.url(), w.leader.cookie, {
        outgoingRole: 'co_leader',
        successorId: w.outsider.user.id,
      }),
      400,
    );
    expect(
      await db().select().from(successions).where(eq(successions.communityId, w.community.id)),
    ).toHaveLength(0);
    await expectStatus(
      await call('POST', w.url(), w.leader.cookie, { outgoingRole: 'co_leader', successorId: w.a.user.id }),
      201,
    );
    await expectStatus(
      await call('POST', w.url('/decision'), w.leader.cookie, { successorId: w.a.user.id }),
      409,
    );
    await expectStatus(await call('PUT', w.url('/nomination'), w.a.cookie, { accept: true }), 200);
    await expectStatus(
      await call('POST', w.url('/decision'), coordinator.cookie, { successorId: w.c.user.id }),
      400,
    );
    await expectStatus(
      await call('POST', w.url('/decision'), coordinator.cookie, { successorId: w.a.user.id }),
      200,
    );
    expect(await w.roleOf(w.a.user.id)).toBe('leader');
    expect(await w.roleOf(w.leader.user.id)).toBe('co_leader');
    await expectStatus(await call('DELETE', w.url(), w.leader.cookie), 409);
  });

  it('keeps a leader when two leaders step down at the same moment', async () => {
    const [one, two] = (await Promise.all([1, 2].map(() => signedInUser(t.app)))) as [Person, Person];
    const community = await createTestCommunity(db(), [one.user.id, two.user.id]);
    const url = `/api/communities/${community.slug}/leadership/step-down`;
    const answers = await Promise.all([
      call('POST', url, one.cookie, { role: 'member' }),
      call('POST', url, two.cookie, { role: 'member' }),
    ]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 409]);
    const leaders = await db()
      .select()
      .from(communityMembers)
      .where(and(eq(communityMembers.communityId, community.id), eq(communityMembers.role, 'leader')));
    expect(leaders).toHaveLength(1);
  });

  it('sets terms, refuses one ending before it starts, warns before the end and tells coordinators after', async () => {
    const w = await world('leaders');
    const termUrl = (userId: string) => `/api/communities/${w.community.slug}/leadership/terms/${userId}`;
    const backwards = await call('PUT', termUrl(w.leader.user.id), w.leader.cookie, {
      startsOn: isoDay(10),
      endsOn: isoDay(5),
    });
    await expectStatus(backwards, 400);
    expect(backwards.json().fields).toHaveProperty('endsOn');
    const notLeader = await call('PUT', termUrl(w.a.user.id), w.leader.cookie, {
      startsOn: isoDay(0),
      endsOn: null,
    });
    await expectStatus(notLeader, 400);
    await expectStatus(
      await call('PUT', termUrl(w.leader.user.id), w.a.cookie, { startsOn: isoDay(0), endsOn: isoDay(20) }),
      403,
    );
    expect(
      await db().select().from(leadershipTerms).where(eq(leadershipTerms.communityId, w.community.id)),
    ).toHaveLength(0);
    await expectStatus(
      await call('PUT', termUrl(w.leader.user.id), w.leader.cookie, {
        startsOn: isoDay(-300),
        endsOn: isoDay(20),
      }),
      200,
    );
    expect((await w.leadership(w.a)).terms[0]).toMatchObject({ endsOn: isoDay(20), endsInDays: 20 });
    // The dashboard suggests starting a succession, until one starts.
    const suggestionKinds = async () =>
      (await call('GET', `/api/communities/${w.community.slug}/suggestions`, w.leader.cookie))
        .json()
        .data.suggestions.map((s: { kind: string }) => s.kind);
    expect(await suggestionKinds()).toContain('term_ending');
    const warningsOf = async () =>
      (await db().select().from(notifications).where(eq(notifications.userId, w.leader.user.id))).filter(
        (n) => n.titleKey === 'succession.notify.termEnding.title',
      ).length;
    await runSuccessionDaily(t.app.deps, 'http://localhost');
    expect(await warningsOf()).toBe(1);
    await runSuccessionDaily(t.app.deps, 'http://localhost');
    expect(await warningsOf()).toBe(1);
    await runSuccessionDaily(t.app.deps, 'http://localhost', new Date(Date.now() + 14 * day));
    expect(await warningsOf()).toBe(2);
    // A term set 5 days before its end gets one warning, not two.
    await expectStatus(
      await call('PUT', termUrl(w.leader.user.id), w.leader.cookie, {
        startsOn: isoDay(-300),
        endsOn: isoDay(5),
      }),
      200,
    );
    await runSuccessionDaily(t.app.deps, 'http://localhost');
    expect(await warningsOf()).toBe(3);
    await expectStatus(
      await call('PUT', termUrl(w.leader.user.id), w.leader.cookie, {
        startsOn: isoDay(-300),
        endsOn: isoDay(20),
      }),
      200,
    );
    // The term ends with no successor: the leader stays, the coordinators are told once.
    await runSuccessionDaily(t.app.deps, 'http://localhost', new Date(Date.now() + 22 * day));
    await runSuccessionDaily(t.app.deps, 'http://localhost', new Date(Date.now() + 23 * day));
    expect(await w.roleOf(w.leader.user.id)).toBe('leader');
    const told = (
      await db().select().from(notifications).where(eq(notifications.userId, coordinator.id))
    ).filter((n) => n.titleKey === 'succession.notify.termEnded.title' && n.url.includes(w.community.slug));
    expect(told).toHaveLength(1);
    await expectStatus(await call('POST', w.url(), w.leader.cookie, { outgoingRole: 'member' }), 201);
    expect(await suggestionKinds()).not.toContain('term_ending');
  });

  it('tells the coordinators when a suspension leaves a community without a leader, and flags it', async () => {
    const w = await world('leaders');
    const admin = await createUser(db(), { role: 'administrator' });
    const adminCookie = await signInAs(t.app, admin.email);
    const suspended = await call('PATCH', `/api/admin/users/${w.leader.user.id}`, adminCookie, {
      suspended: true,
    });
    await expectStatus(suspended, 200);
    const told = (
      await db().select().from(notifications).where(eq(notifications.userId, coordinator.id))
    ).filter((n) => n.titleKey === 'succession.notify.leaderless.title' && n.url.includes(w.community.slug));
    expect(told).toHaveLength(1);
    const portfolio = await call('GET', '/api/portfolio?flag=leaderless', coordinator.cookie);
    await expectStatus(portfolio, 200);
    expect(JSON.stringify(portfolio.json().data)).toContain(w.community.slug);
  });
});
