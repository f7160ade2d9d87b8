// Makes the migrated PGlite dump a new data folder starts from (server/db/pglite-template.ts); run by
// `npm ci` (postinstall), so the first `npm start` of a fresh install skips PGlite's initdb.
import { savePgliteTemplate } from '../server/db/pglite-template.ts';

const started = performance.now();
const file = await savePgliteTemplate();
console.log(`PGlite template ready in ${((performance.now() - started) / 1000).toFixed(1)} s: ${file}`);
