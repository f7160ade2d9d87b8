import path from 'node:path';
import { z } from 'zod';

/** Every setting Copse reads from the environment, with safe defaults for local use. */
const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
    .optional(),
  MAIL_FROM: z.string().min(3).default('Copse <copse@localhost>'),
  PUBLIC_URL: z.url().optional(),
  TRUST_PROXY: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Largest Toolkit upload, in megabytes. */
  UPLOAD_MAX_MB: z.coerce.number().int().min(1).max(1024).default(25),
  /**
   * Where uploads are received (streamed to disk and checked) before they are stored; DATA_DIR/tmp
   * when unset. On the same file system as DATA_DIR, an accepted file is moved, not copied.
   */
  UPLOAD_TMP_DIR: z.string().min(1).optional(),
  /**
   * A request whose headers or body send nothing for this long is dropped (408): slow senders cannot
   * hold connections open. Milliseconds.
   */
  REQUEST_IDLE_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(30_000),
  /**
   * A session with no request for this many minutes ends (besides the 30-day limit); the web app warns
   * two minutes before and lets the person stay signed in (WCAG 2.2.1). Administrators get their own,
   * shorter time-out: their sessions can change everyone's.
   */
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(5).max(43_200).default(480),
  ADMIN_SESSION_IDLE_MINUTES: z.coerce.number().int().min(5).max(43_200).default(30),
  /**
   * Seals secrets kept in the database (identity providers' client secrets, two-factor secrets) and keys
   * the hashes of recovery codes. Unset: a random key made in DATA_DIR/secret.key on first use (backups
   * carry it). Set it (32 characters or more, the same everywhere) when processes do not share DATA_DIR.
   */
  SECRET_KEY: z.string().min(32, 'must be at least 32 characters').optional(),
  WORKERS: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true'),
  /**
   * Where uploaded files live: `disk` (DATA_DIR/uploads, one machine or a shared volume) or `s3` (an
   * S3-compatible bucket: AWS S3, MinIO, Ceph, Garage…), which several processes can share.
   */
  STORAGE: z.enum(['disk', 's3']).default('disk'),
  S3_BUCKET: z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{1,254}$/, 'must be a bucket name (letters, digits, dots, hyphens)')
    .optional(),
  S3_REGION: z.string().min(1).optional(),
  /** For S3-compatible servers other than AWS (MinIO, Ceph, Garage…): their URL. */
  S3_ENDPOINT: z
    .url()
    .regex(/^https?:\/\//, 'must start with http:// or https://')
    .optional(),
  /** Bucket in the path (`https://host/bucket/key`) rather than the host name; most servers but AWS want it. */
  S3_FORCE_PATH_STYLE: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  /** When both are unset the AWS SDK's default chain is used (AWS_* variables, profile, instance role). */
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  /** A folder inside the bucket for Copse's files, so one bucket can hold several installations. */
  S3_PREFIX: z
    .string()
    .regex(/^[a-z0-9][a-z0-9/_-]*$/, 'must be lowercase letters, digits, "/", "_" or "-" (e.g. copse/)')
    .refine((v) => !v.includes('//'), 'must not contain "//"')
    .optional(),
  /** Where scheduled backups (and `npm run backup` without --out) are written; DATA_DIR/backups when unset. */
  BACKUP_DIR: z.string().min(1).optional(),
  /**
   * When the scheduled backup runs: a cron expression (five fields, UTC) or `off`. Daily at 03:00 UTC by
   * default.
   */
  BACKUP_SCHEDULE: z
    .string()
    .trim()
    .regex(/^(off|(\S+\s+){4}\S+)$/, 'must be a cron expression of five fields (e.g. 0 3 * * *) or off')
    .default('0 3 * * *'),
  /** How many backups BACKUP_DIR keeps: after each backup, older ones beyond this count are deleted. */
  BACKUP_KEEP: z.coerce.number().int().min(1).max(1000).default(7),
});

type ParsedEnv = z.infer<typeof envSchema>;

/** The S3-compatible bucket Copse stores uploads in (STORAGE=s3). */
export interface S3Settings {
  bucket: string;
  region: string;
  endpoint?: string;
  forcePathStyle: boolean;
  /** Undefined: the AWS SDK's default credential chain. */
  credentials?: { accessKeyId: string; secretAccessKey: string };
  /** '' or a folder ending in '/', put before every key. */
  prefix: string;
}

export type StorageSettings = { kind: 'disk' } | ({ kind: 's3' } & S3Settings);

export type Env = ParsedEnv & { publicUrl: string; storage: StorageSettings };

const s3Variables = [
  'S3_BUCKET',
  'S3_REGION',
  'S3_ENDPOINT',
  'S3_ACCESS_KEY_ID',
  'S3_SECRET_ACCESS_KEY',
  'S3_PREFIX',
] as const;

/** The storage settings, or the problems with them, one line each (STORAGE=s3 needs a bucket…). */
function storageSettings(env: ParsedEnv): StorageSettings | string[] {
  if (env.STORAGE === 'disk') {
    // Files written to the local folder while the operator meant a bucket would be lost to the others.
    const stray = s3Variables.filter((name) => env[name] !== undefined);
    return stray.length === 0
      ? { kind: 'disk' }
      : stray.map((name) => `  ${name}: is set but STORAGE is disk; set STORAGE=s3 to use the bucket`);
  }
  const problems: string[] = [];
  if (!env.S3_BUCKET) problems.push('  S3_BUCKET: required when STORAGE=s3');
  if (!env.S3_REGION)
    problems.push('  S3_REGION: required when STORAGE=s3 (e.g. eu-west-1, or us-east-1 for MinIO)');
  if (Boolean(env.S3_ACCESS_KEY_ID) !== Boolean(env.S3_SECRET_ACCESS_KEY))
    problems.push(
      `  ${env.S3_ACCESS_KEY_ID ? 'S3_SECRET_ACCESS_KEY' : 'S3_ACCESS_KEY_ID'}: set both S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY, or neither (the AWS SDK's default chain)`,
    );
  if (problems.length > 0 || !env.S3_BUCKET || !env.S3_REGION) return problems;
  return {
    kind: 's3',
    bucket: env.S3_BUCKET,
    region: env.S3_REGION,
    ...(env.S3_ENDPOINT ? { endpoint: env.S3_ENDPOINT } : {}),
    forcePathStyle: env.S3_FORCE_PATH_STYLE,
    ...(env.S3_ACCESS_KEY_ID && env.S3_SECRET_ACCESS_KEY
      ? { credentials: { accessKeyId: env.S3_ACCESS_KEY_ID, secretAccessKey: env.S3_SECRET_ACCESS_KEY } }
      : {}),
    prefix: env.S3_PREFIX ? env.S3_PREFIX.replace(/\/*$/, '/') : '',
  };
}

/**
 * Parses the environment. Every problem is listed at once so an operator fixes them in one go;
 * `parseEnv` throws, `loadEnvOrExit` prints and exits.
 */
export function parseEnv(source: NodeJS.ProcessEnv): Env {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== ''));
  const result = envSchema.safeParse(cleaned);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const env = result.data;
  const storage = storageSettings(env);
  if (Array.isArray(storage)) throw new Error(`Invalid configuration:\n${storage.join('\n')}`);
  const publicUrl = (env.PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, '');
  return { ...env, publicUrl, storage };
}

export function loadEnvOrExit(): Env {
  try {
    return parseEnv(process.env);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}

/** Where backups go: BACKUP_DIR, else DATA_DIR/backups (absolute). */
export function backupDir(env: Pick<Env, 'BACKUP_DIR' | 'DATA_DIR'>): string {
  return path.resolve(env.BACKUP_DIR ?? path.join(env.DATA_DIR, 'backups'));
}
