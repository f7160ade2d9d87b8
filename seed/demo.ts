import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { eq, inArray, sql } from 'drizzle-orm';
import { type Database, type Db, openDatabase } from '../server/db/client.ts';
import { DataDirLockedError, lockDataDir } from '../server/db/data-dir-lock.ts';
import { findPgliteTemplate } from '../server/db/pglite-template.ts';
import { institutionSettings, users } from '../server/db/schema/index.ts';
import { loadEnvOrExit } from '../server/env.ts';
import { hashPassword } from '../server/lib/crypto.ts';
import { buildPersonSearchDocument, countUsers } from '../server/queries/users.ts';
import { seedCommunities } from './generate/communities.ts';
import { loadDemoCommunities, seedDemoDiscussions } from './generate/demo-discussions.ts';
import { seedDemoToolkit } from './generate/demo-toolkit.ts';
import { seedMeetings } from './generate/meetings.ts';
import { ensureUnits, type SeedUnit, seedPeople, unitNames } from './generate/people.ts';

/**
 * `npm run seed:demo`: fills a fresh installation with a believable institution (units, 200 people with
 * expertise, a demo administrator and a demo member, 30 communities with their leaders, members,
 * charters and history, 40 meetings with answers, and discussions and Toolkit resources in the demo
 * accounts' communities and a few others) so a newcomer can click around. Uses DATABASE_URL
 * when set, else the embedded database in DATA_DIR, exactly as `npm start` does. It refuses to run on a
 * database that already has people in it (more than the bootstrap administrator), so a second run
 * changes nothing instead of duplicating.
 */

const demoInstitutionName = 'Northfield University';
const defaultInstitutionName = 'Copse';
const demoPassword = 'copse-demo-password';
const demoPeople = 200;
const demoCommunities = 30;
/** About three communities a person, heavy-tailed: a few with 50–75 members, most with 5–15. */
const demoMemberships = 600;
const demoMeetings = 40;
const demoRsvps = 160;
const demoAccounts = [
  {
    email: 'admin@copse.test',
    displayName: 'Alex Morgan',
    role: 'administrator',
    pronouns: 'they/them',
    unit: 'Centre for Teaching and Learning',
    bio: 'Educational Developer and the **demo administrator** of this Copse. I look after the list of units and the people in it.',
    expertise: ['curriculum design', 'peer observation', 'programme leadership'],
    interests: ['communities of practice', 'scholarship of teaching and learning'],
  },
  {
    email: 'member@copse.test',
    displayName: 'Sam Okafor',
    role: 'member',
    pronouns: 'he/him',
    unit: 'School of Education',
    bio: 'Senior Lecturer and a **demo member**. Trying out feedback conversations instead of written comments.',
    expertise: ['feedback', 'assessment'],
    interests: ['active learning', 'ai in education', 'inclusive teaching'],
  },
] as const;

class RefusedError extends Error {}

async function main(): Promise<void> {
  const env = loadEnvOrExit();
  const dataDir = path.resolve(env.DATA_DIR);
  let releaseLock: (() => void) | undefined;
  if (!env.DATABASE_URL) {
    mkdirSync(dataDir, { recursive: true });
    try {
      releaseLock = lockDataDir(dataDir);
    } catch (error) {
      if (error instanceof DataDirLockedError) {
        console.error(
          `${error.message}\nseed:demo writes to the database directly, so Copse must be stopped.`,
        );
        process.exit(1);
      }
      throw error;
    }
  }

  let database: Database | undefined;
  try {
    const pgliteDir = path.join(dataDir, 'pglite');
    const fresh = !env.DATABASE_URL && !existsSync(path.join(pgliteDir, 'PG_VERSION'));
    database = await openDatabase({
      databaseUrl: env.DATABASE_URL,
      dataDir: pgliteDir,
      pgliteTemplate: fresh ? findPgliteTemplate() : undefined,
    });
    const where = database.kind === 'postgres' ? 'the PostgreSQL database in DATABASE_URL' : dataDir;
    console.log(`Seeding demo data into ${where}…`);
    await database.migrate();
    const started = performance.now();
    const summary = await seedDemo(database.db);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(
      [
        `Done in ${seconds} s: ${summary.institutionName}, ${summary.units} units, ${summary.people} people, ` +
          `${summary.communities} communities (${summary.memberships} memberships), ${summary.meetings} meetings, ` +
          `${summary.threads} discussion threads (${summary.posts} replies) and ${summary.resources} Toolkit resources added.`,
        '',
        'Sign in with either demo account (password for both: copse-demo-password):',
        ...demoAccounts.map((account) => `  ${account.email.padEnd(20)} ${account.role}`),
        'Every generated person (…@northfield.example) has the same password.',
      ].join('\n'),
    );
  } catch (error) {
    if (!(error instanceof RefusedError)) throw error;
    console.error(error.message);
    process.exitCode = 1;
  } finally {
    await database?.close();
    releaseLock?.();
  }
}

/** Writes the demo institution in one transaction: it all lands, or nothing does. */
async function seedDemo(db: Db) {
  const existing = await countUsers(db);
  if (existing > 1) {
    throw new RefusedError(
      `This database already has ${existing} accounts, so seed:demo changed nothing: it only fills a ` +
        'fresh installation (at most the first administrator). Point DATA_DIR or DATABASE_URL at an ' +
        'empty database to try the demo.',
    );
  }
  const emails = demoAccounts.map((account) => account.email);
  const clash = await db.select({ email: users.email }).from(users).where(inArray(users.email, emails));
  if (clash.length > 0) {
    throw new RefusedError(
      `${clash.map((row) => row.email).join(', ')} already exists; seed:demo changed nothing.`,
    );
  }

  // One hash for every demo account: argon2id is deliberately slow.
  const passwordHash = await hashPassword(demoPassword);
  return db.transaction(async (tx) => {
    const [settings] = await tx
      .select()
      .from(institutionSettings)
      .where(eq(institutionSettings.id, 1))
      .for('update');
    if (!settings) throw new Error('institution_settings row is missing: migrations did not run');
    const institutionName = settings.name === defaultInstitutionName ? demoInstitutionName : settings.name;
    await tx
      .update(institutionSettings)
      .set({
        name: institutionName,
        // Marking set-up done keeps the first-visit bootstrap page away; an earlier date is kept.
        setupCompletedAt: settings.setupCompletedAt ?? sql`now()`,
        updatedAt: sql`now()`,
      })
      .where(eq(institutionSettings.id, 1));

    const units = await ensureUnits(tx, unitNames);
    const [admin, member] = await insertDemoAccounts(tx, units, passwordHash);
    const { inserted } = await seedPeople(tx, { count: demoPeople, units, passwordHash });
    // The demo administrator leads two communities and belongs to two more; the demo member leads one
    // and belongs to three (one private), so both see a home page from the inside.
    const communities = await seedCommunities(tx, {
      count: demoCommunities,
      memberships: demoMemberships,
      units,
      featured: [
        { userId: admin, leads: 2, joins: 2 },
        { userId: member, leads: 1, joins: 3 },
      ],
    });
    // A few meetings, most in the demo member's communities: a monthly series in the one they lead, a
    // workshop with places and a meeting ahead in each, some answers and attendance.
    const meetings = await seedMeetings(tx, {
      meetings: demoMeetings,
      rsvps: demoRsvps,
      featured: [member],
      everyCommunity: false,
    });
    // Discussions and a Toolkit in the demo accounts' communities (the demo member's first) and the
    // three biggest others, so the home page, the Discussions and the Toolkit tabs have something in them.
    const contentCommunities = await loadDemoCommunities(tx, [member, admin], 3);
    const toolkit = await seedDemoToolkit(tx, contentCommunities, [member, admin]);
    const discussions = await seedDemoDiscussions(tx, contentCommunities, [member, admin]);
    // Those communities were active when their latest thread or resource was.
    await tx.execute(sql`
      update communities c set last_activity_at = greatest(c.last_activity_at, a.at)
      from (select community_id, max(at) as at from (
          select community_id, last_activity_at as at from threads
          union all select community_id, created_at from resources) x
        group by community_id) a
      where a.community_id = c.id`);
    return {
      institutionName,
      units: units.length,
      people: inserted + demoAccounts.length,
      communities: communities.communities,
      memberships: communities.memberships,
      meetings: meetings.meetings,
      threads: discussions.threads + toolkit.threads,
      posts: discussions.posts + toolkit.posts,
      resources: toolkit.resources,
    };
  });
}

/** Inserts the demo administrator and the demo member; returns their ids in that order. */
async function insertDemoAccounts(
  db: Db,
  units: SeedUnit[],
  passwordHash: string,
): Promise<[string, string]> {
  const inserted = await db
    .insert(users)
    .values(
      demoAccounts.map((account) => {
        const unit = units.find((candidate) => candidate.name === account.unit);
        const expertise = [...account.expertise];
        const interests = [...account.interests];
        return {
          email: account.email,
          passwordHash,
          displayName: account.displayName,
          pronouns: account.pronouns,
          role: account.role,
          kind: 'staff' as const,
          unitId: unit?.id ?? null,
          bio: account.bio,
          expertise,
          interests,
          timeZone: 'Europe/London',
          emailVerifiedAt: new Date(),
          searchDocument: buildPersonSearchDocument({
            displayName: account.displayName,
            unitName: unit?.name ?? null,
            expertise,
            interests,
            bio: account.bio,
          }),
        };
      }),
    )
    .returning({ id: users.id, email: users.email });
  const idOf = (email: string) => {
    const row = inserted.find((candidate) => candidate.email === email);
    if (!row) throw new Error(`${email} was not inserted`);
    return row.id;
  };
  return [idOf('admin@copse.test'), idOf('member@copse.test')];
}

await main();
