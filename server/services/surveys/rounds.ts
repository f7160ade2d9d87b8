import type { Db } from '../../db/client.ts';
import { moment } from '../../lib/notification-params.ts';
import {
  claimDueSurveyReminders,
  insertDueSurveyRounds,
  listRoundsToAnnounce,
} from '../../queries/survey-jobs.ts';
import {
  claimRoundAnnouncement,
  findSurvey,
  findSurveyCommunity,
  findSurveyRound,
  insertSurveyInvitees,
  type SurveyRoundRow,
} from '../../queries/surveys.ts';
import type { ServiceDeps } from '../context.ts';
import { notifyEach, notifyUser, phrase } from '../notifications/notify.ts';
import type { Outbox } from '../unit-of-work.ts';
import { unitOfWork } from '../unit-of-work.ts';

/**
 * Opens a round to its community: fixes who it asks (the members whose accounts are active, now) and
 * tells them in the app and by email ("a check-in for you"), once: the announcement is claimed on the
 * round row, so the creation and the job never both send it. Answers how many were asked, or null when
 * it had been announced already.
 */
export async function announceRound(
  db: Db,
  outbox: Outbox,
  publicUrl: string,
  round: Pick<SurveyRoundRow, 'id' | 'surveyId' | 'closesAt'>,
  options: { except?: string } = {},
): Promise<number | null> {
  if (!(await claimRoundAnnouncement(db, round.id))) return null;
  const survey = await findSurvey(db, round.surveyId);
  if (!survey) return null;
  const invitees = await insertSurveyInvitees(db, round.id, survey.communityId);
  const community = (await findSurveyCommunity(db, survey.communityId))?.name ?? '';
  await notifyEach(
    db,
    outbox,
    publicUrl,
    invitees,
    {
      kind: 'community.checkin',
      communityId: survey.communityId,
      title: phrase('notify.checkin.open.title', { community }),
      body: phrase('notify.checkin.open.body', {
        title: survey.title,
        closes: moment(round.closesAt, 'UTC'),
      }),
      url: `/checkins/${survey.id}`,
    },
    options,
  );
  return invitees.length;
}

/**
 * The check-in job (every 5 minutes, `surveys.rounds`): writes the rounds of recurring check-ins that
 * are due, announces the rounds that have opened, and reminds those asked who have not answered in the
 * last two days of a round (never those who have). Every step claims what it does with a unique key or a
 * conditional update, so running it twice, or on several workers at once, sends nothing twice.
 */
export async function runSurveyJob(
  deps: Pick<ServiceDeps, 'database' | 'jobs'>,
  publicUrl: string,
): Promise<{ rounds: number; announced: number; reminded: number }> {
  return unitOfWork(deps, async (tx, outbox) => {
    let rounds = 0;
    // A check-in left while the job did not run for several periods catches up one round per pass.
    for (let pass = 0; pass < 10; pass++) {
      const written = await insertDueSurveyRounds(tx);
      rounds += written;
      if (written === 0) break;
    }
    let announced = 0;
    for (const due of await listRoundsToAnnounce(tx, 100)) {
      const round = await findSurveyRound(tx, due.roundId);
      if (round && (await announceRound(tx, outbox, publicUrl, round)) !== null) announced++;
    }
    const reminders = await claimDueSurveyReminders(tx);
    for (const reminder of reminders) {
      await notifyUser(tx, outbox, publicUrl, {
        userId: reminder.user_id,
        kind: 'community.checkin',
        communityId: reminder.community_id,
        title: phrase('notify.checkin.reminder.title', { community: reminder.community_name }),
        body: phrase('notify.checkin.reminder.body', {
          title: reminder.title,
          closes: moment(new Date(reminder.closes_at), 'UTC'),
        }),
        url: `/checkins/${reminder.survey_id}`,
      });
    }
    return { rounds, announced, reminded: reminders.length };
  });
}
