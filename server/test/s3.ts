import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { S3Settings } from '../env.ts';

const root = path.resolve(import.meta.dirname, '../..');
const node = path.join(root, 'node_modules/.bin/node');

export interface S3TestServer {
  endpoint: string;
  bucket: string;
  /** Settings for the bucket, with the server's fixed credentials and an optional folder prefix. */
  settings: (prefix?: string) => S3Settings;
  /** The environment a Copse process needs to use the bucket (STORAGE=s3 and the S3_ variables). */
  env: (prefix?: string) => Record<string, string>;
  close: () => Promise<void>;
}

/** Starts s3rver (an S3-compatible server) in its own process on a loopback port, over a temp folder. */
export async function startS3Server(bucket = 'copse-test'): Promise<S3TestServer> {
  const folder = await mkdtemp(path.join(tmpdir(), 'copse-s3-'));
  const child = spawn(
    node,
    ['--openssl-legacy-provider', path.join(root, 'server/test/s3rver-process.ts'), folder, bucket],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const port = await new Promise<number>((resolve, reject) => {
    if (!child.stdout) throw new Error('no stdout');
    const lines = createInterface({ input: child.stdout });
    lines.once('line', (line) => resolve((JSON.parse(line) as { port: number }).port));
    child.once('exit', (code) => reject(new Error(`s3rver exited with ${code} before listening`)));
  });
  const endpoint = `http://127.0.0.1:${port}`;
  // s3rver takes any key pair whose id it knows: S3RVER / S3RVER.
  const credentials = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };
  const settings = (prefix = ''): S3Settings => ({
    bucket,
    region: 'us-east-1',
    endpoint,
    forcePathStyle: true,
    credentials,
    prefix,
  });
  return {
    endpoint,
    bucket,
    settings,
    env: (prefix = '') => ({
      STORAGE: 's3',
      S3_BUCKET: bucket,
      S3_REGION: 'us-east-1',
      S3_ENDPOINT: endpoint,
      S3_FORCE_PATH_STYLE: 'true',
      S3_ACCESS_KEY_ID: credentials.accessKeyId,
      S3_SECRET_ACCESS_KEY: credentials.secretAccessKey,
      ...(prefix ? { S3_PREFIX: prefix } : {}),
    }),
    async close() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
      await rm(folder, { recursive: true, force: true });
    },
  };
}
