import PgBoss from 'pg-boss';
import type { Database } from '../db/client.ts';

/** Names of the durable jobs and their payloads. */
export interface JobPayloads {
  'email.send': { messageId: string };
  'email.sweep': Record<string, never>;
  'sessions.cleanup': Record<string, never>;
  'meetings.reminders': Record<string, never>;
  'backup.scheduled': Record<string, never>;
  'milestones.daily': Record<string, never>;
  'surveys.rounds': Record<string, never>;
  'digests.send': Record<string, never>;
  'dashboard.rollup': Record<string, never>;
  'succession.daily': Record<string, never>;
  'exports.build': { exportId: string };
  'exports.cleanup': Record<string, never>;
}
export type JobName = keyof JobPayloads;

/** The durable job queue (pg-boss, in the same database) as the rest of Copse sees it. */
export interface Jobs {
  send<N extends JobName>(name: N, data: JobPayloads[N]): Promise<void>;
  /** Hands committed outbox messages to the `email.send` queue in one batch (one job per message). */
  sendEmails(messageIds: readonly string[]): Promise<void>;
}

/** A queue that keeps nothing: for API tests, where the outbox rows are what is checked. */
export const discardingJobs: Jobs = {
  async send() {},
  async sendEmails() {},
};

export const jobQueues: JobName[] = [
  'email.send',
  'email.sweep',
  'sessions.cleanup',
  'meetings.reminders',
  'backup.scheduled',
  'milestones.daily',
  'surveys.rounds',
  'digests.send',
  'dashboard.rollup',
  'succession.daily',
  'exports.build',
  'exports.cleanup',
];

/**
 * Counts what the job queue has under way: pg-boss's own queries and our job handlers. pg-boss's
 * `stop()` waits only for handlers already running: a worker that is fetching, a cron tick or a
 * maintenance query can still be going (and start a handler) after it returns, and would then meet a
 * closed pool ("Cannot use a pool after calling end on the pool"). Shutdown waits for this to be zero.
 */
class JobActivity {
  #running = 0;

  async run<T>(work: () => Promise<T>): Promise<T> {
    this.#running++;
    try {
      return await work();
    } finally {
      this.#running--;
    }
  }

  /** Resolves once nothing has run for two checks in a row (a fetch hands over to a handler without a pause), or at the deadline. */
  async settled(deadline: number): Promise<void> {
    let quietChecks = 0;
    while (quietChecks < 2 && Date.now() < deadline) {
      quietChecks = this.#running === 0 ? quietChecks + 1 : 0;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }
}

const activities = new WeakMap<PgBoss, JobActivity>();

function activityOf(boss: PgBoss): JobActivity {
  const activity = activities.get(boss);
  if (!activity) throw new Error('This job queue was not started by startBoss.');
  return activity;
}

/** A job handler whose work shutdown waits for (see `stopBoss`). */
export function tracked<A extends unknown[], R>(
  boss: PgBoss,
  handler: (...args: A) => Promise<R>,
): (...args: A) => Promise<R> {
  const activity = activityOf(boss);
  return (...args) => activity.run(() => handler(...args));
}

/** Starts pg-boss on our database connection (PGlite or PostgreSQL) and creates the queues. */
export async function startBoss(database: Database): Promise<PgBoss> {
  const activity = new JobActivity();
  const boss = new PgBoss({
    db: { executeSql: (text, values) => activity.run(() => database.raw.executeSql(text, values)) },
    schema: 'pgboss',
    supervise: true,
    schedule: true,
    migrate: true,
  });
  activities.set(boss, activity);
  boss.on('error', (error: Error) => console.error('job queue error', error));
  // One process at a time installs or migrates pg-boss's schema and creates the queues.
  await database.exclusively(async () => {
    await boss.start();
    for (const name of jobQueues) {
      await boss.createQueue(name, { retryLimit: 5, retryDelay: 30, retryBackoff: true });
    }
  });
  return boss;
}

/**
 * Stops the workers, the scheduler and the supervisor, lets running jobs finish (until the deadline,
 * after which pg-boss marks them failed, to be retried), then waits until none of pg-boss's queries or
 * our handlers is still under way, so the database can be closed under nothing.
 */
export async function stopBoss(boss: PgBoss, deadline: number): Promise<void> {
  await boss.stop({
    graceful: true,
    wait: true,
    close: false,
    timeout: Math.max(1000, deadline - Date.now()),
  });
  await activityOf(boss).settled(deadline);
}

export function bossJobs(boss: PgBoss): Jobs {
  return {
    async send(name, data) {
      await boss.send(
        name,
        data,
        name === 'email.send' ? { singletonKey: (data as { messageId: string }).messageId } : {},
      );
    },
    async sendEmails(messageIds) {
      if (messageIds.length === 0) return;
      // The message id is the singleton key, as in `send`: a message is never queued twice.
      await boss.insert(
        'email.send',
        messageIds.map((messageId) => ({ name: 'email.send', data: { messageId }, singletonKey: messageId })),
      );
    },
  };
}
