import type { Db } from '../db/client.ts';
import type { ServiceDeps } from './context.ts';
import { type EmailContent, queueEmail, queueEmails } from './mail/outbox.ts';

export interface EmailAddressee {
  address: string;
  userId?: string | null;
}

/**
 * What one unit of work sends once it has committed. Emails are written to the outbox table inside the
 * transaction (so a rolled-back change sends nothing) and handed to the job queue, in one batch, after
 * the commit (so a worker never looks for a row it cannot see yet).
 */
export class Outbox {
  readonly #tx: Db;
  readonly #messageIds: string[] = [];

  constructor(tx: Db) {
    this.#tx = tx;
  }

  /** Puts one email in the outbox. */
  async email(to: EmailAddressee, content: EmailContent): Promise<void> {
    this.#messageIds.push(await queueEmail(this.#tx, to, content));
  }

  /** Puts several emails in the outbox in one statement. */
  async emails(messages: { to: EmailAddressee; content: EmailContent }[]): Promise<void> {
    this.#messageIds.push(...(await queueEmails(this.#tx, messages)));
  }

  /** How many emails this unit of work has queued so far. */
  get size(): number {
    return this.#messageIds.length;
  }

  /** The queued emails' outbox ids (for the job queue, after the commit). */
  get messageIds(): readonly string[] {
    return this.#messageIds;
  }
}

/**
 * Runs `work` in one database transaction with an outbox; after the commit, hands what it queued to the
 * job queue in one batch. If the transaction throws, nothing is sent. The one place services open a
 * transaction that may send email.
 */
export async function unitOfWork<T>(
  deps: Pick<ServiceDeps, 'database' | 'jobs'>,
  work: (tx: Db, outbox: Outbox) => Promise<T>,
): Promise<T> {
  let outbox: Outbox | undefined;
  const result = await deps.database.db.transaction(async (tx) => {
    // A retried transaction starts with an empty outbox: the rolled-back attempt's rows are gone.
    outbox = new Outbox(tx);
    return work(tx, outbox);
  });
  if (outbox && outbox.size > 0) await deps.jobs.sendEmails(outbox.messageIds);
  return result;
}
