import { beforeAll, describe, expect, it } from 'vitest';
import {
  actionItems,
  surveyInvitees,
  surveyQuestions,
  surveyRounds,
  surveys,
} from '../../db/schema/index.ts';
import {
  type ActorName,
  type Context,
  canSee,
  contexts,
  createMatrixCommunity,
  type Endpoint,
  isMember,
  isStaff,
  leads,
  matrixMismatches,
  openMatrixWorld,
  signedIn,
  write,
} from '../../test/permission-matrix.ts';

/**
 * The permission matrix of the check-in and action-item endpoints (issue #16 §2): every endpoint × 14
 * kinds of actor × public / institution / private × active / archived. The rules, from the issue, as
 * for Pings: leaders, co-leaders and coordinators create check-ins, close them, export results and
 * record action items; a check-in is seen by those it asked (here the member and the member suspended
 * from the community) and by those who lead, and is gone (404) for everyone else; those asked who are
 * active members answer; archived is read-only (the export still reads); a member suspended from the
 * community sees the check-in sent to them but cannot answer. Action items are read by members (also
 * suspended ones) and the coordinators.
 */

interface Fixture {
  slug: string;
  survey: string;
  question: string;
  item: string;
}

const world = openMatrixWorld();

const askedActors: ReadonlySet<ActorName> = new Set(['member', 'communitySuspended']);
const seesSurvey = (actor: ActorName, context: Context) =>
  canSee(actor, context) && (askedActors.has(actor) || leads(actor));
/** 401 signed out, 404 for whoever may not see the check-in, else `then`. */
const onSurvey = (actor: ActorName, context: Context, then: number) =>
  !signedIn(actor) ? 401 : !seesSurvey(actor, context) ? 404 : then;
const readsItems = (actor: ActorName) => isMember(actor) || isStaff(actor);
/** Changing an action item: 404 unless one reads them; then as any write. */
const onItem = (actor: ActorName, context: Context) =>
  !signedIn(actor) || !canSee(actor, context) || !readsItems(actor)
    ? write(actor, context, false) === 401
      ? 401
      : 404
    : write(actor, context, leads(actor));

const closesAt = () => new Date(Date.now() + 7 * 86_400_000).toISOString();

const endpoints: Endpoint<Fixture>[] = [
  {
    name: 'templates',
    method: 'GET',
    request: () => ({ url: '/api/survey-templates' }),
    expected: (a) => (signedIn(a) ? 200 : 401),
  },
  {
    name: 'create a check-in',
    method: 'POST',
    mutates: true,
    request: (f) => ({
      url: `/api/communities/${f.slug}/surveys`,
      payload: {
        title: 'Check-in',
        closesAt: closesAt(),
        questions: [{ kind: 'likert', prompt: 'Value?', options: ['1', '2', '3', '4', '5'] }],
      },
    }),
    expected: (a, c) => write(a, c, leads(a), 201),
  },
  {
    name: 'list check-ins',
    method: 'GET',
    request: (f) => ({ url: `/api/communities/${f.slug}/surveys` }),
    expected: (a, c) => (!signedIn(a) ? 401 : canSee(a, c) ? 200 : 404),
  },
  {
    name: 'my open check-ins',
    method: 'GET',
    request: () => ({ url: '/api/surveys' }),
    expected: (a) => (signedIn(a) ? 200 : 401),
  },
  {
    name: 'a check-in',
    method: 'GET',
    request: (f) => ({ url: `/api/surveys/${f.survey}` }),
    expected: (a, c) => onSurvey(a, c, 200),
  },
  {
    name: 'answer',
    method: 'PUT',
    mutates: true,
    request: (f) => ({
      url: `/api/surveys/${f.survey}/response`,
      payload: { answers: { [f.question]: { choice: 4 } } },
    }),
    expected: (a, c) => onSurvey(a, c, a === 'member' && !c.archived ? 200 : 403),
  },
  {
    name: 'close',
    method: 'POST',
    mutates: true,
    request: (f) => ({ url: `/api/surveys/${f.survey}/close` }),
    expected: (a, c) => onSurvey(a, c, leads(a) && !c.archived ? 200 : 403),
  },
  {
    name: 'start the next round now',
    method: 'POST',
    mutates: true,
    request: (f) => ({ url: `/api/surveys/${f.survey}/rounds` }),
    expected: (a, c) => onSurvey(a, c, leads(a) && !c.archived ? 201 : 403),
  },
  {
    name: 'results',
    method: 'GET',
    request: (f) => ({ url: `/api/surveys/${f.survey}/results?q=word` }),
    expected: (a, c) => onSurvey(a, c, 200),
  },
  {
    name: 'CSV export',
    method: 'GET',
    request: (f) => ({ url: `/api/surveys/${f.survey}/csv` }),
    expected: (a, c) => onSurvey(a, c, leads(a) ? 200 : 403),
  },
  {
    name: 'action items',
    method: 'GET',
    request: (f) => ({ url: `/api/communities/${f.slug}/action-items?status=open` }),
    expected: (a, c) => (!signedIn(a) ? 401 : !canSee(a, c) ? 404 : readsItems(a) ? 200 : 403),
  },
  {
    name: 'record an action item',
    method: 'POST',
    mutates: true,
    request: (f) => ({
      url: `/api/communities/${f.slug}/action-items`,
      payload: { title: 'Run a workshop' },
    }),
    expected: (a, c) => write(a, c, leads(a), 201),
  },
  {
    name: 'change an action item',
    method: 'PATCH',
    mutates: true,
    request: (f) => ({
      url: `/api/action-items/${f.item}`,
      payload: { status: 'done', note: 'Done in March.' },
    }),
    expected: onItem,
  },
  {
    name: 'remove an action item',
    method: 'DELETE',
    mutates: true,
    request: (f) => ({ url: `/api/action-items/${f.item}` }),
    expected: onItem,
  },
];

async function buildFixture(context: Context): Promise<Fixture> {
  const { people } = world;
  const db = world.t.app.deps.database.db;
  const community = await createMatrixCommunity(world, context);
  const opensAt = new Date(Date.now() - 60_000);
  const window = { opensAt, closesAt: new Date(opensAt.getTime() + 7 * 86_400_000) };
  const [survey] = await db
    .insert(surveys)
    .values({ communityId: community.id, authorId: people.leader.id, title: 'How are we doing?', ...window })
    .returning({ id: surveys.id });
  const surveyId = survey?.id ?? '';
  const [question] = await db
    .insert(surveyQuestions)
    .values({ surveyId, position: 0, kind: 'likert', prompt: 'Value?', options: ['1', '2', '3', '4', '5'] })
    .returning({ id: surveyQuestions.id });
  const [round] = await db
    .insert(surveyRounds)
    .values({ surveyId, number: 1, ...window, announcedAt: opensAt, inviteeCount: 2 })
    .returning({ id: surveyRounds.id });
  const roundId = round?.id ?? '';
  await db.insert(surveyInvitees).values([
    { roundId, userId: people.member.id },
    { roundId, userId: people.communitySuspended.id },
  ]);
  const [item] = await db
    .insert(actionItems)
    .values({ communityId: community.id, title: 'More rubric examples', ownerId: people.member.id, surveyId })
    .returning({ id: actionItems.id });
  return { slug: community.slug, survey: surveyId, question: question?.id ?? '', item: item?.id ?? '' };
}

describe.each(contexts)('Check-ins in a $visibility community (archived: $archived)', (context) => {
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
