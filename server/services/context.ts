import type { AppDeps } from '../app.ts';

/** What a service needs from the application: the database handle, the job queue and settings. */
export type ServiceDeps = Pick<AppDeps, 'database' | 'jobs' | 'env' | 'storage'>;
