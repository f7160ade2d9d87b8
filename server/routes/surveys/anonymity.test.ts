import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  activityEvents,
  mailMessages,
  surveyInvitees,
  surveyProposals,
  surveyResponses,
  surveyRounds,
} from '../../db/schema/index.ts';
import { getTestApp, requester, type TestApp } from '../../test/app.ts';
import { createTestCommunity, createUser, signedInUser, signInAs } from '../../test/factories.ts';

/**
 * Anonymous check-ins (#16 §2): who has answered and what was answered are kept apart, with no shared id
 * and only the day; results show from five responses on, in steps of five; an answer cannot be changed;
 * no endpoint, export, notification, email or event names who answered what.
 */
let t: TestApp;
const lines: string[] = [];
beforeAll(async () => {
  t = await getTestApp({ logger: { level: 'info', stream: { write: (line) => lines.push(line) } } });
});
afterAll(async () => t.close());

const call = (...args: Parameters<ReturnType<typeof requester>>) => requester(t)(...args);
const db = () => t.app.deps.database.db;

const survey = {
  title: 'How are we doing?',
  anonymous: true,
  closesAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
  questions: [
    { kind: 'likert', prompt: 'Value?', options: ['1', '2', '3', '4', '5'] },
    { kind: 'short_text', prompt: 'One word?', required: false },
    { kind: 'focus_next', prompt: 'Focus next?', options: ['Assessment'], required: false },
  ],
};

describe('an anonymous check-in', () => {
  it('keeps who answered apart from what was answered, everywhere', async () => {
    const leader = await signedInUser(t.app);
    const people = await Promise.all(Array.from({ length: 7 }, () => createUser(db())));
    const community = await createTestCommunity(db(), [leader.user.id], {
      members: people.map((p) => [p.id, 'member'] as [string, 'member']),
    });
    const members = await Promise.all(
      people.map(async (user) => ({ user, cookie: await signInAs(t.app, user.email) })),
    );
    const created = await call('POST', `/api/communities/${community.slug}/surveys`, leader.cookie, survey);
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().data.id as string;
    const q = (await call('GET', `/api/surveys/${id}`, leader.cookie))
      .json()
      .data.questions.map((question: { id: string }) => question.id);
    const answer = (likert: number, extra: object = {}) => ({
      answers: { [q[0]]: { choice: likert }, ...extra },
    });
    const [first, second, ...rest] = members;
    if (!first || !second) throw new Error('no members');
    const start = lines.length;

    // The first proposes a focus; nobody else sees it before the results are published.
    const put = (cookie: string, body: object) => call('PUT', `/api/surveys/${id}/response`, cookie, body);
    expect(
      (
        await put(
          first.cookie,
          answer(5, { [q[1]]: { text: 'Rubrics' }, [q[2]]: { proposal: 'Peer review' } }),
        )
      ).statusCode,
    ).toBe(200);
    // An anonymous answer is final.
    const again = await put(first.cookie, answer(1));
    expect(again.statusCode).toBe(409);
    expect((await call('GET', `/api/surveys/${id}`, second.cookie)).json().data.questions[2].options).toEqual(
      ['Assessment'],
    );
    expect((await put(second.cookie, answer(4))).statusCode).toBe(200);

    // Under five responses: nothing shows, to the leaders either; the response rate does.
    const early = (await call('GET', `/api/surveys/${id}/results`, leader.cookie)).json().data;
    expect(early).toMatchObject({
      shown: false,
      rounds: [{ responseCount: 2, shown: false, countedResponses: 0 }],
    });
    expect(early.questions[0].result.counts).toEqual([]);
    for (const [i, m] of rest.entries())
      expect((await put(m.cookie, answer((i % 5) + 1))).statusCode).toBe(200);

    // Seven responses: the results published at the fifth, not the sixth or seventh; the proposal with them.
    const results = (await call('GET', `/api/surveys/${id}/results`, leader.cookie)).json().data;
    expect(results).toMatchObject({ shown: true, rounds: [{ responseCount: 7, countedResponses: 5 }] });
    expect(results.questions[0].result.answers).toBe(5);
    expect(results.questions[1].texts).toEqual(['Rubrics']);
    expect(results.questions[2].options).toEqual(['Assessment', 'Peer review']);
    expect(
      (await call('GET', `/api/surveys/${id}/results?q=rub`, leader.cookie)).json().data.questions[1].texts,
    ).toEqual(['Rubrics']);
    expect(
      (await call('GET', `/api/surveys/${id}`, second.cookie)).json().data.questions[2].options,
    ).toHaveLength(2);

    // No endpoint, export or notification shows a person next to an answer.
    const personal = [leader, ...members].flatMap((p) => [p.user.id, p.user.displayName, p.user.email]);
    const answerers = members.flatMap((p) => [p.user.id, p.user.displayName, p.user.email]);
    const bodies = [
      (await call('GET', `/api/surveys/${id}`, leader.cookie)).body,
      (await call('GET', `/api/surveys/${id}`, first.cookie)).body,
      (await call('GET', `/api/surveys/${id}/results`, leader.cookie)).body,
      (await call('GET', `/api/surveys/${id}/results`, first.cookie)).body,
      (await call('GET', `/api/surveys/${id}/csv`, leader.cookie)).body,
      (await call('GET', `/api/communities/${community.slug}/surveys`, leader.cookie)).body,
      (await call('GET', `/api/communities/${community.slug}/surveys`, first.cookie)).body,
      (await call('GET', '/api/surveys', first.cookie)).body,
      (await call('GET', '/api/notifications', leader.cookie)).body,
      (await call('GET', '/api/notifications', first.cookie)).body,
    ];
    for (const body of bodies) for (const value of personal) expect(body).not.toContain(value);
    expect((await call('GET', `/api/surveys/${id}`, first.cookie)).json().data).toMatchObject({
      answered: true,
      yourAnswers: null,
      abilities: { answer: false, changeAnswer: false },
    });
    // The leaders were told nothing when people answered; nor were they emailed about it.
    const mail = await db().select().from(mailMessages).where(eq(mailMessages.toAddress, leader.user.email));
    for (const message of mail) for (const value of answerers) expect(message.textBody).not.toContain(value);

    // The administrator's audit log has nothing of it either: it records that they signed in (when,
    // from where), never what they answered or that they did.
    const admin = await signedInUser(t.app, { role: 'administrator' });
    const audit = await call('GET', '/api/admin/audit', admin.cookie);
    expect(audit.statusCode).toBe(200);
    const entries = (audit.json().data as { action: string }[]).filter(
      (entry) => entry.action !== 'auth.signin',
    );
    for (const value of personal) expect(JSON.stringify(entries)).not.toContain(value);

    // The request log: no client address, no person.
    const logged = lines.slice(start).filter((line) => line.includes('/api/surveys/'));
    expect(logged.length).toBeGreaterThan(0);
    for (const line of logged) {
      expect(line).not.toContain('remoteAddress');
      for (const value of answerers) expect(line).not.toContain(value);
    }

    // In the database: responses have no person and no time but the day; who answered has only the
    // day, and no id that leads to a response.
    const [round] = await db().select().from(surveyRounds).where(eq(surveyRounds.surveyId, id));
    const stored = await db()
      .select()
      .from(surveyResponses)
      .where(eq(surveyResponses.roundId, round?.id ?? ''));
    expect(stored).toHaveLength(7);
    for (const row of stored) {
      expect(row.userId).toBeNull();
      expect(row.answeredAt).toBeNull();
    }
    const invitees = await db()
      .select()
      .from(surveyInvitees)
      .where(eq(surveyInvitees.roundId, round?.id ?? ''));
    for (const row of invitees.filter((r) => r.answeredAt)) {
      expect(row.answeredAt?.getUTCHours()).toBe(0);
      expect(row.answeredAt?.getUTCMinutes()).toBe(0);
    }
    expect(Object.keys(surveyInvitees)).not.toContain('responseId');
    const proposals = await db()
      .select()
      .from(surveyProposals)
      .where(eq(surveyProposals.roundId, round?.id ?? ''));
    expect(Object.keys(proposals[0] ?? {})).not.toContain('userId');
    // The event log has the answers without the person, on the day only.
    const events = await db().select().from(activityEvents).where(eq(activityEvents.subjectId, id));
    expect(events).toHaveLength(7);
    for (const event of events) {
      expect(event.actorId).toBeNull();
      expect(event.occurredAt.getUTCHours() + event.occurredAt.getUTCMinutes()).toBe(0);
    }
  });

  it('publishes exactly at the fifth response when five answer at once', async () => {
    const leader = await signedInUser(t.app);
    const people = await Promise.all(Array.from({ length: 5 }, () => createUser(db())));
    const community = await createTestCommunity(db(), [leader.user.id], {
      members: people.map((p) => [p.id, 'member'] as [string, 'member']),
    });
    const cookies = await Promise.all(people.map((p) => signInAs(t.app, p.email)));
    const id = (
      await call('POST', `/api/communities/${community.slug}/surveys`, leader.cookie, survey)
    ).json().data.id;
    const [q] = (await call('GET', `/api/surveys/${id}`, leader.cookie)).json().data.questions;
    const answers = await Promise.all(
      cookies.map((cookie, i) =>
        call('PUT', `/api/surveys/${id}/response`, cookie, { answers: { [q.id]: { choice: (i % 2) + 1 } } }),
      ),
    );
    expect(answers.map((a) => a.statusCode)).toEqual([200, 200, 200, 200, 200]);
    const results = (await call('GET', `/api/surveys/${id}/results`, leader.cookie)).json().data;
    expect(results).toMatchObject({ shown: true, rounds: [{ responseCount: 5, countedResponses: 5 }] });
    expect(results.questions[0].result.counts).toEqual([3, 2, 0, 0, 0]);
    const stored = await db()
      .select({ id: surveyResponses.id })
      .from(surveyResponses)
      .innerJoin(surveyRounds, eq(surveyRounds.id, surveyResponses.roundId))
      .where(eq(surveyRounds.surveyId, id));
    expect(stored).toHaveLength(5);
  });
});
