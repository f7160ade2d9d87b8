import type { Db } from '../db/client.ts';
import { insertMailMessages } from '../queries/mail.ts';
import type { ServiceDeps } from './context.ts';
import type { EmailContent } from './mail/outbox.ts';

export interface EmailAddressee {
  address: string;
  userId?: string | null;
}

export interface OutboxEmail {
  to: EmailAddressee;
  content: EmailContent;
}

/**
 * Writes emails to the outbox table in one statement and returns their ids. Private to this module: a
 * service sends email only through its unit of work's `Outbox`, so every email written is handed to the
 * job queue after its commit, and no service handles outbox ids.
 */
async function insertEmails(db: Db, messages: readonly OutboxEmail[]): Promise<string[]> {
  return insertMailMessages(
    db,
    messages.map(({ to, content }) => ({
      toAddress: to.address,
      userId: to.userId ?? null,
      subject: content.subject,
      textBody: content.text,
      htmlBody: content.html,
      headers: content.headers ?? null,
    })),
  );
}

/**
 * What one unit of work sends once it has committed. Emails are written to the outbox table inside the
 * transaction (so a rolled-back change sends nothing) and handed to the job queue, in one batch, after
 * the commit (so a worker never looks for a row it cannot see yet). Services pass it to the helpers that
 * tell people things (`notifyEach`, `promoteFromWaitlist`, `queueLinkEmail`…).
 */
export class Outbox {
  readonly #tx: Db;
  readonly #queued: string[];

  /** Made by `unitOfWork`: `queued` collects the ids it hands to the job queue after the commit. */
  constructor(tx: Db, queued: string[]) {
    this.#tx = tx;
    this.#queued = queued;
  }

  /** Puts one email in the outbox. */
  async email(to: EmailAddressee, content: EmailContent): Promise<void> {
    await this.emails([{ to, content }]);
  }

  /** Puts several emails in the outbox in one statement. */
  async emails(messages: readonly OutboxEmail[]): Promise<void> {
    this.#queued.push(...(await insertEmails(this.#tx, messages)));
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
  let queued: string[] = [];
  const result = await deps.database.db.transaction(async (tx) => {
    // A retried transaction starts with an empty outbox: the rolled-back attempt's rows are gone.
    queued = [];
    return work(tx, new Outbox(tx, queued));
  });
  if (queued.length > 0) await deps.jobs.sendEmails(queued);
  return result;
}
