import path from 'node:path';

/**
 * The port the journeys' server listens on (E2E_PORT, 3210 by default). Each port has its own data
 * folder and PostgreSQL database, so two runs on one machine (a developer's and CI's) never share them.
 */
export const e2ePort = Number(process.env.E2E_PORT ?? 3210);

/** The run's data folder, emptied when the journeys' server starts. */
export const e2eDataDir = path.resolve(import.meta.dirname, '../../.e2e-data', `port-${e2ePort}`);

/** The run's PostgreSQL database (with TEST_DATABASE_URL), dropped and created when the server starts. */
export const e2eDatabaseName = `copse_e2e_${e2ePort}`;
