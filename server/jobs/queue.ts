import PgBoss from 'pg-boss';
import type { Database } from '../db/client.ts';

/** Names of the durable jobs and their payloads. */
export interface JobPayloads {
  'email.send': { messageId: string };
  'email.sweep': Record<string, never>;
  'sessions.cleanup': Record<string, never>;
  'meetings.reminders': Record<string, never>;
}
export type JobName = keyof JobPayloads;

/** The durable job queue (pg-boss, in the same database) as the rest of Copse sees it. */
export interface Jobs {
  send<N extends JobName>(name: N, data: JobPayloads[N]): Promise<void>;
}

/** A queue that keeps nothing: for API tests, where the outbox rows are what is checked. */
export const discardingJobs: Jobs = {
  async send() {},
};

export const jobQueues: JobName[] = ['email.send', 'email.sweep', 'sessions.cleanup', 'meetings.reminders'];

/** Starts pg-boss on our database connection (PGlite or PostgreSQL) and creates the queues. */
export async function startBoss(database: Database): Promise<PgBoss> {
  const boss = new PgBoss({
    db: database.raw,
    schema: 'pgboss',
    supervise: true,
    schedule: true,
    migrate: true,
  });
  boss.on('error', (error: Error) => console.error('job queue error', error));
  await boss.start();
  for (const name of jobQueues) {
    await boss.createQueue(name, { retryLimit: 5, retryDelay: 30, retryBackoff: true });
  }
  return boss;
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
  };
}
