import nodemailer from 'nodemailer';
import type { Db } from '../../db/client.ts';
import {
  findMailMessageById,
  listStaleQueuedMailMessageIds,
  markMailMessageFailed,
  markMailMessageSent,
  markMailMessageStored,
  recordMailMessageError,
} from '../../queries/mail.ts';

export interface EmailContent {
  subject: string;
  text: string;
  html: string;
  /** Extra headers (List-Id, List-Unsubscribe…), for notification emails. */
  headers?: Record<string, string> | undefined;
}

export interface Mailer {
  configured: boolean;
  from: string;
  send(message: {
    to: string;
    subject: string;
    text: string;
    html: string;
    headers?: Record<string, string> | undefined;
  }): Promise<void>;
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
  const message = await findMailMessageById(db, messageId);
  if (!message || message.status === 'sent' || message.status === 'stored') return;
  if (!mailer.configured) {
    await markMailMessageStored(db, messageId);
    return;
  }
  try {
    await mailer.send({
      to: message.toAddress,
      subject: message.subject,
      text: message.textBody,
      html: message.htmlBody,
      headers: message.headers ?? undefined,
    });
    await markMailMessageSent(db, messageId);
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error);
    await recordMailMessageError(db, messageId, text.slice(0, 500));
    throw error;
  }
}

/** Outbox messages still queued after a while (the process died between commit and dispatch). */
export async function listStaleQueuedEmails(db: Db): Promise<string[]> {
  return listStaleQueuedMailMessageIds(db);
}

/** After the last retry, a message is marked failed so the mailbox shows it. */
export async function markEmailFailed(db: Db, messageId: string): Promise<void> {
  await markMailMessageFailed(db, messageId);
}
