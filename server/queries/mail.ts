import { and, desc, eq, ilike } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { mailMessages } from '../db/schema/index.ts';
import { newestFirstPage, nextNewestFirstCursor } from './newest-first.ts';

/** The mailbox: every email sent or stored, newest first, optionally for one recipient. */
export async function listMailMessages(
  db: Db,
  options: { to?: string | undefined; cursor?: string | undefined; limit: number },
) {
  const rows = await db
    .select()
    .from(mailMessages)
    .where(
      and(
        options.to ? ilike(mailMessages.toAddress, `%${options.to.replace(/[%_\\]/g, '\\$&')}%`) : undefined,
        newestFirstPage(mailMessages.createdAt, mailMessages.id, options.cursor),
      ),
    )
    .orderBy(desc(mailMessages.createdAt), desc(mailMessages.id))
    .limit(options.limit + 1);
  return nextNewestFirstCursor(rows, options.limit, (row) => row);
}

export async function findMailMessageById(db: Db, id: string) {
  const [row] = await db.select().from(mailMessages).where(eq(mailMessages.id, id)).limit(1);
  return row;
}
