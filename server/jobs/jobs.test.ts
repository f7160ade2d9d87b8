import { eq } from 'drizzle-orm';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mailMessages, meetingRsvps } from '../db/schema/index.ts';
import { createMailer } from '../services/mail/outbox.ts';
import { getTestApp, type TestApp } from '../test/app.ts';
import { createTestCommunity, createUser } from '../test/factories.ts';
import { createTestMeeting } from '../test/meetings.ts';
import { bossJobs, type Jobs, startBoss, stopBoss } from './queue.ts';
import { startWorkers } from './worker.ts';

/** The real queue (pg-boss on the test database) delivering to a real SMTP server on loopback. */
describe('email delivery through the job queue', () => {
  let t: TestApp;
  let boss: Awaited<ReturnType<typeof startBoss>>;
  const received: { to: string; data: string }[] = [];
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, callback) {
      let data = '';
      stream.on('data', (chunk: Buffer) => {
        data += chunk.toString();
      });
      stream.on('end', () => {
        received.push({ to: session.envelope.rcptTo.map((r) => r.address).join(','), data });
        callback();
      });
    },
  });

  beforeAll(async () => {
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    const address = smtp.server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    // The app is built before the queue exists (the queue needs the app's database), so its jobs
    // hand over to the real queue once it has started.
    let queue: Jobs | undefined;
    const jobs: Jobs = {
      send: async (name, data) => queue?.send(name, data),
      sendEmails: async (messageIds) => queue?.sendEmails(messageIds),
    };
    t = await getTestApp({ jobs });
    boss = await startBoss(t.database);
    queue = bossJobs(boss);
    await startWorkers(
      boss,
      t.database,
      queue,
      createMailer(`smtp://127.0.0.1:${port}`, 'Copse <copse@example.test>'),
      { pollingIntervalSeconds: 0.5 },
    );
  });

  afterAll(async () => {
    // As Copse stops (server/main.ts): pg-boss stops, then nothing of it is still under way when the
    // database closes. (Stopping pg-boss alone left a query of its running now and then, and closing the
    // database under it hung this hook for its whole minute, 7 December 2026.)
    await stopBoss(boss, Date.now() + 10_000);
    await t.close();
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
  });

  it('sends the confirmation email by SMTP and marks it sent', async () => {
    const email = 'queued.person@example.test';
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/auth/signup',
      payload: { email, password: 'long enough pass', displayName: 'Queued Person' },
    });
    expect(response.statusCode).toBe(201);
    await expect
      .poll(
        async () => {
          const [row] = await t.database.db
            .select()
            .from(mailMessages)
            .where(eq(mailMessages.toAddress, email));
          return row?.status;
        },
        { timeout: 20_000, interval: 250 },
      )
      .toBe('sent');
    const delivered = received.find((r) => r.to === email);
    expect(delivered?.data).toContain('Confirm your email address');
  });

  it('sends meeting reminders from the queue, by email through SMTP', async () => {
    const db = t.database.db;
    const leader = await createUser(db);
    const member = await createUser(db, { email: 'reminded.person@example.test' });
    const community = await createTestCommunity(db, [leader.id], { members: [[member.id, 'member']] });
    const meeting = await createTestMeeting(db, community.id, { startsInHours: 0.5, title: 'Queue talk' });
    await db.insert(meetingRsvps).values({ meetingId: meeting.id, userId: member.id, status: 'going' });
    await bossJobs(boss).send('meetings.reminders', {});
    await expect
      .poll(() => received.find((r) => r.to === member.email)?.data ?? '', { timeout: 20_000, interval: 250 })
      .toContain('In an hour: Queue talk');
  });
});
