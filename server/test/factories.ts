import { eq, sql } from 'drizzle-orm';
import type { UserRole } from '../../common/enums.ts';
import type { App } from '../app.ts';
import type { Db } from '../db/client.ts';
import { mailMessages, units, users } from '../db/schema/index.ts';
import { buildPersonSearchDocument } from '../queries/users.ts';
import { hashPassword } from '../services/crypto.ts';

export const testPassword = 'correct horse battery staple';
let passwordHash: Promise<string> | undefined;

let sequence = 0;
const next = () => `${Date.now().toString(36)}${(sequence++).toString(36)}`;

export interface UserOverrides {
  email?: string;
  displayName?: string;
  role?: UserRole;
  confirmed?: boolean;
  suspended?: boolean;
  expertise?: string[];
  interests?: string[];
  unitId?: string | null;
}

/** Inserts a person straight into the database (password `testPassword`, confirmed unless told). */
export async function createUser(db: Db, overrides: UserOverrides = {}) {
  passwordHash ??= hashPassword(testPassword);
  const id = next();
  const displayName = overrides.displayName ?? `Person ${id}`;
  const expertise = overrides.expertise ?? [];
  const interests = overrides.interests ?? [];
  const [user] = await db
    .insert(users)
    .values({
      email: overrides.email ?? `person-${id}@example.test`,
      passwordHash: await passwordHash,
      displayName,
      role: overrides.role ?? 'member',
      emailVerifiedAt: overrides.confirmed === false ? null : new Date(),
      suspendedAt: overrides.suspended ? new Date() : null,
      expertise,
      interests,
      unitId: overrides.unitId ?? null,
      searchDocument: buildPersonSearchDocument({ displayName, expertise, interests, bio: '' }),
    })
    .returning();
  if (!user) throw new Error('createUser inserted nothing');
  return user;
}

export async function createUnit(db: Db, name = `Unit ${next()}`) {
  const [unit] = await db.insert(units).values({ name }).returning();
  if (!unit) throw new Error('createUnit inserted nothing');
  return unit;
}

/** Signs in through the API and returns the cookie header to send with later requests. */
export async function signInAs(app: App, email: string, password = testPassword): Promise<string> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/auth/signin',
    payload: { email, password },
  });
  if (response.statusCode !== 200) throw new Error(`sign-in failed: ${response.statusCode} ${response.body}`);
  const cookie = response.cookies.find((c) => c.name === 'copse_session');
  if (!cookie) throw new Error('no session cookie');
  return `copse_session=${cookie.value}`;
}

/** A person of the given role, signed in; returns the row and the cookie. */
export async function signedInUser(app: App, overrides: UserOverrides = {}) {
  const user = await createUser(app.deps.database.db, overrides);
  return { user, cookie: await signInAs(app, user.email) };
}

/** The newest email sent to an address, and the first link in it. */
export async function latestEmailTo(db: Db, address: string) {
  const [message] = await db
    .select()
    .from(mailMessages)
    .where(eq(mailMessages.toAddress, address))
    .orderBy(sql`${mailMessages.createdAt} desc`)
    .limit(1);
  const link = message?.textBody.match(/https?:\/\/\S+/)?.[0];
  return { message, link, token: link ? new URL(link).searchParams.get('token') : null };
}
