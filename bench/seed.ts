import { eq, sql } from 'drizzle-orm';
import type { Database } from '../server/db/client.ts';
import { users } from '../server/db/schema/index.ts';
import { ensureUnits, seedPeople, unitNames } from '../server/db/seed/people.ts';
import { hashPassword } from '../server/services/crypto.ts';
import type { BenchContext } from './scenarios.ts';

export const benchPassword = 'bench-password-not-secret';

export interface BenchData {
  context: BenchContext;
  /** The generated person the bench signs in as. */
  signIn: { email: string; password: string };
  people: number;
  units: number;
  seedSeconds: number;
}

/** Topic words a colleague searches for; some common (thousands of matches), some rare. */
const topicTerms = [
  'assessment',
  'feedback',
  'inclusive',
  'online learning',
  'curriculum',
  'ai education',
  'wellbeing',
  'rubrics',
  'mentoring',
  'nursing feedback',
  'lab',
  'peer',
];

/**
 * Seeds a campus: the units and `people` generated people (set-based inserts), then VACUUM ANALYZE, so
 * the planner has statistics and the GIN pending list is merged, as autovacuum leaves a live table.
 */
export async function seedBenchData(database: Database, people: number): Promise<BenchData> {
  const started = performance.now();
  const { db } = database;
  const units = await ensureUnits(db, unitNames);
  const passwordHash = await hashPassword(benchPassword);
  const { inserted, sample } = await seedPeople(db, {
    count: people,
    units,
    passwordHash,
    // Two batches in flight use both cores of a PostgreSQL server; PGlite runs one query at a time.
    concurrency: database.kind === 'postgres' ? 2 : 1,
  });
  await db.execute(sql`vacuum analyze users`);
  const [first] = sample;
  if (!first) throw new Error('the seed inserted nobody');

  // Name prefixes as people type them ("noe", "chr"), and one full name.
  const prefixes = [...new Set(sample.map((person) => person.displayName.slice(0, 3).toLowerCase()))];
  const searchTerms = [...topicTerms, ...prefixes, first.displayName];
  const [member] = await db.select({ id: users.id }).from(users).where(eq(users.email, first.email));
  if (!member) throw new Error('the bench member is missing');
  return {
    context: { searchTerms, personId: member.id },
    signIn: { email: first.email, password: benchPassword },
    people: inserted,
    units: units.length,
    seedSeconds: (performance.now() - started) / 1000,
  };
}
