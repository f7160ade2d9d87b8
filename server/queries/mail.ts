import { and, desc, eq, getTableColumns, ilike } from 'drizzle-orm';
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
