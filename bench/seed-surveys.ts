import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../server/db/client.ts';
import {
  communities,
  communityMembers,
  surveyQuestions,
  surveyRounds,
  surveys,
} from '../server/db/schema/index.ts';

const scale = ['Very little', 'Little', 'Some', 'Much', 'Very much'];

/**
 * A named end-of-term check-in in the community the bench member leads with `count` responses (one per
 * person, 5,000 by default) to its seven questions: Likert, single and multiple choice, ranking, short
 * text (everyone), long text (one in five) and what to focus on next. Set-based statements; answers
 * spread over the options by a hash of the response. Returns the results pages to measure: the page as
 * it opens, and with a search of the free text.
 */
export async function seedSurveyResults(db: Db, leaderId: string, count = 5000): Promise<string[]> {
  const [led] = await db
    .select({ id: communities.id })
    .from(communityMembers)
    .innerJoin(communities, eq(communities.id, communityMembers.communityId))
    .where(and(eq(communityMembers.userId, leaderId), eq(communityMembers.role, 'leader')))
    .limit(1);
  if (!led) throw new Error('the bench member leads no community');
  const opensAt = new Date(Date.now() - 3 * 86_400_000);
  const closesAt = new Date(Date.now() + 11 * 86_400_000);
  const [survey] = await db
    .insert(surveys)
    .values({
      communityId: led.id,
      authorId: leaderId,
      title: 'End-of-term check-in',
      recurrence: 'term',
      opensAt,
      closesAt,
    })
    .returning({ id: surveys.id });
  if (!survey) throw new Error('no survey');
  const kinds = [
    ['likert', 'How much value did you get this term?', scale],
    ['single', 'Did you use something from the community?', ['Yes, several times', 'Yes, once', 'Not yet']],
    ['multiple', 'How did you take part?', ['Meetings', 'Discussions', 'Toolkit', 'Mentoring']],
    ['ranking', 'Order these formats', ['In person', 'Online', 'Written', 'Workshops']],
    ['short_text', 'The most useful thing this term?', []],
    ['long_text', 'What should change?', []],
    ['focus_next', 'What should we focus on next?', ['Assessment', 'Feedback', 'Peer review']],
  ] as const;
  const questions = await db
    .insert(surveyQuestions)
    .values(
      kinds.map(([kind, prompt, options], position) => ({
        surveyId: survey.id,
        position,
        kind,
        prompt,
        options: [...options],
        required: kind !== 'long_text',
      })),
    )
    .returning({ id: surveyQuestions.id, kind: surveyQuestions.kind });
  const [round] = await db
    .insert(surveyRounds)
    .values({ surveyId: survey.id, number: 1, opensAt, closesAt, announcedAt: opensAt })
    .returning({ id: surveyRounds.id });
  if (!round) throw new Error('no round');
  const q = Object.fromEntries(questions.map((question) => [question.kind, question.id]));
  await db.execute(sql`
    insert into survey_invitees (round_id, user_id, answered_at)
    select ${round.id}::uuid, u.id, now() - interval '1 day' from (select id from users order by id limit ${count}) u`);
  await db.execute(sql`
    insert into survey_responses (round_id, user_id, answered_at)
    select round_id, user_id, answered_at from survey_invitees where round_id = ${round.id}`);
  await db.execute(sql`
    with r as (select id, abs(hashtext(id::text)) as h from survey_responses where round_id = ${round.id})
    insert into survey_answers (response_id, round_id, question_id, choice, choices, text)
    select id, ${round.id}::uuid, ${q.likert}::uuid, 1 + h % 5, null::int[], null::text from r
    union all select id, ${round.id}::uuid, ${q.single}::uuid, h % 3, null, null from r
    union all select id, ${round.id}::uuid, ${q.multiple}::uuid, null,
      case when h % 2 = 0 then array[h % 4] else array[h % 4, (h + 1) % 4] end, null from r
    union all select id, ${round.id}::uuid, ${q.ranking}::uuid, null,
      array[h % 4, (h + 1) % 4, (h + 2) % 4, (h + 3) % 4], null from r
    union all select id, ${round.id}::uuid, ${q.short_text}::uuid, null, null,
      'Idea ' || (h % 400) || ': the worked examples' from r
    union all select id, ${round.id}::uuid, ${q.long_text}::uuid, null, null,
      'The meetings could start later, and the rubric session ' || (h % 97) || ' was the best of the term.'
      from r where h % 5 = 0
    union all select id, ${round.id}::uuid, ${q.focus_next}::uuid, null, array[h % 3], null from r`);
  await db.execute(sql`update survey_rounds set invitee_count = ${count}, response_count = ${count}
    where id = ${round.id}`);
  await db.execute(sql`vacuum analyze surveys, survey_questions, survey_rounds, survey_invitees,
    survey_responses, survey_answers`);
  const base = `/api/surveys/${survey.id}/results`;
  return [base, `${base}?q=rubric`, `${base}?q=idea%2012`];
}
