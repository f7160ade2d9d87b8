import { inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mailMessages } from '../db/schema/index.ts';
import type { Jobs } from '../jobs/queue.ts';
import { getTestApp, requester, type TestApp } from '../test/app.ts';
import { createTestCommunity, createUser, signInAs } from '../test/factories.ts';
import { unitOfWork } from './unit-of-work.ts';

let t: TestApp;

/** Each `sendEmails` call: the ids handed over, and how many of their rows another connection could read then. */
const batches: { ids: string[]; visible: number }[] = [];
const jobs: Jobs = {
  async send() {},
  async sendEmails(messageIds) {
    // Read outside the unit's transaction: the rows are there only if it has committed.
    const rows = await t.database.db
      .select({ id: mailMessages.id })
      .from(mailMessages)
      .where(inArray(mailMessages.id, [...messageIds]));
    batches.push({ ids: [...messageIds], visible: rows.length });
  },
};

beforeAll(async () => {
  t = await getTestApp({ jobs });
});
afterAll(async () => t.close());

const call = (...args: Parameters<ReturnType<typeof requester>>) => requester(t)(...args);
const db = () => t.database.db;
const content = (subject: string) => ({ subject, text: `${subject}.`, html: `<p>${subject}.</p>` });
const rowsTo = (addresses: string[]) =>
  db()
    .select({ id: mailMessages.id, to: mailMessages.toAddress, subject: mailMessages.subject })
    .from(mailMessages)
    .where(inArray(mailMessages.toAddress, addresses));

describe('a unit of work', () => {
  it('hands the emails it queued to the job queue once, in one batch, after the commit', async () => {
    const before = batches.length;
    const addresses = ['first.uow@example.test', 'second.uow@example.test'];
    const answer = await unitOfWork(t.app.deps, async (_tx, outbox) => {
      await outbox.email({ address: addresses[0] ?? '' }, content('One'));
      await outbox.emails([{ to: { address: addresses[1] ?? '' }, content: content('Two') }]);
      // Nothing goes to the queue while the transaction is open.
      expect(batches.length).toBe(before);
      return 42;
    });
    expect(answer).toBe(42);
    const rows = await rowsTo(addresses);
    expect(rows.map((row) => [row.to, row.subject]).sort()).toEqual([
      ['first.uow@example.test', 'One'],
      ['second.uow@example.test', 'Two'],
    ]);
    expect(batches.slice(before)).toEqual([{ ids: expect.any(Array), visible: 2 }]);
    expect(batches.at(-1)?.ids.sort()).toEqual(rows.map((row) => row.id).sort());
  });

  it('sends nothing and leaves no outbox rows when the work throws', async () => {
    const before = batches.length;
    const addresses = ['rolled.back.uow@example.test', 'rolled.back.too.uow@example.test'];
    await expect(
      unitOfWork(t.app.deps, async (_tx, outbox) => {
        await outbox.email({ address: addresses[0] ?? '' }, content('Never'));
        await outbox.emails([{ to: { address: addresses[1] ?? '' }, content: content('Nor this') }]);
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    expect(batches.length).toBe(before);
    expect(await rowsTo(addresses)).toEqual([]);
  });

  it('makes no call to the job queue when nothing was queued', async () => {
    const before = batches.length;
    await unitOfWork(t.app.deps, async () => undefined);
    expect(batches.length).toBe(before);
  });

  it('dispatches a reply’s emails to the followers and the person mentioned in one batch', async () => {
    const [leader, a, b, c] = await Promise.all([
      createUser(db()),
      createUser(db()),
      createUser(db()),
      createUser(db()),
    ]);
    if (!leader || !a || !b || !c) throw new Error('no people');
    const community = await createTestCommunity(db(), [leader.id], {
      members: [
        [a.id, 'member'],
        [b.id, 'member'],
        [c.id, 'member'],
      ],
    });
    const [aCookie, bCookie, cCookie] = await Promise.all([a, b, c].map((p) => signInAs(t.app, p.email)));
    const threadId = (
      await call('POST', `/api/communities/${community.slug}/threads`, aCookie, {
        title: 'Reading list',
        body: 'What should we read first?',
      })
    ).json().data.id;
    // b replies, so b follows too: the thread now has two followers, a and b.
    expect(
      (await call('POST', `/api/threads/${threadId}/replies`, bCookie, { body: 'Ostrom.' })).statusCode,
    ).toBe(201);

    const before = batches.length;
    const replied = await call('POST', `/api/threads/${threadId}/replies`, cCookie, {
      body: 'Ostrom, then Scott. What do you think, @leader?',
      mentions: [leader.id],
    });
    expect(replied.statusCode).toBe(201);
    // Two helpers (the followers' reply notice, the mention) queued into one unit: one batch.
    expect(batches.slice(before)).toEqual([{ ids: expect.any(Array), visible: 3 }]);
    const sent = await db()
      .select({ id: mailMessages.id, to: mailMessages.toAddress })
      .from(mailMessages)
      .where(inArray(mailMessages.id, batches.at(-1)?.ids ?? []));
    expect(sent.map((row) => row.to).sort()).toEqual([a.email, b.email, leader.email].sort());
  });
});
