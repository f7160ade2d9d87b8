import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErasureMode } from '../../../common/enums.ts';
import { createBackup } from '../../db/backup/create-backup.ts';
import { restoreBackup } from '../../db/backup/restore-backup.ts';
import type { Db } from '../../db/client.ts';
import { backupDir } from '../../env.ts';
import { createDiskStorage, type Storage } from '../../lib/storage.ts';
import { rowsOf } from '../../queries/raw-rows.ts';
import { getTestApp, requester, type TestApp } from '../../test/app.ts';
import { openTestDatabase } from '../../test/database.ts';
import { createTestCommunity, createUser, signedInUser, testPassword } from '../../test/factories.ts';
import { ledgerFile, reapplyErasure } from './reapply-erasure.ts';

/**
 * The marker test (#19): a person writes a unique marker into every kind of record they make, is
 * erased, and the marker is then looked for in every row of every table (as text), in every stored
 * file and in the process log. Only the allow-list below may hold it: what anonymise keeps by design.
 */
const keptByAnonymise = new Set([
  'threads', // their threads stay, under "A former member"
  'posts', // their replies stay
  'resources', // their Toolkit resources stay, with their files
  'value_stories', // their stories stay
  'circle_posts', // their posts in a learning circle stay, as their replies do
  'survey_answers', // their check-in answers stay in the results, no longer linked to anyone
  'notifications', // others' notifications quote a kept reply (never the name: "A former member")
  'mail_messages', // and so do the emails sent with them
]);

let t: TestApp;
const logLines: string[] = [];
beforeAll(async () => {
  t = await getTestApp({ logger: { level: 'trace', stream: { write: (line) => logLines.push(line) } } });
  // A coordinator, whom contact requests notify (quoting them).
  await createUser(t.database.db, { role: 'coordinator' });
});

/** Notifications and emails that still quote the kudos and the contact request the person sent. */
async function quotedMessages(db: Db, marker: string): Promise<number> {
  const [row] = rowsOf<{ n: number }>(
    await db.execute(sql`select (select count(*) from notifications
        where body like ${`%Thanks ${marker}%`} or params::text like ${`%Contact ${marker}%`})
      + (select count(*) from mail_messages
        where text_body like ${`%Thanks ${marker}%`} or text_body like ${`%Contact ${marker}%`})::int as n`),
  );
  return Number(row?.n ?? 0);
}
afterAll(async () => t.close());

const storageOf = (app: TestApp): Storage => app.app.deps.storage;

async function tablesHolding(db: Db, marker: string): Promise<string[]> {
  const tables = rowsOf<{ name: string }>(
    await db.execute(sql`select table_name as name from information_schema.tables
      where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`),
  );
  const found: string[] = [];
  for (const { name } of tables) {
    const [row] = rowsOf<{ hits: number }>(
      await db.execute(
        sql`select count(*)::int as hits from ${sql.identifier(name)} r where lower(r::text) like ${`%${marker.toLowerCase()}%`}`,
      ),
    );
    if (Number(row?.hits ?? 0) > 0) found.push(name);
  }
  return found;
}

async function filesHolding(storage: Storage, marker: string): Promise<string[]> {
  const found: string[] = [];
  for await (const key of storage.list()) {
    const body = await storage.get(key);
    if (key.includes(marker) || body?.toString('utf8').includes(marker)) found.push(key);
  }
  return found;
}

/** A person who leaves the marker everywhere they can; answers them and what they made. */
async function seedPerson(marker: string) {
  const { db } = t.database;
  const call = requester(t);
  const person = await signedInUser(t.app, { displayName: `Ada ${marker}`, expertise: [`${marker} skills`] });
  const other = await signedInUser(t.app);
  const community = await createTestCommunity(db, [person.user.id], { members: [[other.user.id, 'member']] });
  await call('PATCH', '/api/me', person.cookie, { bio: `I write ${marker}`, pronouns: 'they' });
  const started = await call('POST', `/api/communities/${community.slug}/threads`, person.cookie, {
    title: `Thread ${marker}`,
    body: `Opening ${marker}`,
  });
  expect(started.statusCode).toBe(201);
  const othersThread = await call('POST', `/api/communities/${community.slug}/threads`, other.cookie, {
    title: 'A question',
    body: 'What works?',
  });
  const othersId = othersThread.json().data.id as string;
  // The reply notifies the thread's author: a notification and an email that quote the person.
  expect(
    (await call('POST', `/api/threads/${othersId}/replies`, person.cookie, { body: `Reply ${marker}` }))
      .statusCode,
  ).toBe(201);
  // Answers by name to a Ping and a check-in of a community the other person leads, and a post in a
  // learning circle.
  const theirs = await createTestCommunity(db, [other.user.id], { members: [[person.user.id, 'member']] });
  const ping = await call('POST', `/api/communities/${theirs.slug}/pings`, other.cookie, {
    question: 'What should we read next?',
    kind: 'text',
    choices: [],
    audience: 'all',
    windowHours: 48,
    resultsVisibility: 'live',
    anonymous: false,
  });
  expect(ping.statusCode, ping.body).toBe(201);
  const pingAnswer = { text: `Answer ${marker}` };
  const answered = await call('PUT', `/api/pings/${ping.json().data.id}/answer`, person.cookie, pingAnswer);
  expect(answered.statusCode, answered.body).toBe(200);
  const checkIn = await call('POST', `/api/communities/${theirs.slug}/surveys`, other.cookie, {
    title: 'Check-in',
    intro: 'A minute.',
    closesAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
    questions: [{ kind: 'short_text', prompt: 'Most useful thing?', required: true }],
  });
  expect(checkIn.statusCode, checkIn.body).toBe(201);
  const survey = (await call('GET', `/api/surveys/${checkIn.json().data.id}`, person.cookie)).json().data;
  const questionId = survey.questions[0].id as string;
  const responded = await call('PUT', `/api/surveys/${survey.id}/response`, person.cookie, {
    answers: { [questionId]: { text: `Useful ${marker}` } },
  });
  expect(responded.statusCode, responded.body).toBe(200);
  const [circle] = rowsOf<{ id: string }>(
    await db.execute(sql`insert into circles (community_id, created_by, name, purpose, starts_on, ends_on, state)
      values (${community.id}, ${other.user.id}, 'Feedback circle', 'Try things', current_date, current_date + 30, 'active')
      returning id`),
  );
  await db.execute(sql`insert into circle_posts (circle_id, author_id, body)
    values (${circle?.id ?? null}, ${person.user.id}, ${`Circle post ${marker}`})`);
  const photoKey = `photos/${person.user.id}.png`;
  await storageOf(t).put(photoKey, Buffer.from(`photo ${marker}`));
  const fileKey = `resources/${person.user.id}.txt`;
  await storageOf(t).put(fileKey, Buffer.from(`file ${marker}`));
  await db.execute(sql`update users set photo_path = ${photoKey} where id = ${person.user.id}`);
  // A data export ready to download: its zip holds everything about them.
  const exportKey = `exports/${person.user.id}.zip`;
  await storageOf(t).put(exportKey, Buffer.from(`zip ${marker}`));
  await db.execute(sql`insert into data_exports (user_id, requested_by, status, storage_key, expires_at)
    values (${person.user.id}, ${person.user.id}, 'ready', ${exportKey}, now() + interval '7 days')`);
  const [resource] = rowsOf<{ id: string }>(
    await db.execute(sql`insert into resources (community_id, author_id, kind, title, body, file_key, file_name)
      values (${community.id}, ${person.user.id}, 'file', ${`Resource ${marker}`}, ${marker}, ${fileKey}, 'notes.txt') returning id`),
  );
  await db.execute(sql`insert into value_stories (community_id, author_id, title, immediate)
    values (${community.id}, ${person.user.id}, ${`Story ${marker}`}, ${marker})`);
  // Kudos they give and a contact request they send, through the API: the receiver's and the
  // coordinators' notifications and emails quote the message.
  const kudos = await call('POST', '/api/kudos', person.cookie, {
    subjectType: 'thread',
    subjectId: othersId,
    message: `Thanks ${marker}`,
  });
  expect(kudos.statusCode, kudos.body).toBe(201);
  const contact = await call('POST', '/api/contact', person.cookie, {
    topic: 'other',
    message: `Contact ${marker}`,
  });
  expect(contact.statusCode, contact.body).toBe(201);
  expect(await quotedMessages(db, marker)).toBeGreaterThanOrEqual(2);
  await db.execute(sql`insert into kudos (community_id, giver_id, receiver_id, subject_type, subject_id, message)
    values (${community.id}, ${other.user.id}, ${person.user.id}, 'resource', ${resource?.id ?? null}, ${`For ${marker}`})`);
  await db.execute(sql`insert into mail_messages (to_address, user_id, subject, text_body, html_body)
    values (${person.user.email}, ${person.user.id}, ${`Hello Ada ${marker}`}, ${marker}, ${marker})`);
  await db.execute(sql`insert into audit_log (actor_id, action, subject_type, subject_id, data)
    values (${person.user.id}, 'user.email', 'user', ${person.user.id}, ${JSON.stringify({ email: person.user.email, name: `Ada ${marker}` })}::jsonb)`);
  await db.execute(sql`insert into invitations (community_id, token_hash, email, name, expires_at)
    values (${community.id}, ${`hash-${marker}`}, ${person.user.email}, ${`Ada ${marker}`}, now() + interval '7 days')`);
  expect(started.json().data.id).toBeTruthy();
  return { person, other, call };
}

async function erase(marker: string, mode: ErasureMode) {
  const { person, call } = await seedPerson(marker);
  const response = await call('POST', '/api/me/erase', person.cookie, {
    mode,
    password: testPassword,
    confirmation: person.user.email,
  });
  expect(response.statusCode, response.body).toBe(200);
  return person;
}

describe('erasure leaves the marker nowhere but the allow-list', () => {
  it('anonymise: only their kept contributions hold it; a restore of an older backup keeps them erased', async () => {
    const marker = `mk${crypto.randomUUID().slice(0, 8)}anon`;
    const before = path.join(await mkdtemp(path.join(tmpdir(), 'copse-erase-backup-')), 'before.tar.gz');
    const { person } = await seedPerson(`${marker}x`).then(async (seeded) => {
      // A backup from before the erasure, of a person seeded the same way.
      await createBackup({
        database: t.database,
        storage: storageOf(t),
        file: before,
        copseVersion: '0.1.0',
        secrets: { DATA_DIR: t.app.deps.env.DATA_DIR },
      });
      const response = await seeded.call('POST', '/api/me/erase', seeded.person.cookie, {
        mode: 'anonymise',
        password: testPassword,
        confirmation: seeded.person.user.email,
      });
      expect(response.statusCode).toBe(200);
      return seeded;
    });
    expect(
      (await tablesHolding(t.database.db, `${marker}x`)).filter((name) => !keptByAnonymise.has(name)),
    ).toEqual([]);
    // Notifications and emails may quote a kept reply, never their kudos or contact request.
    expect(await quotedMessages(t.database.db, `${marker}x`)).toBe(0);
    expect(await filesHolding(storageOf(t), `${marker}x`)).toEqual([`resources/${person.user.id}.txt`]);

    // A fresh machine restores the backup from before the erasure; the ledger file next to the backups
    // brings the erasure back.
    const fresh = await openTestDatabase();
    const uploads = await mkdtemp(path.join(tmpdir(), 'copse-erase-restore-'));
    try {
      const storage = createDiskStorage(uploads);
      const report = await restoreBackup({
        database: fresh.database,
        storage,
        file: before,
        secrets: { DATA_DIR: uploads },
        ledgerFile: ledgerFile({ DATA_DIR: t.app.deps.env.DATA_DIR, BACKUP_DIR: undefined }),
        reapplyErasure: (entry) => reapplyErasure({ database: fresh.database, storage }, entry),
      });
      expect(report.erasures).toBeGreaterThanOrEqual(1);
      const restored = await tablesHolding(fresh.database.db, `${marker}x`);
      expect(restored.filter((name) => !keptByAnonymise.has(name))).toEqual([]);
      const [row] = rowsOf<{ erased: boolean }>(
        await fresh.database.db.execute(
          sql`select erased_at is not null as erased from users where id = ${person.user.id}`,
        ),
      );
      expect(row?.erased).toBe(true);
      expect(await filesHolding(storage, `${marker}x`)).toEqual([`resources/${person.user.id}.txt`]);
    } finally {
      await fresh.dispose();
      await rm(uploads, { recursive: true, force: true });
      await rm(path.dirname(before), { recursive: true, force: true });
    }
    expect(backupDir(t.app.deps.env)).toContain(t.app.deps.env.DATA_DIR);
  });

  it('delete: the marker is nowhere, in no table, no file and no log line', async () => {
    const marker = `mk${crypto.randomUUID().slice(0, 8)}del`;
    await erase(marker, 'delete');
    expect(await tablesHolding(t.database.db, marker)).toEqual([]);
    expect(await filesHolding(storageOf(t), marker)).toEqual([]);
    expect(logLines.length).toBeGreaterThan(0);
    expect(logLines.filter((line) => line.includes(marker))).toEqual([]);
  });
});
