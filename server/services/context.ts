import type { Database } from '../db/client.ts';
import type { Env } from '../env.ts';
import type { Jobs } from '../jobs/queue.ts';
import type { Storage } from '../lib/storage.ts';

/**
 * What a service needs from the application: the database handle, the job queue, settings and file
 * storage. The application's own dependencies (server/app.ts) extend it, so services never import the app.
 */
export interface ServiceDeps {
  env: Env;
  database: Database;
  jobs: Jobs;
  storage: Storage;
}
