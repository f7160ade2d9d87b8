import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const keys = new Map<string, Buffer>();

/** Where the secret key comes from: the environment's SECRET_KEY, else a file in the data folder. */
export interface SecretKeySource {
  SECRET_KEY?: string | undefined;
  DATA_DIR: string;
}

const secretKeyFile = (env: SecretKeySource) => path.resolve(env.DATA_DIR, 'secret.key');

/**
 * The key secrets are sealed with (identity providers' client secrets, two-factor secrets): the SHA-256 of `SECRET_KEY` when set (needed when several processes
 * on several machines share one database), else a random key kept in `DATA_DIR/secret.key` (made on
 * first use, readable by its owner only).
 */
export function secretKey(env: SecretKeySource): Buffer {
  if (env.SECRET_KEY) return createHash('sha256').update(env.SECRET_KEY).digest();
  const file = secretKeyFile(env);
  const known = keys.get(file);
  if (known) return known;
  let text: string;
  try {
    text = readFileSync(file, 'utf8').trim();
  } catch {
    mkdirSync(path.dirname(file), { recursive: true });
    try {
      writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600, flag: 'wx' });
    } catch {
      // Another process made it first: use theirs.
    }
    text = readFileSync(file, 'utf8').trim();
  }
  const key = createHash('sha256').update(text).digest();
  keys.set(file, key);
  return key;
}

/** Encrypts `plain` with AES-256-GCM: `v1.<iv>.<tag>.<ciphertext>`, base64url. */
export function seal(key: Buffer, plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return ['v1', iv, cipher.getAuthTag(), body]
    .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
    .join('.');
}

/** Decrypts what `seal` made with the same key; throws when it was made with another or changed. */
export function unseal(key: Buffer, sealed: string): string {
  const [version, iv, tag, body] = sealed.split('.');
  if (version !== 'v1' || !iv || !tag || body === undefined) throw new Error('not a sealed secret');
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
}

/**
 * A keyed hash (HMAC-SHA-256 under a sub-key of `key`) for short secrets such as recovery codes: a copy
 * of the database alone is not enough to try every code offline.
 */
export function keyedHash(key: Buffer, value: string): string {
  const hashKey = createHmac('sha256', key).update('purpose:hash').digest();
  return createHmac('sha256', hashKey).update(value).digest('hex');
}

/** A fingerprint of the key (not the key): whether two installations seal with the same one. */
export function secretKeyCheck(key: Buffer): string {
  return createHmac('sha256', key).update('purpose:check').digest('hex').slice(0, 32);
}

/**
 * What a backup carries of the key: its fingerprint, and the key file's text when the key is the data
 * folder's (with SECRET_KEY set, the environment keeps it and the backup does not).
 */
export function secretKeyForBackup(env: SecretKeySource): { check: string; file?: string } {
  const check = secretKeyCheck(secretKey(env));
  if (env.SECRET_KEY) return { check };
  return { check, file: readFileSync(secretKeyFile(env), 'utf8').trim() };
}

/** Puts a backed-up key file into the data folder (replacing the one there), as a restore does. */
export function installSecretKeyFile(env: SecretKeySource, text: string): void {
  const file = secretKeyFile(env);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text, { mode: 0o600 });
  keys.delete(file);
}
