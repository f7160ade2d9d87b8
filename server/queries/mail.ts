import { and, desc, eq, getTableColumns, ilike, lt, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { mailMessages } from '../db/schema/index.ts';
import { exactTimestamp, pageOf, rowsAfter } from './keyset.ts';

/** The mailbox: every email sent or stored, newest first, optionally for one recipient. */
export async function listMailMessages(
  db: Db,
  options: { to?: string | undefined; cursor?: string | undefined; limit: number },
) {
  const rows = await db
    .select({ ...getTableColumns(mailMessages), cursorAt: exactTimestamp(mailMessages.createdAt) })
    .from(mailMessages)
    .where(
      and(
        options.to ? ilike(mailMessages.toAddress, `%${options.to.replace(/[%_\\]/g, '\\$&')}%`) : undefined,
        rowsAfter(mailMessages.createdAt, mailMessages.id, options.cursor),
      ),
    )
    .orderBy(desc(mailMessages.createdAt), desc(mailMessages.id))
    .limit(options.limit + 1);
  return pageOf(rows, options.limit, (row) => ({ at: row.cursorAt, id: row.id }));
}

export async function findMailMessageById(db: Db, id: string) {
  const [row] = await db.select().from(mailMessages).where(eq(mailMessages.id, id)).limit(1);
  return row;
}

/** One email for the outbox: its addressee (and their account, if any) and its content. */
export interface NewMailMessage {
  toAddress: string;
  userId: string | null;
  subject: string;
  textBody: string;
  htmlBody: string;
  headers?: Record<string, string> | null;
}

/** Writes emails to the outbox (status queued) in one statement; answers their ids, in order. */
export async function insertMailMessages(db: Db, messages: NewMailMessage[]): Promise<string[]> {
  if (messages.length === 0) return [];
  const rows = await db.insert(mailMessages).values(messages).returning({ id: mailMessages.id });
  return rows.map((row) => row.id);
}

/** Marks a message stored: there is no SMTP server, so the mailbox page is where it is read. */
export async function markMailMessageStored(db: Db, id: string): Promise<void> {
  await db.update(mailMessages).set({ status: 'stored' }).where(eq(mailMessages.id, id));
}

/** Marks a message sent, counting the attempt and clearing any earlier error. */
export async function markMailMessageSent(db: Db, id: string): Promise<void> {
  await db
    .update(mailMessages)
    .set({ status: 'sent', sentAt: sql`now()`, attempts: sql`${mailMessages.attempts} + 1`, error: null })
    .where(eq(mailMessages.id, id));
}

/** Counts a failed attempt and keeps its error; the message stays queued for the next retry. */
export async function recordMailMessageError(db: Db, id: string, error: string): Promise<void> {
  await db
    .update(mailMessages)
    .set({ attempts: sql`${mailMessages.attempts} + 1`, error })
    .where(eq(mailMessages.id, id));
}

/** Marks a message failed (no retry left), so the mailbox shows it. */
export async function markMailMessageFailed(db: Db, id: string): Promise<void> {
  await db.update(mailMessages).set({ status: 'failed' }).where(eq(mailMessages.id, id));
}

/** Ids of messages still queued two minutes after they were written (at most 500). */
export async function listStaleQueuedMailMessageIds(db: Db): Promise<string[]> {
  const rows = await db
    .select({ id: mailMessages.id })
    .from(mailMessages)
    .where(
      and(eq(mailMessages.status, 'queued'), lt(mailMessages.createdAt, sql`now() - interval '2 minutes'`)),
    )
    .limit(500);
  return rows.map((row) => row.id);
}
