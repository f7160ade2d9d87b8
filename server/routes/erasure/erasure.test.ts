import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../queries/raw-rows.ts';
import { getTestApp, requester, type TestApp } from '../../test/app.ts';
import {
  createTestCommunity,
  createUser,
  signedInUser,
  signInAs,
  testPassword,
} from '../../test/factories.ts';
import { createTestMeeting } from '../../test/meetings.ts';

let t: TestApp;
let call: ReturnType<typeof requester>;
beforeAll(async () => {
  t = await getTestApp();
  call = requester(t);
});
afterAll(async () => t.close());

const rows = async <T>(query: ReturnType<typeof sql>) => rowsOf<T>(await t.database.db.execute(query));

async function startThread(slug: string, cookie: string, title: string) {
  const response = await call('POST', `/api/communities/${slug}/threads`, cookie, {
    title,
    body: `${title} body`,
  });
  expect(response.statusCode).toBe(201);
  return response.json().data.id as string;
}

async function reply(threadId: string, cookie: string, body: string) {
  const response = await call('POST', `/api/threads/${threadId}/replies`, cookie, { body });
  expect(response.statusCode).toBe(201);
}

describe('what others share with the erased person', () => {
  it("keeps the other person's mentoring pair (closed, their notes kept) and a vote cast", async () => {
    const mentor = await signedInUser(t.app);
    const mentee = await signedInUser(t.app);
    const [pair] = await rows<{
      id: string;
    }>(sql`insert into mentoring_pairs (mentor_id, mentee_id, status, skills)
      values (${mentor.user.id}, ${mentee.user.id}, 'active', '{assessment}') returning id`);
    await t.database.db.execute(sql`insert into mentoring_notes (pair_id, author_id, body)
      values (${pair?.id ?? null}, ${mentee.user.id}, 'My own reflection')`);
    const community = await createTestCommunity(t.database.db, [mentor.user.id], {
      members: [[mentee.user.id, 'member']],
    });
    const [succession] = await rows<{ id: string }>(sql`insert into successions
        (community_id, outgoing_id, outgoing_role, status, process)
      values (${community.id}, ${mentor.user.id}, 'member', 'deciding', 'vote') returning id`);
    await t.database.db.execute(sql`insert into succession_voters (succession_id, user_id)
      values (${succession?.id ?? null}, ${mentor.user.id})`);
    const erased = await call('POST', '/api/me/erase', mentor.cookie, {
      mode: 'anonymise',
      password: testPassword,
      confirmation: mentor.user.email,
    });
    expect(erased.statusCode, erased.body).toBe(200);
    const seen = await call('GET', `/api/mentoring/pairs/${pair?.id}`, mentee.cookie);
    expect(seen.statusCode, seen.body).toBe(200);
    expect(seen.json().data).toMatchObject({ status: 'closed', mentor: { displayName: '' } });
    const notes = await call('GET', `/api/mentoring/pairs/${pair?.id}/notes`, mentee.cookie);
    expect(notes.body).toContain('My own reflection');
    const [voters] = await rows<{ n: number }>(
      sql`select count(*)::int as n from succession_voters where succession_id = ${succession?.id ?? null}`,
    );
    expect(voters?.n).toBe(1);
  });
});

describe('POST /api/me/erase', () => {
  it('refuses the last administrator, bad input and a wrong password, changing nothing', async () => {
    const admin = await signedInUser(t.app, { role: 'administrator' });
    const sole = await call('POST', '/api/me/erase', admin.cookie, {
      mode: 'anonymise',
      password: testPassword,
      confirmation: admin.user.email,
    });
    expect(sole.statusCode).toBe(409);

    const person = await signedInUser(t.app);
    const bad = [
      [{ mode: 'shred', password: testPassword, confirmation: person.user.email }, 'mode'],
      [{ mode: 'anonymise', password: testPassword, confirmation: '' }, 'confirmation'],
      [{ mode: 'anonymise', password: 'not it', confirmation: person.user.email }, 'password'],
      [{ mode: 'anonymise', password: testPassword, confirmation: 'someone@else.test' }, 'confirmation'],
    ] as const;
    for (const [payload, field] of bad) {
      const response = await call('POST', '/api/me/erase', person.cookie, payload);
      expect(response.statusCode, field).toBe(400);
      expect(response.json().fields, field).toHaveProperty(field);
    }
    expect(
      (await call('POST', '/api/me/erase', undefined, { ...bad[2][0], password: testPassword })).statusCode,
    ).toBe(401);
    expect((await call('GET', '/api/me', person.cookie)).statusCode).toBe(200);
  });

  it('anonymise: the account goes at once, replies stay under a former member, coordinators hear of a leaderless community', async () => {
    const { db } = t.database;
    const coordinator = await createUser(db, { role: 'coordinator' });
    const leader = await signedInUser(t.app, { displayName: 'Leaving Leader' });
    const other = await signedInUser(t.app);
    const community = await createTestCommunity(db, [leader.user.id], {
      members: [[other.user.id, 'member']],
    });
    const threadId = await startThread(community.slug, other.cookie, 'A question of practice');
    await reply(threadId, leader.cookie, 'What worked for me');
    const stranger = await signedInUser(t.app);
    const leaderless = async (cookie: string) =>
      (await call('GET', `/api/communities/${community.slug}`, cookie)).json().data.viewer.leaderless;
    expect(await leaderless(other.cookie)).toBe(false);

    const response = await call('POST', '/api/me/erase', leader.cookie, {
      mode: 'anonymise',
      password: testPassword,
      confirmation: leader.user.email.toUpperCase(),
    });
    expect(response.statusCode).toBe(200);
    expect(response.cookies.find((c) => c.name === 'copse_session')?.value).toBe('');
    expect((await call('GET', '/api/me', leader.cookie)).statusCode).toBe(401);
    await expect(signInAs(t.app, leader.user.email)).rejects.toThrow();
    // The address is free for a new account.
    await createUser(db, { email: leader.user.email });

    const thread = (await call('GET', `/api/threads/${threadId}`, other.cookie)).json().data;
    const replies = thread.replies?.items ?? thread.replies;
    expect(JSON.stringify(thread)).toContain('What worked for me');
    expect(JSON.stringify(thread)).not.toContain('Leaving Leader');
    expect(replies).toBeDefined();

    const [tombstone] = await rows<{ display_name: string; email: string; erased_at: Date | null }>(
      sql`select display_name, email, erased_at from users where id = ${leader.user.id}`,
    );
    expect(tombstone?.display_name).toBe('');
    expect(tombstone?.erased_at).not.toBeNull();
    expect(tombstone?.email).not.toContain(leader.user.email);
    const members = await rows(sql`select 1 from community_members where user_id = ${leader.user.id}`);
    expect(members).toHaveLength(0);

    const told = await rows<{ body_key: string }>(
      sql`select body_key from notifications where user_id = ${coordinator.id} and community_id = ${community.id}`,
    );
    expect(told.map((row) => row.body_key)).toContain('succession.notify.leaderless.erasedBody');
    // The community page tells its members (not others) that nobody leads it now.
    expect(await leaderless(other.cookie)).toBe(true);
    expect(await leaderless(stranger.cookie)).toBe(false);
    const mailed = await rows(sql`select 1 from mail_messages where to_address = ${coordinator.email}`);
    expect(mailed.length).toBeGreaterThan(0);
    const ledger = await rows<{ mode: string }>(
      sql`select mode from erasures where user_id = ${leader.user.id}`,
    );
    expect(ledger).toEqual([{ mode: 'anonymise' }]);
  });

  it("delete: their replies and threads go; a thread others answered keeps the others' replies", async () => {
    const { db } = t.database;
    const leader = await signedInUser(t.app);
    const person = await signedInUser(t.app);
    const other = await signedInUser(t.app);
    const community = await createTestCommunity(db, [leader.user.id], {
      members: [
        [person.user.id, 'member'],
        [other.user.id, 'member'],
      ],
    });
    const answered = await startThread(community.slug, person.cookie, 'Opening words to remove');
    await reply(answered, other.cookie, 'An answer that stays');
    const alone = await startThread(community.slug, person.cookie, 'Nobody answered this');
    const othersThread = await startThread(community.slug, other.cookie, 'Someone else asks');
    await reply(othersThread, person.cookie, 'A reply that goes');

    const response = await call('POST', '/api/me/erase', person.cookie, {
      mode: 'delete',
      password: testPassword,
      confirmation: person.user.email,
    });
    expect(response.statusCode).toBe(200);
    expect((await call('GET', `/api/threads/${alone}`, other.cookie)).statusCode).toBe(404);
    const kept = JSON.stringify((await call('GET', `/api/threads/${answered}`, other.cookie)).json());
    expect(kept).toContain('An answer that stays');
    expect(kept).not.toContain('Opening words to remove');
    const othersView = (await call('GET', `/api/threads/${othersThread}`, other.cookie)).json();
    expect(JSON.stringify(othersView)).not.toContain('A reply that goes');
    expect(othersView.data.replyCount).toBe(0);
  });
});

describe('an erased attendee', () => {
  it('stays on the attendance list without a name (a former member), and the list can be taken again', async () => {
    const { db } = t.database;
    const leader = await signedInUser(t.app, { displayName: 'Host Leader' });
    const person = await signedInUser(t.app, { displayName: 'Erased Attendee' });
    const community = await createTestCommunity(db, [leader.user.id], {
      members: [[person.user.id, 'member']],
    });
    const meeting = await createTestMeeting(db, community.id, {
      startsInHours: -0.5,
      createdBy: leader.user.id,
    });
    const attendance = { userIds: [person.user.id, leader.user.id] };
    const url = `/api/meetings/${meeting.id}/attendance`;
    expect((await call('PUT', url, leader.cookie, attendance)).statusCode).toBe(200);
    const erased = await call('POST', '/api/me/erase', person.cookie, {
      mode: 'anonymise',
      password: testPassword,
      confirmation: person.user.email,
    });
    expect(erased.statusCode).toBe(200);

    const read = (await call('GET', `/api/meetings/${meeting.id}`, leader.cookie)).json().data;
    expect(read.attendance).toEqual([
      expect.objectContaining({ id: leader.user.id, displayName: 'Host Leader' }),
      { id: person.user.id, displayName: null, photoUrl: null },
    ]);
    expect((await call('PUT', url, leader.cookie, attendance)).statusCode).toBe(200);
  });
});

describe('POST /api/admin/users/:id/erase', () => {
  it('who may: administrators only, never themselves', async () => {
    const admin = await signedInUser(t.app, { role: 'administrator' });
    const coordinator = await signedInUser(t.app, { role: 'coordinator' });
    const member = await signedInUser(t.app);
    const target = await createUser(t.database.db);
    const body = { mode: 'anonymise', reason: 'Formal request' };
    const url = `/api/admin/users/${target.id}/erase`;
    const cases: [string | undefined, number][] = [
      [undefined, 401],
      [member.cookie, 403],
      [coordinator.cookie, 403],
    ];
    for (const [cookie, status] of cases)
      expect((await call('POST', url, cookie, body)).statusCode).toBe(status);
    const self = await call('POST', `/api/admin/users/${admin.user.id}/erase`, admin.cookie, body);
    expect(self.statusCode).toBe(403);
    const noReason = await call('POST', url, admin.cookie, { mode: 'delete' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().fields).toHaveProperty('reason');
  });

  it('erases on a formal request and records the reason in the audit log, by id only', async () => {
    const admin = await signedInUser(t.app, { role: 'administrator' });
    const target = await createUser(t.database.db, { displayName: 'Requested Erasure' });
    const response = await call('POST', `/api/admin/users/${target.id}/erase`, admin.cookie, {
      mode: 'delete',
      reason: 'GDPR request of Requested Erasure, ticket 42',
    });
    expect(response.statusCode).toBe(200);
    const audit = await rows<{ action: string; data: { reason?: string; mode: string } }>(
      sql`select action, data from audit_log where subject_id = ${target.id} order by created_at, action`,
    );
    expect(audit.map((entry) => entry.action).sort()).toEqual([
      'account.erased',
      'account.erasure.requested',
    ]);
    const requested = audit.find((entry) => entry.action === 'account.erasure.requested');
    expect(requested?.data.reason).toContain('ticket 42');
    expect(JSON.stringify(audit)).not.toContain('Requested Erasure');
    expect(
      (
        await call('POST', `/api/admin/users/${target.id}/erase`, admin.cookie, {
          mode: 'delete',
          reason: 'Again',
        })
      ).statusCode,
    ).toBe(404);
    // Nothing of them is left to show or export.
    expect((await call('GET', `/api/people/${target.id}`, admin.cookie)).statusCode).toBe(404);
    expect(
      (await call('POST', `/api/admin/users/${target.id}/export`, admin.cookie, { reason: 'Request 43' }))
        .statusCode,
    ).toBe(404);
  });
});
