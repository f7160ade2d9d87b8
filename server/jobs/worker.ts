import type PgBoss from 'pg-boss';
import type { Database } from '../db/client.ts';
import type { Env } from '../env.ts';
import type { SecretKeySource } from '../lib/secret-box.ts';
import type { Storage } from '../lib/storage.ts';
import { deleteExpiredIdempotencyKeys } from '../queries/idempotency-keys.ts';
import { deleteExpiredSsoRows } from '../queries/identities.ts';
import { recordFirstYears } from '../queries/milestones.ts';
import { deleteExpiredRateLimits } from '../queries/rate-limits.ts';
import { deleteExpiredSessions } from '../queries/sessions.ts';
import { deleteExpiredSigninThrottles } from '../queries/signin-throttles.ts';
import { deleteExpiredSigninChallenges } from '../queries/two-factor.ts';
import { runScheduledBackup } from '../services/backup/run-scheduled-backup.ts';
import { rollupDaysPerRun, runDashboardRollup } from '../services/dashboard/run-rollup.ts';
import { buildDataExport } from '../services/data-exports/build-export.ts';
import { cleanUpDataExports } from '../services/data-exports/download-export.ts';
import { sendDigests } from '../services/digests/send-digests.ts';
import {
  deliverEmail,
  listStaleQueuedEmails,
  type Mailer,
  markEmailFailed,
} from '../services/mail/outbox.ts';
import { sendDueReminders } from '../services/meetings/send-reminders.ts';
import { runSuccessionDaily } from '../services/succession/terms.ts';
import { runSurveyJob } from '../services/surveys/rounds.ts';
import { type JobPayloads, type Jobs, tracked } from './queue.ts';

/** Registers the handlers of every durable job and the periodic ones. */
export async function startWorkers(
  boss: PgBoss,
  database: Database,
  jobs: Jobs,
  mailer: Mailer,
  options: {
    pollingIntervalSeconds?: number;
    publicUrl?: string;
    /** The scheduled backup: where to, how many to keep, when (a cron expression, or off). */
    backups?: { storage: Storage; dir: string; keep: number; schedule: string; secrets: SecretKeySource };
    /** "Download your data" (#19): where the zips are stored, and the settings (the public address). */
    exports?: { storage: Storage; env: Env };
  } = {},
): Promise<void> {
  const { db } = database;
  const publicUrl = options.publicUrl ?? 'http://localhost:3000';
  const polling = { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2 };
  const sendOptions = { ...polling, includeMetadata: true as const };
  // Each handler is tracked, so shutdown closes the database only after the handlers have finished.
  await boss.work<JobPayloads['email.send']>(
    'email.send',
    sendOptions,
    tracked(boss, async ([job]) => {
      if (!job) return;
      try {
        await deliverEmail(db, mailer, job.data.messageId);
      } catch (error) {
        if (job.retryCount >= job.retryLimit) await markEmailFailed(db, job.data.messageId);
        throw error;
      }
    }),
  );
  await boss.work(
    'email.sweep',
    tracked(boss, async () => {
      await jobs.sendEmails(await listStaleQueuedEmails(db));
    }),
  );
  await boss.work(
    'sessions.cleanup',
    tracked(boss, async () => {
      await deleteExpiredSessions(db);
      await deleteExpiredRateLimits(db);
      await deleteExpiredSigninThrottles(db);
      await deleteExpiredSsoRows(db);
      await deleteExpiredSigninChallenges(db);
      await deleteExpiredIdempotencyKeys(db);
    }),
  );
  await boss.work(
    'meetings.reminders',
    tracked(boss, async () => {
      await sendDueReminders({ database, jobs }, publicUrl);
    }),
  );
  await boss.work(
    'milestones.daily',
    tracked(boss, async () => {
      await recordFirstYears(db, new Date());
    }),
  );
  await boss.work(
    'surveys.rounds',
    tracked(boss, async () => {
      await runSurveyJob({ database, jobs }, publicUrl);
    }),
  );
  await boss.work(
    'digests.send',
    tracked(boss, async () => {
      await sendDigests({ database, jobs }, publicUrl);
    }),
  );
  await boss.work(
    'succession.daily',
    tracked(boss, async () => {
      await runSuccessionDaily({ database, jobs }, publicUrl);
    }),
  );
  await boss.work(
    'dashboard.rollup',
    tracked(boss, async () => {
      // A full run leaves days to do (years of history back-filled at once): the next run goes now.
      if ((await runDashboardRollup(db)).length >= rollupDaysPerRun) await boss.send('dashboard.rollup', {});
    }),
  );
  await boss.schedule('email.sweep', '*/5 * * * *');
  // Every 5 minutes: check-in rounds open, are announced and remind those who have not answered.
  await boss.schedule('surveys.rounds', '*/5 * * * *');
  // Every minute: reminders go out within a minute of being due.
  await boss.schedule('meetings.reminders', '* * * * *');
  await boss.schedule('sessions.cleanup', '17 * * * *');
  // Each day: the communities whose first year ended get that milestone (the others are reached by actions).
  await boss.schedule('milestones.daily', '23 3 * * *');
  // Every hour on the hour: the members whose local time is 07:00 (or 07:30, 07:45) get their digests.
  await boss.schedule('digests.send', '0 * * * *');
  // Each night after midnight UTC: yesterday's figures of every community's dashboard (#17 §1).
  await boss.schedule('dashboard.rollup', '20 0 * * *');
  // And once at start: the days missed while Copse was stopped (a fresh install's back-fill, or data
  // moved or seeded in) are rolled up now, not the next night. A run with nothing to do is a few reads.
  await boss.send('dashboard.rollup', {}, { singletonKey: 'dashboard.rollup.start' });
  // Each hour: objection periods and votes whose time is up close; term warnings and ended terms (once each).
  await boss.schedule('succession.daily', '40 * * * *');
  const exports = options.exports;
  if (exports) {
    const deps = { database, jobs, storage: exports.storage, env: exports.env };
    await boss.work<JobPayloads['exports.build']>(
      'exports.build',
      polling,
      tracked(boss, async ([job]) => {
        if (job) await buildDataExport(deps, job.data.exportId);
      }),
    );
    await boss.work(
      'exports.cleanup',
      tracked(boss, async () => {
        await cleanUpDataExports(deps);
      }),
    );
    // Each hour: exports past their seven days expire; downloaded and expired zips leave the storage.
    await boss.schedule('exports.cleanup', '37 * * * *');
  }
  const backups = options.backups;
  if (backups) {
    await boss.work(
      'backup.scheduled',
      tracked(boss, async () => {
        await runScheduledBackup({ database, storage: backups.storage }, backups);
      }),
    );
    // pg-boss runs a schedule once per tick across every process on the database; `off` removes it.
    if (backups.schedule === 'off') await boss.unschedule('backup.scheduled');
    else await boss.schedule('backup.scheduled', backups.schedule);
  }
}
