import { rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { createPgliteTemplate } from '../db/client.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string;
  }
}

/**
 * Runs once before the suite. On PGlite, builds one migrated database and dumps it to a file that every
 * test file starts from: initialising PGlite costs seconds, loading a dump under one.
 */
export default async function setup(project: TestProject): Promise<undefined | (() => Promise<void>)> {
  if (process.env.TEST_DATABASE_URL) {
    console.log(`API tests run on PostgreSQL (${process.env.TEST_DATABASE_URL})`);
    project.provide('pgliteTemplate', '');
    return undefined;
  }
  console.log('API tests run on PGlite in memory');
  const file = path.join(tmpdir(), `copse-pglite-template-${process.pid}.tar`);
  const dump = await createPgliteTemplate();
  await writeFile(file, Buffer.from(await dump.arrayBuffer()));
  project.provide('pgliteTemplate', file);
  return async () => {
    await rm(file, { force: true });
  };
}
