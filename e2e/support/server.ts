// Starts Copse for the browser journeys on a fresh data folder (PGlite) or, with TEST_DATABASE_URL, on a
// fresh PostgreSQL database, then hands over to the normal entry point.
import { rmSync } from 'node:fs';
import pg from 'pg';
import { e2eDatabaseName, e2eDataDir } from './run-data.ts';

rmSync(e2eDataDir, { recursive: true, force: true });
process.env.DATA_DIR = e2eDataDir;

const serverUrl = process.env.TEST_DATABASE_URL;
if (serverUrl) {
  const name = e2eDatabaseName;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  process.env.DATABASE_URL = url.toString();
}

await import('../../server/main.ts');
