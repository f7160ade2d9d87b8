import { createCipheriv, createDecipheriv, createHash, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { hash, verify } from '@node-rs/argon2';

/** A new random 256-bit token, URL-safe. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** How tokens are stored: SHA-256, so the database never holds a usable token. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

// OWASP's argon2id recommendation: m=19 MiB, t=2, p=1.
// algorithm 2 is Algorithm.Argon2id (a const enum, which verbatimModuleSyntax cannot import).
const argonOptions = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return hash(password, argonOptions);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;
/** Spends the same time as a real check, so a missing account cannot be told apart by timing. */
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummyHash ??= hashPassword('not-a-real-password-for-timing');
  await verifyPassword(await dummyHash, password);
  return false;
}

// ── Secrets kept encrypted (two-factor secrets) ───────────────────────────────────────────────────

const keyFileName = 'app-secret';
const keys = new Map<string, Buffer>();

/**
 * The application's secret key, 32 bytes: derived from `APP_SECRET` when it is set, otherwise read from
 * `DATA_DIR/app-secret`, which is made (random, mode 0600) on first use. Several processes, or a data
 * folder that is not shared, need APP_SECRET: every process must hold the same key.
 */
export function appKey(env: { APP_SECRET?: string | undefined; DATA_DIR: string }): Buffer {
  const source = env.APP_SECRET ? `env:${env.APP_SECRET}` : `file:${path.resolve(env.DATA_DIR)}`;
  const known = keys.get(source);
  if (known) return known;
  let secret: Buffer;
  if (env.APP_SECRET) {
    secret = Buffer.from(env.APP_SECRET, 'utf8');
  } else {
    const file = path.join(env.DATA_DIR, keyFileName);
    if (!existsSync(file)) {
      mkdirSync(env.DATA_DIR, { recursive: true });
      try {
        writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600, flag: 'wx' });
      } catch (error) {
        // Another process made it first: read theirs.
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
    }
    secret = Buffer.from(readFileSync(file, 'utf8').trim(), 'utf8');
  }
  const key = Buffer.from(hkdfSync('sha256', secret, 'copse', 'copse app key v1', 32));
  keys.set(source, key);
  return key;
}

/** A sub-key of the application key for one purpose, so no two uses share a key. */
function purposeKey(key: Buffer, purpose: string): Buffer {
  return createHmac('sha256', key).update(`purpose:${purpose}`).digest();
}

/** Encrypts `plain` with AES-256-GCM under the application key: `v1.<iv>.<tag>.<ciphertext>` (base64url). */
export function encryptSecret(key: Buffer, plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', purposeKey(key, 'encrypt'), iv);
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return ['v1', iv, cipher.getAuthTag(), body]
    .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
    .join('.');
}

/** Reverses `encryptSecret`; throws when the text was changed or another key encrypted it. */
export function decryptSecret(key: Buffer, sealed: string): string {
  const [version, iv, tag, body] = sealed.split('.');
  if (version !== 'v1' || !iv || !tag || body === undefined) throw new Error('not an encrypted secret');
  const decipher = createDecipheriv('aes-256-gcm', purposeKey(key, 'encrypt'), Buffer.from(iv, 'base64url'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
}

/**
 * A keyed hash (HMAC-SHA-256 under the application key) for short secrets such as recovery codes: a copy
 * of the database alone is not enough to try every code offline.
 */
export function keyedHash(key: Buffer, value: string): string {
  return createHmac('sha256', purposeKey(key, 'hash')).update(value).digest('hex');
}
