import {
  base,
  de,
  en,
  en_GB,
  en_IE,
  en_IN,
  en_NG,
  en_US,
  es,
  Faker,
  fr,
  it,
  type LocaleDefinition,
  nl,
  pl,
  pt_BR,
  sv,
  tr,
} from '@faker-js/faker';
import { inArray, sql } from 'drizzle-orm';
import type { PersonKind, UserRole } from '../../common/enums.ts';
import type { Db } from '../../server/db/client.ts';
import { units, users } from '../../server/db/schema/index.ts';
import { buildPersonSearchDocument } from '../../server/queries/users.ts';
import { bulkInsert } from './bulk-insert.ts';
import {
  educationTopics,
  externalBioSentences,
  externalTitles,
  pronounChoices,
  staffBioSentences,
  staffTitles,
  studentBioSentences,
  studentTitles,
  unitNames,
} from './vocabulary.ts';

export { educationTopics, unitNames } from './vocabulary.ts';

export interface SeedUnit {
  id: string;
  name: string;
}

export type NewPerson = typeof users.$inferInsert;

export interface GeneratePeopleOptions {
  count: number;
  /** Units to spread people over (larger units first get more people). */
  units: readonly SeedUnit[];
  /** One argon2 hash shared by every generated person: hashing 50,000 passwords would take minutes. */
  passwordHash: string;
  /** The same seed yields the same people, names, emails and tags. */
  seed?: number;
  emailDomain?: string;
  /** The date "joined" dates are spread back from (three years). */
  now?: Date;
}

const defaultSeed = 20_261_122;

/** Name locales of an international campus, with how often each occurs. */
const nameLocales: { weight: number; locale: LocaleDefinition }[] = [
  { weight: 30, locale: en_GB },
  { weight: 8, locale: en_US },
  { weight: 5, locale: en_IE },
  { weight: 6, locale: en_IN },
  { weight: 4, locale: en_NG },
  { weight: 5, locale: de },
  { weight: 5, locale: fr },
  { weight: 6, locale: es },
  { weight: 4, locale: it },
  { weight: 3, locale: nl },
  { weight: 4, locale: pl },
  { weight: 3, locale: pt_BR },
  { weight: 2, locale: sv },
  { weight: 3, locale: tr },
];

const kindWeights: { weight: number; value: PersonKind }[] = [
  { weight: 65, value: 'staff' },
  { weight: 27, value: 'student' },
  { weight: 8, value: 'external' },
];

const timeZones: { weight: number; value: string }[] = [
  { weight: 90, value: 'Europe/London' },
  { weight: 3, value: 'Europe/Berlin' },
  { weight: 3, value: 'America/New_York' },
  { weight: 2, value: 'Asia/Singapore' },
  { weight: 2, value: 'Australia/Sydney' },
];

/** "José María" → "josemaria": the part of an email address made from a name. */
function emailPart(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');
}

/**
 * Generates believable people, deterministically from a seed: names from several locales, a unit,
 * pronouns, kind, a short Markdown bio, interest and expertise tags on educational practice, unique
 * emails, a confirmed address and the search document the people search indexes. Lazy, so 50,000 people
 * are never all in memory at once.
 */
export function* generatePeople(options: GeneratePeopleOptions): Generator<NewPerson> {
  const seed = options.seed ?? defaultSeed;
  const faker = new Faker({ locale: [en_GB, en, base], seed });
  const nameFakers = nameLocales.map(({ weight, locale }, index) => ({
    weight,
    value: new Faker({ locale: [locale, en, base], seed: seed + index + 1 }),
  }));
  const unitWeights = options.units.map((unit, index) => ({ weight: 12 / (index + 4), value: unit }));
  const domain = options.emailDomain ?? 'northfield.example';
  const now = options.now ?? new Date();
  const emailsSeen = new Map<string, number>();

  for (let index = 0; index < options.count; index++) {
    const names = faker.helpers.weightedArrayElement(nameFakers);
    const sex = names.person.sexType();
    const firstName = names.person.firstName(sex);
    const lastName = names.person.lastName();
    const displayName = `${firstName} ${lastName}`;

    const local = `${emailPart(firstName) || 'person'}.${emailPart(lastName) || 'colleague'}`;
    const seen = emailsSeen.get(local) ?? 0;
    emailsSeen.set(local, seen + 1);
    const email = `${local}${seen === 0 ? '' : seen + 1}@${domain}`;

    const kind = faker.helpers.weightedArrayElement(kindWeights);
    const withoutUnit = unitWeights.length === 0 || faker.number.float() < (kind === 'external' ? 0.4 : 0.03);
    const unit = withoutUnit ? undefined : faker.helpers.weightedArrayElement(unitWeights);
    const pronouns = pickPronouns(faker, sex);
    const expertise = faker.helpers.arrayElements(
      educationTopics,
      kind === 'student' ? { min: 0, max: 2 } : { min: 1, max: 4 },
    );
    const interests = faker.helpers.arrayElements(
      educationTopics.filter((topic) => !expertise.includes(topic)),
      { min: 1, max: 5 },
    );
    const bio = faker.number.float() < 0.1 ? '' : writeBio(faker, kind, unit?.name, expertise, interests);
    const role: UserRole = kind === 'staff' && faker.number.float() < 0.02 ? 'coordinator' : 'member';
    const createdAt = faker.date.past({ years: 3, refDate: now });

    yield {
      email,
      passwordHash: options.passwordHash,
      displayName,
      pronouns,
      unitId: unit?.id ?? null,
      kind,
      bio,
      interests,
      expertise,
      timeZone: faker.helpers.weightedArrayElement(timeZones),
      role,
      emailVerifiedAt: createdAt,
      searchDocument: buildPersonSearchDocument({
        displayName,
        unitName: unit?.name ?? null,
        interests,
        expertise,
        bio,
      }),
      createdAt,
      updatedAt: createdAt,
    };
  }
}

function pickPronouns(faker: Faker, sex: string): string {
  const roll = faker.number.float();
  if (roll < 0.45) return ''; // many people leave the field empty
  if (roll < 0.5) return faker.helpers.arrayElement(pronounChoices);
  return sex === 'female' ? 'she/her' : 'he/him';
}

function writeBio(
  faker: Faker,
  kind: PersonKind,
  unitName: string | undefined,
  expertise: string[],
  interests: string[],
): string {
  const [titles, sentencesOfKind] =
    kind === 'staff'
      ? [staffTitles, staffBioSentences]
      : kind === 'student'
        ? [studentTitles, studentBioSentences]
        : [externalTitles, externalBioSentences];
  const title = faker.helpers.arrayElement(titles);
  const where = unitName ? `, ${unitName}` : kind === 'external' ? `, ${faker.company.name()}` : '';
  const a = expertise[0] ?? interests[0] ?? 'teaching';
  const b = interests.find((topic) => topic !== a) ?? 'assessment';
  const sentences = faker.helpers
    .arrayElements(sentencesOfKind, { min: 1, max: 2 })
    .map((sentence) => sentence.replaceAll('{a}', a).replaceAll('{b}', b));
  return [`${title}${where}.`, ...sentences].join(' ');
}

/**
 * Makes sure the named units exist (matching case-insensitively, as the admin service does) and returns
 * them in the order given.
 */
export async function ensureUnits(db: Db, names: readonly string[] = unitNames): Promise<SeedUnit[]> {
  const lowered = names.map((name) => name.toLowerCase());
  const existing = await db
    .select({ id: units.id, name: units.name })
    .from(units)
    .where(inArray(sql`lower(${units.name})`, lowered));
  const byName = new Map(existing.map((unit) => [unit.name.toLowerCase(), unit]));
  const missing = names.filter((name) => !byName.has(name.toLowerCase()));
  if (missing.length > 0) {
    const inserted = await db
      .insert(units)
      .values(missing.map((name) => ({ name })))
      .returning({ id: units.id, name: units.name });
    for (const unit of inserted) byName.set(unit.name.toLowerCase(), unit);
  }
  return lowered.flatMap((name) => byName.get(name) ?? []);
}

export interface SeedPeopleResult {
  inserted: number;
  /** The first few people, to sign in as or to print. */
  sample: { email: string; displayName: string }[];
}

/**
 * Inserts generated people in set-based batches of `batchSize` rows (see `bulkInsert`). The next batch is
 * generated while earlier ones are being written, with up to `concurrency` batches in flight (2 uses both
 * cores of a small PostgreSQL server; keep 1 inside a transaction or on PGlite). An email that already
 * exists is skipped, so `inserted` may be lower than `count`.
 */
export async function seedPeople(
  db: Db,
  options: GeneratePeopleOptions & { batchSize?: number; concurrency?: number },
): Promise<SeedPeopleResult> {
  const batchSize = options.batchSize ?? 1_000;
  const concurrency = Math.max(1, options.concurrency ?? 1);
  const sample: SeedPeopleResult['sample'] = [];
  const inFlight: Promise<number>[] = [];
  let inserted = 0;
  let batch: NewPerson[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    while (inFlight.length >= concurrency) inserted += (await inFlight.shift()) ?? 0;
    const pending = bulkInsert(db, users, batch, { onConflictDoNothing: true });
    // Awaited below; the handler only stops a failure from counting as unhandled while another is awaited.
    pending.catch(() => undefined);
    inFlight.push(pending);
    batch = [];
  };
  for (const person of generatePeople(options)) {
    if (sample.length < 10) sample.push({ email: person.email, displayName: person.displayName });
    batch.push(person);
    if (batch.length >= batchSize) await flush();
  }
  await flush();
  for (const pending of inFlight.splice(0)) inserted += await pending;
  return { inserted, sample };
}
