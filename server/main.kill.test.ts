import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { createServerTestDatabase } from './test/database.ts';
import { type CopseProcess, freePort, startCopse } from './test/process.ts';

/**
 * The fault suite (#15 item 6): `kill -9` at a random moment during a stream of writes (threads, replies,
 * proposals and approvals, from three clients at once), then a restart on the same data folder (PGlite)
 * or database (PostgreSQL, when TEST_DATABASE_URL is set). After each restart the data folder opens,
 * every write Copse acknowledged (2xx with its id) is there, and nothing half-written shows (a reply
 * without its thread's count, a thread without its author's follow, an approved proposal without its
 * community). The very first start is killed too, while it makes the data folder or migrates the empty
 * database.
 *
 * FAULT_RUNS kills (by default 5 on PGlite and 3 on PostgreSQL, as in CI; the longer run: `FAULT_RUNS=100
 * npx vitest run server/main.kill.test.ts`); the third restart of every five is killed too, while it
 * recovers. PostgreSQL gets fewer by default: what it keeps after a commit is its own promise, and the
 * PostgreSQL pass is CI's critical path; the three still kill the first start, a stream of writes and a
 * restart while it recovers. FAULT_SEED replays a run's random choices (the seed is printed first; the interleaving of
 * the writes still depends on timing).
 */
const runs = Number(process.env.FAULT_RUNS ?? (process.env.TEST_DATABASE_URL ? 3 : 5));
const seed = Number(process.env.FAULT_SEED ?? Math.floor(Math.random() * 2 ** 32));
if (!Number.isInteger(runs) || runs < 1) throw new Error('FAULT_RUNS must be a whole number above 0');
if (!Number.isInteger(seed)) throw new Error('FAULT_SEED must be a whole number');

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** mulberry32: a small seeded generator, so a failing run can be replayed with FAULT_SEED. */
function seeded(start: number): () => number {
  let state = start >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

interface Answer {
  status: number;
  body: unknown;
}

/** What Copse acknowledged (or showed after a restart, which makes it as good as acknowledged). */
interface Ledger {
  threads: Map<string, Set<string>>;
  /** An approval under way takes its proposal out of the others' choice (a second would be refused). */
  proposals: Map<string, 'submitted' | 'approving' | 'approved'>;
  /** Threads and proposals a write of this run went to (acknowledged or not), checked in full after it. */
  touchedThreads: Set<string>;
  touchedProposals: Set<string>;
  /** Answers other than 2xx before the kill: none is expected. */
  refused: string[];
}

describe('kill -9 during a stream of writes', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  });

  it(
    `keeps every acknowledged write and always opens, ${runs} kills`,
    async () => {
      console.log(`kill -9 fault suite: FAULT_SEED=${seed} FAULT_RUNS=${runs}`);
      const random = seeded(seed);
      const server = await createServerTestDatabase();
      if (server) cleanups.push(server.drop);
      const dataDir = await mkdtemp(path.join(tmpdir(), 'copse-kill-'));
      cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
      // Start-up is most of this test's time: startCopse shares Node's compile cache between restarts.
      const extraEnv = {};
      let copse: CopseProcess | undefined;
      cleanups.push(async () => {
        if (copse && copse.child.exitCode === null && copse.child.signalCode === null) {
          copse.child.kill('SIGKILL');
          await copse.exited;
        }
      });
      let port = 0;
      let cookie = '';
      const context = (run: number) => `FAULT_SEED=${seed}, run ${run}`;

      const start = async (run: number) => {
        port = await freePort();
        copse = startCopse(dataDir, port, server?.url, extraEnv);
        const started = Date.now();
        await healthy(copse, port, context(run));
        return Date.now() - started;
      };

      const call = async (method: string, url: string, body?: unknown): Promise<Answer> => {
        const response = await fetch(`http://localhost:${port}/api${url}`, {
          method,
          headers: {
            cookie,
            origin: `http://localhost:${port}`,
            ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        });
        return { status: response.status, body: (await response.json()) as unknown };
      };
      const read = async <T>(url: string): Promise<T> => {
        const answer = await call('GET', url);
        expect(answer.status, `GET ${url} (FAULT_SEED=${seed})`).toBe(200);
        return (answer.body as { data: T }).data;
      };
      /** Every page of a list. */
      const readAll = async <T>(url: string): Promise<T[]> => {
        const rows: T[] = [];
        let cursor: string | null = null;
        do {
          const separator = url.includes('?') ? '&' : '?';
          const answer = await call(
            'GET',
            `${url}${separator}limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
          );
          expect(answer.status, `GET ${url}`).toBe(200);
          const page = answer.body as { data: T[]; nextCursor: string | null };
          rows.push(...page.data);
          cursor = page.nextCursor;
        } while (cursor);
        return rows;
      };

      /**
       * A start killed part-way (the data folder must still open afterwards): once `underWay` says so,
       * after `delayMs`.
       */
      const killDuringStart = async (run: number, underWay: () => Promise<boolean>, delayMs: number) => {
        const target = startCopse(dataDir, await freePort(), server?.url, extraEnv);
        const deadline = Date.now() + 60_000;
        while (target.child.exitCode === null && Date.now() < deadline && !(await underWay()))
          await sleep(10);
        await sleep(delayMs);
        target.child.kill('SIGKILL');
        expect(
          await target.exited,
          `killed during start-up (${context(run)}):\n${target.output()}`,
        ).toBeNull();
      };

      // The first start is killed while it makes the data folder (PGlite: unpacks the migrated dump) or
      // migrates the empty database (PostgreSQL: once Copse has connected).
      const watcher = server ? new pg.Client({ connectionString: server.url }) : undefined;
      await watcher?.connect();
      const connected = async () => {
        const { rows } = (await watcher?.query(
          'select count(*)::int as n from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()',
        )) ?? { rows: [] };
        return ((rows[0] as { n: number } | undefined)?.n ?? 0) > 0;
      };
      const makingFolder = async () => existsSync(path.join(dataDir, 'pglite'));
      await killDuringStart(0, server ? connected : makingFolder, Math.floor(random() * 300));
      await watcher?.end();

      const startTimes: number[] = [await start(0)];
      const setup = await fetch(`http://localhost:${port}/api/setup`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          institutionName: 'Crashing College',
          email: 'root@example.test',
          password: 'long admin password',
          displayName: 'Root',
        }),
      });
      expect(setup.status).toBe(201);
      // One session for the whole test: sessions live in the database, so it outlives every restart.
      cookie = (setup.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
      const proposal = await call('POST', '/proposals', {
        name: 'Crash test community',
        purpose: 'Where the fault suite writes its threads and replies.',
      });
      expect(proposal.status).toBe(201);
      const proposalId = (proposal.body as { data: { id: string } }).data.id;
      const approved = await call('POST', `/proposals/${proposalId}/approve`, {});
      expect(approved.status).toBe(200);
      const slug = (approved.body as { data: { community: { slug: string } } }).data.community.slug;

      const ledger: Ledger = {
        threads: new Map(),
        proposals: new Map([[proposalId, 'approved']]),
        touchedThreads: new Set(),
        touchedProposals: new Set(),
        refused: [],
      };
      let written = 0;

      /** One write of a kind picked at random; its id goes into the ledger once acknowledged. */
      const write = async (n: number): Promise<void> => {
        const pick = random();
        const threadIds = [...ledger.threads.keys()];
        const submitted = [...ledger.proposals]
          .filter(([, state]) => state === 'submitted')
          .map(([id]) => id);
        if (pick < 0.25 || threadIds.length === 0) {
          const answer = await call('POST', `/communities/${slug}/threads`, {
            title: `Thread ${n}`,
            body: `The opening post of thread ${n}.`,
          });
          if (answer.status !== 201) {
            ledger.refused.push(`thread: ${answer.status} ${JSON.stringify(answer.body)}`);
            return;
          }
          const id = (answer.body as { data: { id: string } }).data.id;
          ledger.threads.set(id, new Set());
          ledger.touchedThreads.add(id);
        } else if (pick < 0.8) {
          const threadId = threadIds[Math.floor(random() * threadIds.length)] ?? '';
          ledger.touchedThreads.add(threadId);
          const answer = await call('POST', `/threads/${threadId}/replies`, { body: `Reply ${n}.` });
          if (answer.status !== 201) {
            ledger.refused.push(`reply: ${answer.status} ${JSON.stringify(answer.body)}`);
            return;
          }
          ledger.threads.get(threadId)?.add((answer.body as { data: { id: string } }).data.id);
        } else if (pick < 0.9 || submitted.length === 0) {
          const answer = await call('POST', '/proposals', {
            name: `Crash community ${seed} ${n}`,
            purpose: 'A proposal written while Copse may be killed.',
          });
          if (answer.status !== 201) {
            ledger.refused.push(`proposal: ${answer.status} ${JSON.stringify(answer.body)}`);
            return;
          }
          const id = (answer.body as { data: { id: string } }).data.id;
          ledger.proposals.set(id, 'submitted');
          ledger.touchedProposals.add(id);
        } else {
          const id = submitted[Math.floor(random() * submitted.length)] ?? '';
          ledger.touchedProposals.add(id);
          ledger.proposals.set(id, 'approving');
          const answer = await call('POST', `/proposals/${id}/approve`, {});
          if (answer.status !== 200) {
            ledger.refused.push(`approve: ${answer.status} ${JSON.stringify(answer.body)}`);
            return;
          }
          ledger.proposals.set(id, 'approved');
        }
      };

      /** Writes from three clients at once until the kill; a write cut off by it has no known outcome. */
      const streamUntilKilled = async (run: number, target: CopseProcess) => {
        // 0.2-0.8 s: dozens of writes on either database; each writing client costs processor time in CI.
        const killAfter = 200 + Math.floor(random() * 600);
        let killed = false;
        const writer = async () => {
          while (!killed) {
            written++;
            await write(written).catch((error: unknown) => {
              if (!killed) throw error;
            });
          }
        };
        const writers = [writer(), writer(), writer()];
        await sleep(killAfter);
        killed = true;
        target.child.kill('SIGKILL');
        expect(await target.exited, context(run)).toBeNull();
        await Promise.all(writers);
        expect(ledger.refused, context(run)).toEqual([]);
      };

      /** A thread in full: there, every acknowledged reply in it, its count and its follow written with it. */
      const checkThread = async (threadId: string, run: number) => {
        const answer = await call('GET', `/threads/${threadId}?limit=100`);
        expect(answer.status, `thread ${threadId} (${context(run)})`).toBe(200);
        const thread = (answer.body as { data: ThreadPage }).data;
        const replies = thread.replies.map((reply) => reply.id);
        let cursor = thread.nextCursor;
        while (cursor) {
          const next = await read<ThreadPage>(
            `/threads/${threadId}?limit=100&cursor=${encodeURIComponent(cursor)}`,
          );
          replies.push(...next.replies.map((reply) => reply.id));
          cursor = next.nextCursor;
        }
        const acknowledged = ledger.threads.get(threadId) ?? new Set<string>();
        expect(
          [...acknowledged].filter((id) => !replies.includes(id)),
          `acknowledged replies missing from ${threadId} (${context(run)})`,
        ).toEqual([]);
        expect(thread.replyCount, `reply count of ${threadId} (${context(run)})`).toBe(replies.length);
        expect(thread.following, `the author follows ${threadId} (${context(run)})`).toBe(true);
        // What is there now stays there: later runs check it as if it had been acknowledged.
        ledger.threads.set(threadId, new Set(replies));
      };

      const checkProposal = async (id: string, run: number) => {
        const found = await read<ProposalDetail>(`/proposals/${id}`);
        const events = found.messages.map((message) => message.event);
        expect(events[0], `proposal ${id} (${context(run)})`).toBe('submitted');
        if (ledger.proposals.get(id) === 'approved') expect(found.status, context(run)).toBe('approved');
        if (found.status === 'approved') {
          expect(found.community, `community of ${id} (${context(run)})`).not.toBeNull();
          expect(events, context(run)).toContain('approved');
          expect((await call('GET', `/communities/${found.community?.slug}`)).status, context(run)).toBe(200);
        } else {
          expect(found.status, context(run)).toBe('submitted');
          expect(found.community, context(run)).toBeNull();
        }
        ledger.proposals.set(id, found.status === 'approved' ? 'approved' : 'submitted');
      };

      /** After a restart: the lists hold every acknowledged record, and what a write touched is whole. */
      const check = async (run: number, everything: boolean) => {
        const listed = (await readAll<{ id: string }>(`/communities/${slug}/threads`)).map((t) => t.id);
        expect(
          [...ledger.threads.keys()].filter((id) => !listed.includes(id)),
          `acknowledged threads missing (${context(run)})`,
        ).toEqual([]);
        const proposals = (await readAll<{ id: string }>('/proposals?mine=true')).map((p) => p.id);
        expect(
          [...ledger.proposals.keys()].filter((id) => !proposals.includes(id)),
          `acknowledged proposals missing (${context(run)})`,
        ).toEqual([]);
        // Records that were written without an acknowledgement (cut off by the kill) are checked too.
        const threads = everything ? listed : listed.filter((id) => !ledger.threads.has(id));
        for (const id of new Set([...threads, ...ledger.touchedThreads])) await checkThread(id, run);
        const unseen = proposals.filter((id) => !ledger.proposals.has(id));
        for (const id of new Set([...(everything ? proposals : unseen), ...ledger.touchedProposals])) {
          await checkProposal(id, run);
        }
        ledger.touchedThreads.clear();
        ledger.touchedProposals.clear();
      };

      for (let run = 1; run <= runs; run++) {
        if (!copse) throw new Error('no Copse process');
        await streamUntilKilled(run, copse);
        // The third of every five restarts is killed too, while PGlite replays its log or pg-boss starts
        // (in CI's runs, once on each database: each start costs seconds of processor time).
        if (run % 5 === 3) {
          const typical = startTimes.reduce((sum, ms) => sum + ms, 0) / startTimes.length;
          await killDuringStart(run, async () => true, Math.floor((0.3 + random() * 0.7) * typical));
        }
        startTimes.push(await start(run));
        await check(run, run === runs);
      }

      // After all that, a clean shutdown still drains and exits 0.
      copse?.child.kill('SIGTERM');
      expect(await copse?.exited).toBe(0);
      const average = startTimes.reduce((sum, ms) => sum + ms, 0) / startTimes.length;
      console.log(
        `kill -9 fault suite: ${runs} kills, ${written} writes sent, ${[...ledger.threads.values()].reduce((sum, replies) => sum + replies.size + 1, 0)} threads and replies kept; start-up ${Math.round(average)} ms on average`,
      );
    },
    60_000 + runs * 60_000,
  );
});

interface ThreadPage {
  replyCount: number;
  following: boolean;
  replies: { id: string }[];
  nextCursor: string | null;
}

interface ProposalDetail {
  status: string;
  community: { slug: string } | null;
  messages: { event: string }[];
}

/** Waits until Copse answers health 200; fails at once, with its output, if it exits instead. */
async function healthy(copse: CopseProcess, port: number, context: string): Promise<void> {
  const exited = copse.exited.then((code) => {
    throw new Error(`Copse exited (${code}) instead of starting (${context}):\n${copse.output()}`);
  });
  const up = (async () => {
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      const status = await fetch(`http://127.0.0.1:${port}/api/health`)
        .then((response) => response.status)
        .catch(() => 0);
      if (status === 200) return;
      await sleep(50);
    }
    throw new Error(`Copse did not become healthy within 60 s (${context}):\n${copse.output()}`);
  })();
  exited.catch(() => {});
  await Promise.race([up, exited]);
}
