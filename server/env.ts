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
   * The application's secret (at least 32 characters), from which the key that encrypts two-factor
   * secrets is derived. Unset: a random one is made in DATA_DIR/app-secret on first start. Every process
   * of one installation needs the same one.
   */
  APP_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  WORKERS: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true'),
});

export type Env = z.infer<typeof envSchema> & { publicUrl: string };

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
  const publicUrl = (env.PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, '');
  return { ...env, publicUrl };
}

export function loadEnvOrExit(): Env {
  try {
    return parseEnv(process.env);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
