import { sql } from 'drizzle-orm';
import type { ErasureMode } from '../../common/enums.ts';
import type { Db } from '../db/client.ts';
import { erasures } from '../db/schema/index.ts';
import { rowsOf } from './raw-rows.ts';

/**
 * Rows that keep the erased person's id (now a tombstone with nothing personal): figures count them,
 * and none of them holds a word the person wrote. Every other reference to the person is cleared (a
 * `set null` foreign key) or deleted (a `cascade` one), as deleting the account would; see
 * docs/admin-guide.md "Erasing a person".
 */
const keptReferences = new Set([
  'activity_events.actor_id',
  'audit_log.actor_id',
  'community_member_days.user_id',
  'community_member_activity.user_id',
  'meeting_attendance.user_id',
  'resource_activity.user_id',
  'ping_recipients.user_id',
  'survey_invitees.user_id',
  // A vote cast stays cast (its secret ballot counts in the tally), and a mentoring pair stays the other
  // person's, with their notes, closed (eraseUserRows) and naming "a former member".
  'succession_voters.user_id',
  'mentoring_pairs.mentor_id',
  'mentoring_pairs.mentee_id',
]);

/** Ids as one PostgreSQL array parameter (drizzle spreads a JS array into a list of parameters). */
const uuids = (ids: readonly string[]) => sql`${`{${ids.join(',')}}`}::uuid[]`;

/** What an opening post of a thread others replied to becomes in "delete" mode (stored, not shown text). */
export const removedTitle = '[removed]';

/** The person to erase, locked for the transaction. */
export async function findErasureSubject(db: Db, userId: string) {
  const [row] = rowsOf<{
    id: string;
    email: string;
    password_hash: string;
    display_name: string;
    photo_path: string | null;
    role: string;
    erased_at: Date | null;
  }>(
    await db.execute(
      sql`select id, email, password_hash, display_name, photo_path, role, erased_at from users where id = ${userId} for update`,
    ),
  );
  return row;
}

/** When the session `sessionId` was started (signed in), for the check of a recent sign-in. */
export async function findSessionStart(db: Db, sessionId: string): Promise<Date | undefined> {
  const [row] = rowsOf<{ created_at: Date | string }>(
    await db.execute(sql`select created_at from sessions where id = ${sessionId}`),
  );
  return row ? new Date(row.created_at) : undefined;
}

/** The active (not suspended, not erased) administrators other than `userId`. */
export async function countOtherAdministrators(db: Db, userId: string): Promise<number> {
  const [row] = rowsOf<{ count: number }>(
    await db.execute(sql`select count(*)::int as count from users
      where role = 'administrator' and suspended_at is null and erased_at is null and id <> ${userId}`),
  );
  return Number(row?.count ?? 0);
}

/** Every foreign key column that points at users.id, with what deleting a user would do to its rows. */
async function listUserReferences(db: Db) {
  return rowsOf<{ tbl: string; col: string; action: string }>(
    await db.execute(sql`select r.relname as tbl, a.attname as col, c.confdeltype as action
      from pg_constraint c
      join pg_class r on r.oid = c.conrelid
      join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
      where c.contype = 'f' and c.confrelid = 'public.users'::regclass
      order by r.relname, a.attname`),
  );
}

/**
 * "delete" mode: removes what the person wrote. Replies become deleted in place (others' answers under
 * them stay), threads others replied to keep their replies under a "[removed]" opening, the rest goes.
 * Answers the storage keys of the files to delete and the ids of what went (to find notifications and
 * emails that point at it).
 */
async function deleteContributions(db: Db, userId: string) {
  const gone: string[] = [];
  const keys: string[] = [];
  const ids = (result: unknown) => rowsOf<{ id: string }>(result).map((row) => row.id);
  const replies = rowsOf<{ id: string; thread_id: string }>(
    await db.execute(sql`update posts set body = '', deleted_at = coalesce(deleted_at, now()), author_id = null
      where author_id = ${userId} returning id, thread_id`),
  );
  const touched = [...new Set(replies.map((reply) => reply.thread_id))];
  gone.push(...replies.map((reply) => reply.id));
  await db.execute(
    sql`delete from post_revisions where post_id = any(${uuids(replies.map((reply) => reply.id))})`,
  );
  const shared = ids(
    await db.execute(sql`update threads t set title = ${removedTitle}, body = '', author_id = null,
        deleted_at = coalesce(t.deleted_at, now())
      where t.author_id = ${userId} and exists (select 1 from posts p where p.thread_id = t.id
        and p.deleted_at is null and p.author_id is distinct from ${userId}) returning t.id`),
  );
  await db.execute(
    sql`delete from post_revisions where thread_id = any(${uuids(shared)}) and post_id is null`,
  );
  gone.push(
    ...ids(await db.execute(sql`delete from threads where author_id = ${userId} returning id`)),
    ...shared,
  );
  await db.execute(sql`update threads t set reply_count = (select count(*) from posts p
      where p.thread_id = t.id and p.deleted_at is null) where t.id = any(${uuids(touched)})`);
  const resources = rowsOf<{ id: string; file_key: string | null }>(
    await db.execute(sql`delete from resources where author_id = ${userId} returning id, file_key`),
  );
  for (const resource of resources) {
    gone.push(resource.id);
    if (resource.file_key) keys.push(resource.file_key);
  }
  gone.push(
    ...ids(await db.execute(sql`delete from value_stories where author_id = ${userId} returning id`)),
  );
  gone.push(...ids(await db.execute(sql`delete from circle_posts where author_id = ${userId} returning id`)));
  await db.execute(sql`delete from proposal_messages where author_id = ${userId}`);
  await db.execute(sql`delete from contact_replies where author_id = ${userId}`);
  await db.execute(sql`delete from contact_requests where sender_id = ${userId}`);
  await db.execute(sql`delete from reports where reporter_id = ${userId}`);
  await db.execute(sql`delete from mentoring_notes where author_id = ${userId}`);
  await db.execute(sql`delete from resource_uses where user_id = ${userId}`);
  await db.execute(sql`delete from succession_objections where user_id = ${userId}`);
  await db.execute(sql`delete from survey_responses where user_id = ${userId}`);
  // Notifications and emails that quote or point at what went.
  if (gone.length > 0) {
    const patterns = gone.map((id) => `%${id}%`);
    await db.execute(sql`delete from notifications where url like any(${`{${patterns.join(',')}}`}::text[])`);
    await db.execute(
      sql`delete from mail_messages where text_body like any(${`{${patterns.join(',')}}`}::text[])`,
    );
  }
  return keys;
}

/** Replaces `text` in the stored text columns that may quote a person's name or address. */
async function scrubText(db: Db, text: string, replacement: string) {
  if (text.trim().length < 2) return;
  const json = JSON.stringify(text).slice(1, -1);
  const html = text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  const htmlNamed = text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
  const like = `%${text}%`;
  await db.execute(sql`update notifications set title = replace(title, ${text}, ${replacement}),
      body = replace(body, ${text}, ${replacement}),
      params = replace(params::text, ${json}, ${replacement})::jsonb
    where title like ${like} or body like ${like} or params::text like ${`%${json}%`}`);
  for (const variant of new Set([text, html, htmlNamed]))
    await db.execute(sql`update mail_messages set subject = replace(subject, ${text}, ${replacement}),
        text_body = replace(text_body, ${text}, ${replacement}),
        html_body = replace(html_body, ${variant}, ${replacement})
      where subject like ${like} or text_body like ${like} or html_body like ${`%${variant}%`}`);
  await db.execute(sql`update audit_log set data = replace(data::text, ${json}, ${replacement})::jsonb
    where data::text like ${`%${json}%`}`);
  await db.execute(sql`update moderation_actions set note = replace(note, ${text}, ${replacement})
    where note like ${like}`);
}

/**
 * Others' notifications and emails that quote what the person wrote to them, which goes in either mode
 * (neither is a kept contribution): the kudos they gave (the receiver's notification and email carry the
 * message) and their contact requests (the coordinators' notification and email carry it and link to
 * the request). Read before the rows themselves go.
 */
async function forgetQuotedMessages(db: Db, userId: string, email: string) {
  await db.execute(sql`delete from notifications n using kudos k
    where k.giver_id = ${userId} and k.message <> '' and n.user_id = k.receiver_id
      and n.kind = 'community.kudos' and n.body = k.message`);
  await db.execute(sql`delete from mail_messages m using kudos k
    where k.giver_id = ${userId} and k.message <> '' and m.user_id = k.receiver_id
      and strpos(m.text_body, k.message) > 0`);
  const requests = rowsOf<{ id: string }>(
    await db.execute(sql`select id from contact_requests
      where sender_id = ${userId} or lower(email) = lower(${email})`),
  ).map((row) => `%${row.id}%`);
  if (requests.length === 0) return;
  const patterns = `{${requests.join(',')}}`;
  await db.execute(sql`delete from notifications where url like any(${patterns}::text[])`);
  await db.execute(sql`delete from mail_messages where text_body like any(${patterns}::text[])`);
}

/**
 * Erases one person in `db` (a transaction): their contributions first in "delete" mode, then every
 * reference as deleting the account would (except the figures' ids, `keptReferences`), the rows that
 * name their address, the text that quotes their name or address, and the users row's personal fields;
 * records the ledger entry. Safe to run again (a restore re-applies it). Answers the storage keys to
 * delete once the transaction commits (their photo, their resources' files).
 */
export async function eraseUserRows(
  db: Db,
  subject: { id: string; email: string; displayName: string; photoPath: string | null },
  mode: ErasureMode,
  formerMember: string,
): Promise<string[]> {
  const userId = subject.id;
  await forgetQuotedMessages(db, userId, subject.email);
  // Their mentoring pairs stay the other person's (keptReferences), closed or declined.
  await db.execute(sql`update mentoring_pairs set status = case when status = 'requested' then 'declined' else 'closed' end,
      closed_at = coalesce(closed_at, now()), answered_at = coalesce(answered_at, now())
    where (mentor_id = ${userId} or mentee_id = ${userId}) and status in ('requested', 'active')`);
  const keys = mode === 'delete' ? await deleteContributions(db, userId) : [];
  if (subject.photoPath) keys.push(subject.photoPath);
  // The zips of their data exports, and of exports they made for others as an administrator: the rows go
  // with the references below, the files after the commit.
  const exports = rowsOf<{ storage_key: string }>(
    await db.execute(sql`select storage_key from data_exports
      where (user_id = ${userId} or requested_by = ${userId}) and storage_key is not null`),
  );
  keys.push(...exports.map((row) => row.storage_key));
  if (mode === 'anonymise')
    await db.execute(sql`update survey_responses set user_id = null where user_id = ${userId}`);
  await db.execute(
    sql`delete from mail_messages where user_id = ${userId} or lower(to_address) = lower(${subject.email})`,
  );
  await db.execute(sql`delete from invitations where lower(email) = lower(${subject.email})`);
  await db.execute(sql`delete from contact_requests where lower(email) = lower(${subject.email})`);
  await db.execute(sql`delete from signin_throttles where lower(email) = lower(${subject.email})`);
  for (const ref of await listUserReferences(db)) {
    if (keptReferences.has(`${ref.tbl}.${ref.col}`)) continue;
    const table = sql.identifier(ref.tbl);
    const column = sql.identifier(ref.col);
    if (ref.action === 'n')
      await db.execute(sql`update ${table} set ${column} = null where ${column} = ${userId}`);
    else await db.execute(sql`delete from ${table} where ${column} = ${userId}`);
  }
  await scrubText(db, subject.displayName, formerMember);
  await scrubText(db, subject.email, formerMember);
  await db.execute(sql`update users set email = ${`erased-${userId}@erased.invalid`}, password_hash = '',
      display_name = '', pronouns = '', unit_id = null, bio = '', interests = '{}', expertise = '{}',
      photo_path = null, time_zone = 'UTC', language = null, show_badges = false, role = 'member',
      email_verified_at = null, search_document = '', erased_at = coalesce(erased_at, now()), updated_at = now()
    where id = ${userId}`);
  await db.execute(sql`insert into ${erasures} (user_id, mode) values (${userId}, ${mode})
    on conflict (user_id) do update set mode = case when ${erasures.mode} = 'delete' then 'delete' else excluded.mode end`);
  return keys;
}

/** The ledger, oldest first. */
export async function listErasures(db: Db) {
  return rowsOf<{ user_id: string; mode: ErasureMode; erased_at: Date | string }>(
    await db.execute(sql`select user_id, mode, erased_at from ${erasures} order by erased_at, user_id`),
  ).map((row) => ({ userId: row.user_id, mode: row.mode, erasedAt: new Date(row.erased_at) }));
}

/** Writes ledger entries back (after a restore), keeping the entries already there. */
export async function insertErasures(
  db: Db,
  entries: { userId: string; mode: ErasureMode; erasedAt: Date }[],
): Promise<void> {
  for (const entry of entries)
    await db.execute(sql`insert into ${erasures} (user_id, mode, erased_at)
      values (${entry.userId}, ${entry.mode}, ${entry.erasedAt.toISOString()}) on conflict (user_id) do nothing`);
}
