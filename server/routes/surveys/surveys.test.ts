import { count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  activityEvents,
  notifications,
  surveyAnswers,
  surveyInvitees,
  surveyQuestions,
  surveyReminders,
  surveyResponses,
  surveyRounds,
  surveys,
} from '../../db/schema/index.ts';
import { runSurveyJob } from '../../services/surveys/rounds.ts';
import { getTestApp, requester, type TestApp } from '../../test/app.ts';
import { createTestCommunity, createUser, signedInUser, signInAs } from '../../test/factories.ts';

let t: TestApp;
beforeAll(async () => {
  t = await getTestApp();
});
afterAll(async () => t.close());

const call = (...args: Parameters<ReturnType<typeof requester>>) => requester(t)(...args);
const db = () => t.app.deps.database.db;
const runJob = () => runSurveyJob(t.app.deps, 'http://localhost:3000');

/** A community with a signed-in leader and `n` signed-in members. */
async function setting(n = 3) {
  const leader = await signedInUser(t.app);
  const people = await Promise.all(Array.from({ length: n }, () => createUser(db())));
  const community = await createTestCommunity(db(), [leader.user.id], {
    members: people.map((p) => [p.id, 'member'] as [string, 'member']),
  });
  const members = await Promise.all(
    people.map(async (user) => ({ user, cookie: await signInAs(t.app, user.email) })),
  );
  return { leader, community, members };
}

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();
const scale = ['Very little', 'Little', 'Some', 'Much', 'Very much'];
const checkIn = {
  title: 'End-of-term check-in',
  intro: 'Three minutes to look back.',
  closesAt: inDays(7),
  questions: [
    { kind: 'likert', prompt: 'How much value did you get?', options: scale },
    { kind: 'single', prompt: 'Did you use something?', options: ['Yes', 'Not yet'] },
    { kind: 'multiple', prompt: 'How did you take part?', options: ['Meetings', 'Discussions', 'Toolkit'] },
    { kind: 'ranking', prompt: 'Order these formats', options: ['In person', 'Online', 'Written'] },
    { kind: 'short_text', prompt: 'Most useful thing?', required: false },
    { kind: 'long_text', prompt: 'What should change?', required: false },
    { kind: 'focus_next', prompt: 'What should we focus on next?', options: ['Assessment'], required: false },
  ],
};

async function create(slug: string, cookie: string, body: object = {}) {
  const response = await call('POST', `/api/communities/${slug}/surveys`, cookie, { ...checkIn, ...body });
  expect(response.statusCode, response.body).toBe(201);
  return response.json().data.id as string;
}

/** The question ids of a survey, in order. */
async function questionIds(id: string, cookie: string): Promise<string[]> {
  const survey = (await call('GET', `/api/surveys/${id}`, cookie)).json().data;
  return survey.questions.map((q: { id: string }) => q.id);
}

function fullAnswer(q: string[], likert: number, extra: Record<number, object> = {}) {
  const answers: Record<string, object> = {
    [q[0] ?? '']: { choice: likert },
    [q[1] ?? '']: { choice: 0 },
    [q[2] ?? '']: { choices: [0, 2] },
    [q[3] ?? '']: { choices: [1, 0, 2] },
  };
  for (const [index, value] of Object.entries(extra)) answers[q[Number(index)] ?? ''] = value;
  return { answers };
}

async function rowCounts() {
  const tables = [surveys, surveyQuestions, surveyRounds, surveyInvitees, surveyResponses, surveyAnswers];
  return Promise.all(tables.map(async (table) => (await db().select({ n: count() }).from(table))[0]?.n ?? 0));
}

describe('a named check-in', () => {
  it('is sent to the members, answered, changed, summarised with search, closed and exported', async () => {
    const { leader, community, members } = await setting(3);
    const [a, b, c] = members;
    if (!a || !b || !c) throw new Error('no members');
    const id = await create(community.slug, leader.cookie);

    // Every member was asked and told in the app; the leader who sent it was asked but not told.
    const told = await db().select().from(notifications).where(eq(notifications.kind, 'community.checkin'));
    expect(told.map((n) => n.userId).sort()).toEqual([a.user.id, b.user.id, c.user.id].sort());
    const asLeader = (await call('GET', `/api/surveys/${id}`, leader.cookie)).json().data;
    expect(asLeader).toMatchObject({ round: { number: 1, open: true, inviteeCount: 4, responseCount: 0 } });
    expect(asLeader.abilities).toMatchObject({ manage: true, seeResults: true });
    const q = await questionIds(id, a.cookie);

    // On the member's home and in the community's list.
    const home = (await call('GET', '/api/surveys', a.cookie)).json().data;
    expect(home).toEqual([expect.objectContaining({ id, answered: false, community: expect.any(Object) })]);
    const listed = (await call('GET', `/api/communities/${community.slug}/surveys`, a.cookie)).json().data;
    expect(listed[0]).toMatchObject({ id, invited: true, answered: false, round: { responseCount: null } });

    // Answers, a change, and a proposal another member then chooses.
    const send = (cookie: string, body: object) => call('PUT', `/api/surveys/${id}/response`, cookie, body);
    expect((await send(a.cookie, fullAnswer(q, 2, { 4: { text: 'The rubric workshop' } }))).statusCode).toBe(
      200,
    );
    expect(
      (
        await send(
          a.cookie,
          fullAnswer(q, 4, { 4: { text: 'The rubric workshop' }, 6: { proposal: 'Peer review' } }),
        )
      ).statusCode,
    ).toBe(200);
    const seen = (await call('GET', `/api/surveys/${id}`, b.cookie)).json().data;
    expect(seen.questions[6].options).toEqual(['Assessment', 'Peer review']);
    expect(
      (await send(b.cookie, fullAnswer(q, 5, { 6: { choices: [1] }, 5: { text: 'More rubric examples' } })))
        .statusCode,
    ).toBe(200);
    const mine = (await call('GET', `/api/surveys/${id}`, a.cookie)).json().data;
    expect(mine).toMatchObject({ answered: true, abilities: { changeAnswer: true, answer: false } });
    expect(mine.yourAnswers[q[0] ?? '']).toEqual({ choice: 4, choices: null, text: null });
    expect(mine.yourAnswers[q[6] ?? '']).toEqual({ choice: null, choices: [1], text: null });

    // Results: counts, the Likert mean, the ranking's average positions, the texts (searchable).
    const results = (await call('GET', `/api/surveys/${id}/results`, a.cookie)).json().data;
    expect(results).toMatchObject({ round: 1, shown: true });
    expect(results.rounds[0]).toMatchObject({ number: 1, inviteeCount: 4, responseCount: 2, shown: true });
    const [likert, single, multiple, ranking, short, long, focus] = results.questions;
    expect(likert.result).toMatchObject({ answers: 2, counts: [0, 0, 0, 1, 1], mean: 4.5 });
    expect(single.result.counts).toEqual([2, 0]);
    expect(multiple.result.counts).toEqual([2, 0, 2]);
    expect(ranking.result.averagePositions).toEqual([2, 1, 3]);
    expect(short.texts).toEqual(['The rubric workshop']);
    expect(long.texts).toEqual(['More rubric examples']);
    expect(focus).toMatchObject({ options: ['Assessment', 'Peer review'], result: { counts: [0, 2] } });
    const found = (await call('GET', `/api/surveys/${id}/results?q=WORKSHOP`, leader.cookie)).json().data;
    expect(found.questions[4]).toMatchObject({ texts: ['The rubric workshop'], textCount: 1 });
    expect(found.questions[5]).toMatchObject({ texts: [], textCount: 0 });
    // A member who has not answered yet sees no results while it is open.
    expect((await call('GET', `/api/surveys/${id}/results`, c.cookie)).json().data.shown).toBe(false);

    // The CSV: counts per option and the texts, no names.
    const csv = await call('GET', `/api/surveys/${id}/csv`, leader.cookie);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body).toContain('Peer review');
    expect(csv.body).not.toContain(a.user.displayName);

    // The event log has each answer with its person.
    const events = await db().select().from(activityEvents).where(eq(activityEvents.subjectId, id));
    expect(events.filter((e) => e.actorId === a.user.id && e.kind === 'survey.answered')).toHaveLength(2);

    // Closed: no more answers, gone from the home, closing twice is a 409.
    expect((await call('POST', `/api/surveys/${id}/close`, leader.cookie)).statusCode).toBe(200);
    expect((await call('POST', `/api/surveys/${id}/close`, leader.cookie)).statusCode).toBe(409);
    const late = await send(c.cookie, fullAnswer(q, 3));
    expect(late.statusCode).toBe(409);
    expect((await call('GET', '/api/surveys', c.cookie)).json().data).toEqual([]);
    // Closed, the results show to every member who was asked.
    expect((await call('GET', `/api/surveys/${id}/results`, c.cookie)).json().data.shown).toBe(true);
  });
});

describe('a recurring check-in', () => {
  it('opens a new round each period that reuses the questions, and each question shows its trend', async () => {
    const { leader, community, members } = await setting(2);
    const [a, b] = members;
    if (!a || !b) throw new Error('no members');
    const id = await create(community.slug, leader.cookie, {
      recurrence: 'weeks',
      everyWeeks: 2,
      closesAt: inDays(5),
    });
    const q = await questionIds(id, a.cookie);
    expect((await call('GET', `/api/surveys/${id}`, a.cookie)).json().data.nextRoundOpensAt).not.toBeNull();
    await call('PUT', `/api/surveys/${id}/response`, a.cookie, fullAnswer(q, 2));
    await call('PUT', `/api/surveys/${id}/response`, b.cookie, fullAnswer(q, 3));

    // Two weeks and a day later: the job writes and announces round 2, once however often it runs.
    await db().execute(sql`update surveys set opens_at = opens_at - interval '15 days',
      closes_at = closes_at - interval '15 days' where id = ${id}`);
    await db().execute(sql`update survey_rounds set opens_at = opens_at - interval '15 days',
      closes_at = closes_at - interval '15 days' where survey_id = ${id}`);
    const first = await runJob();
    expect(first).toMatchObject({ rounds: 1, announced: 1 });
    expect(await runJob()).toMatchObject({ rounds: 0, announced: 0 });
    const survey = (await call('GET', `/api/surveys/${id}`, a.cookie)).json().data;
    expect(survey).toMatchObject({ round: { number: 2, open: true }, answered: false, yourAnswers: null });
    await call('PUT', `/api/surveys/${id}/response`, a.cookie, fullAnswer(q, 5));
    await call('PUT', `/api/surveys/${id}/response`, b.cookie, fullAnswer(q, 4));

    const results = (await call('GET', `/api/surveys/${id}/results`, leader.cookie)).json().data;
    expect(results.round).toBe(2);
    expect(results.rounds.map((r: { number: number }) => r.number)).toEqual([1, 2]);
    expect(results.questions[0].trend.map((r: { round: number; mean: number }) => [r.round, r.mean])).toEqual(
      [
        [1, 2.5],
        [2, 4.5],
      ],
    );
    const earlier = (await call('GET', `/api/surveys/${id}/results?round=1`, leader.cookie)).json().data;
    expect(earlier.questions[0].result.mean).toBe(2.5);
    // The leader opens round 3 early: round 2 closes, round 3 asks everyone again.
    const early = await call('POST', `/api/surveys/${id}/rounds`, leader.cookie);
    expect(early.statusCode, early.body).toBe(201);
    expect(early.json().data.number).toBe(3);
    expect((await call('GET', `/api/surveys/${id}`, a.cookie)).json().data).toMatchObject({
      round: { number: 3, open: true },
      answered: false,
    });
    expect(await runJob()).toMatchObject({ rounds: 0, announced: 0 });
    expect((await call('POST', `/api/surveys/${id}/rounds`, a.cookie)).statusCode).toBe(403);
    expect((await call('POST', `/api/surveys/${id}/close`, leader.cookie)).statusCode).toBe(200);
    expect((await call('POST', `/api/surveys/${id}/rounds`, leader.cookie)).statusCode).toBe(409);
    const missing = await call('GET', `/api/surveys/${id}/results?round=9`, leader.cookie);
    expect(missing.statusCode).toBe(400);
    expect(missing.json().fields).toHaveProperty('round');
  });
});

describe('reminders', () => {
  it('go once to those asked who have not answered, in the last days of a round, never to those who have', async () => {
    const { leader, community, members } = await setting(3);
    const [a, b, c] = members;
    if (!a || !b || !c) throw new Error('no members');
    const id = await create(community.slug, leader.cookie, { closesAt: inDays(6) });
    const q = await questionIds(id, a.cookie);
    await call('PUT', `/api/surveys/${id}/response`, a.cookie, fullAnswer(q, 4));
    expect((await runJob()).reminded).toBe(0);
    // A day before it closes: due.
    await db().execute(sql`update survey_rounds set opens_at = now() - interval '5 days',
      closes_at = now() + interval '1 day' where survey_id = ${id}`);
    const [first, second] = [await runJob(), await runJob()];
    expect(first.reminded).toBeGreaterThanOrEqual(3);
    expect(second.reminded).toBe(0);
    const sent = await db()
      .select({ userId: surveyReminders.userId })
      .from(surveyReminders)
      .innerJoin(surveyRounds, eq(surveyRounds.id, surveyReminders.roundId))
      .where(eq(surveyRounds.surveyId, id));
    expect(sent.map((s) => s.userId).sort()).toEqual([leader.user.id, b.user.id, c.user.id].sort());
    const reminders = await db()
      .select()
      .from(notifications)
      .where(
        sql`${notifications.url} = ${`/checkins/${id}`} and ${notifications.titleKey} = 'notify.checkin.reminder.title'`,
      );
    expect(reminders.map((n) => n.userId)).not.toContain(a.user.id);
    expect(reminders).toHaveLength(3);
  });
});

describe('bad input', () => {
  it('answers each bad check-in with a 400 naming the field, and writes nothing', async () => {
    const { leader, community } = await setting(1);
    const likert = checkIn.questions[0] as object;
    const cases: [object, string][] = [
      [{ questions: [] }, 'questions'],
      [{ questions: [{ ...likert, options: ['1', '2', '3', '4'] }] }, 'questions.0.options'],
      [{ questions: [{ kind: 'single', prompt: 'Pick', options: ['Only'] }] }, 'questions.0.options'],
      [{ questions: [{ kind: 'ranking', prompt: 'Order', options: ['A', 'a'] }] }, 'questions.0.options'],
      [{ questions: [{ kind: 'long_text', prompt: 'Why?', options: ['A'] }] }, 'questions.0.options'],
      [{ questions: [{ kind: 'matrix', prompt: 'Why?' }] }, 'questions.0.kind'],
      [{ questions: [{ ...likert, prompt: '' }] }, 'questions.0.prompt'],
      [{ title: '' }, 'title'],
      [{ recurrence: 'weeks' }, 'everyWeeks'],
      [{ recurrence: 'none', everyWeeks: 3 }, 'everyWeeks'],
      [{ closesAt: inDays(-1) }, 'closesAt'],
      [{ closesAt: 'tomorrow' }, 'closesAt'],
      [{ opensAt: inDays(-3) }, 'opensAt'],
      [{ closesAt: inDays(90) }, 'closesAt'],
      [{ recurrence: 'weeks', everyWeeks: 1, closesAt: inDays(10) }, 'closesAt'],
    ];
    const before = await rowCounts();
    for (const [change, field] of cases) {
      const response = await call('POST', `/api/communities/${community.slug}/surveys`, leader.cookie, {
        ...checkIn,
        ...change,
      });
      expect(response.statusCode, JSON.stringify(change)).toBe(400);
      expect(Object.keys(response.json().fields ?? {}), JSON.stringify(change)).toContain(field);
    }
    expect(await rowCounts()).toEqual(before);
  });

  it('refuses answers that do not fit their question, naming it, and writes nothing', async () => {
    const { leader, community, members } = await setting(1);
    const [a] = members;
    if (!a) throw new Error('no member');
    const id = await create(community.slug, leader.cookie);
    const q = await questionIds(id, a.cookie);
    const field = (i: number) => `answers.${q[i]}`;
    const cases: [object, string][] = [
      [fullAnswer(q, 6), field(0)],
      [fullAnswer(q, 0), field(0)],
      [fullAnswer(q, 3, { 0: { text: 'five' } }), field(0)],
      [fullAnswer(q, 3, { 1: { choice: 2 } }), field(1)],
      [fullAnswer(q, 3, { 2: { choices: [] } }), field(2)],
      [fullAnswer(q, 3, { 2: { choices: [0, 0] } }), field(2)],
      [fullAnswer(q, 3, { 3: { choices: [0, 0, 1] } }), field(3)],
      [fullAnswer(q, 3, { 3: { choices: [0, 1] } }), field(3)],
      [fullAnswer(q, 3, { 4: { text: 'x'.repeat(201) } }), field(4)],
      [fullAnswer(q, 3, { 6: { choices: [0], text: 'A' } }), field(6)],
      [fullAnswer(q, 3, { 6: { choices: [5] } }), field(6)],
      [{ answers: { [q[1] ?? '']: { choice: 0 } } }, field(0)],
      [
        { answers: { ...fullAnswer(q, 3).answers, '00000000-0000-4000-8000-000000000000': { choice: 1 } } },
        'answers.00000000-0000-4000-8000-000000000000',
      ],
      [{ answers: { 'not-an-id': { choice: 1 } } }, 'answers.not-an-id'],
    ];
    for (const [body, name] of cases) {
      const response = await call('PUT', `/api/surveys/${id}/response`, a.cookie, body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      expect(Object.keys(response.json().fields ?? {}).join(' '), JSON.stringify(body)).toContain(name);
    }
    const [stored] = await db()
      .select({ n: count() })
      .from(surveyResponses)
      .innerJoin(surveyRounds, eq(surveyRounds.id, surveyResponses.roundId))
      .where(eq(surveyRounds.surveyId, id));
    expect(stored?.n).toBe(0);
    const [answered] = await db()
      .select({ n: count() })
      .from(surveyInvitees)
      .where(sql`${surveyInvitees.answeredAt} is not null and ${surveyInvitees.userId} = ${a.user.id}`);
    expect(answered?.n).toBe(0);
  });
});

describe('templates', () => {
  it('gives the start-of-term and end-of-term check-ins in the reader’s language, ready to send', async () => {
    const { leader, community } = await setting(1);
    const english = (await call('GET', '/api/survey-templates', leader.cookie)).json().data;
    expect(english.map((t: { key: string }) => t.key)).toEqual(['start_of_term', 'end_of_term']);
    const dutch = await t.app.inject({
      method: 'GET',
      url: '/api/survey-templates',
      headers: { cookie: leader.cookie, 'accept-language': 'nl' },
    });
    expect(dutch.json().data[0].title).not.toBe(english[0].title);
    for (const template of english) {
      await create(community.slug, leader.cookie, {
        title: template.title,
        intro: template.intro,
        recurrence: template.recurrence,
        questions: template.questions,
      });
    }
    expect((await call('GET', '/api/survey-templates')).statusCode).toBe(401);
  });
});

describe('action items', () => {
  it('are recorded by leaders with an owner who is a member, shown open, then done with what was done', async () => {
    const { leader, community, members } = await setting(1);
    const [a] = members;
    if (!a) throw new Error('no member');
    const id = await create(community.slug, leader.cookie);
    const outsider = await createUser(db());
    const url = `/api/communities/${community.slug}/action-items`;
    const item = { title: 'Run a rubric workshop', ownerId: a.user.id, dueOn: '2027-01-15', surveyId: id };
    const bad = await call('POST', url, leader.cookie, { ...item, ownerId: outsider.id });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields).toHaveProperty('ownerId');
    const badDate = await call('POST', url, leader.cookie, { ...item, dueOn: '15/01/2027' });
    expect(badDate.json().fields).toHaveProperty('dueOn');
    expect((await call('POST', url, a.cookie, item)).statusCode).toBe(403);

    const created = await call('POST', url, leader.cookie, item);
    expect(created.statusCode).toBe(201);
    const itemId = created.json().data.id;
    const open = (await call('GET', `${url}?status=open`, a.cookie)).json().data;
    expect(open).toMatchObject({
      canManage: false,
      items: [{ title: item.title, status: 'open', dueOn: '2027-01-15' }],
    });
    expect(open.items[0].owner).toEqual({ id: a.user.id, displayName: a.user.displayName });
    expect(open.items[0].survey).toEqual({ id, title: checkIn.title });

    const done = await call('PATCH', `/api/action-items/${itemId}`, leader.cookie, {
      status: 'done',
      note: 'Held on 10 January; 14 came.',
    });
    expect(done.statusCode).toBe(200);
    expect((await call('GET', `${url}?status=open`, a.cookie)).json().data.items).toEqual([]);
    const said = (await call('GET', `${url}?status=done`, a.cookie)).json().data.items;
    expect(said[0]).toMatchObject({ status: 'done', note: 'Held on 10 January; 14 came.' });
    expect(said[0].doneAt).not.toBeNull();
    expect(
      (await call('PATCH', `/api/action-items/${itemId}`, a.cookie, { status: 'open' })).statusCode,
    ).toBe(403);
    expect((await call('DELETE', `/api/action-items/${itemId}`, leader.cookie)).statusCode).toBe(200);
    expect((await call('DELETE', `/api/action-items/${itemId}`, leader.cookie)).statusCode).toBe(404);
  });
});
