import { and, eq, lt, sql } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import type { Db } from '../../db/client.ts';
import { mailMessages } from '../../db/schema/index.ts';

export interface EmailContent {
  subject: string;
  text: string;
  html: string;
}

export interface Mailer {
  configured: boolean;
  from: string;
  send(message: { to: string; subject: string; text: string; html: string }): Promise<void>;
}

export function createMailer(smtpUrl: string | undefined, from: string): Mailer {
  if (!smtpUrl) {
    return {
      configured: false,
      from,
      async send() {},
    };
  }
  const transport = nodemailer.createTransport(smtpUrl);
  return {
    configured: true,
    from,
    async send(message) {
      await transport.sendMail({ from, ...message });
    },
  };
}

/**
 * Delivers one outbox message: by SMTP when configured, else marks it stored (shown on the mailbox page).
 * Safe to run twice: a message that is no longer queued is left alone.
 */
export async function deliverEmail(db: Db, mailer: Mailer, messageId: string): Promise<void> {
  const [message] = await db.select().from(mailMessages).where(eq(mailMessages.id, messageId)).limit(1);
  if (!message || message.status === 'sent' || message.status === 'stored') return;
  if (!mailer.configured) {
    await db.update(mailMessages).set({ status: 'stored' }).where(eq(mailMessages.id, messageId));
    return;
  }
  try {
    await mailer.send({
      to: message.toAddress,
      subject: message.subject,
      text: message.textBody,
      html: message.htmlBody,
    });
    await db
      .update(mailMessages)
      .set({ status: 'sent', sentAt: sql`now()`, attempts: sql`${mailMessages.attempts} + 1`, error: null })
      .where(eq(mailMessages.id, messageId));
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error);
    await db
      .update(mailMessages)
      .set({ attempts: sql`${mailMessages.attempts} + 1`, error: text.slice(0, 500) })
      .where(eq(mailMessages.id, messageId));
    throw error;
  }
}

/** Outbox messages still queued after a while (the process died between commit and dispatch). */
export async function listStaleQueuedEmails(db: Db): Promise<string[]> {
  const rows = await db
    .select({ id: mailMessages.id })
    .from(mailMessages)
    .where(
      and(eq(mailMessages.status, 'queued'), lt(mailMessages.createdAt, sql`now() - interval '2 minutes'`)),
    )
    .limit(500);
  return rows.map((row) => row.id);
}

/** After the last retry, a message is marked failed so the mailbox shows it. */
export async function markEmailFailed(db: Db, messageId: string): Promise<void> {
  await db.update(mailMessages).set({ status: 'failed' }).where(eq(mailMessages.id, messageId));
}
