/**
 * What the community scenarios showed when they were added (23 November 2026): where the time goes,
 * what was changed, and what the queries cannot fix. Figures from runs at a load average of 1–2.
 */
export const communityFindings = [
  '## Communities: where the time goes (findings of 23 November 2026)',
  '',
  '- CPU per request, measured over a run (the server process, and the `copse_bench` backends in /proc):',
  '  `/api/me` 0.23 ms in Node and 0.13 ms in PostgreSQL; directory first page 0.6 and 0.6–0.8 ms;',
  '  directory search 0.5 and 1.0 ms; community home 0.4 and 0.3 ms. Node, PostgreSQL and autocannon',
  '  share two cores, so about 1.3 ms of CPU a request caps a route near 1,200 req/s, and 50 connections',
  '  then wait about 40 ms on average (50 / 1,200 s) with a p99 near 70 ms. The p99 target needs about',
  '  1,500 req/s, i.e. under 1 ms of CPU a request.',
  '- Every round trip to PostgreSQL costs about 0.1 ms of CPU on each side (socket write, wake-up) on top',
  '  of the query: the directory makes three (session, page, leaders), the home two, `/api/me` one.',
  '- Changed in server/queries/communities.ts: the directory runs as named prepared statements, one per',
  '  shape (who asks, filters, sort, cursor, page size), with the page size written into the SQL: with',
  '  `limit $n` PostgreSQL cannot cost a generic plan and planned the statement on every execution',
  '  (pgbench, first page: 6,500 → 18,500 executions/s). The leaders of a page are one prepared',
  '  statement; by relevance the rank is computed once per row and the words parsed once per query;',
  '  the unit name is a subquery, looked up after the limit for the page only, not for every match',
  '  (pgbench, "learning": 675 → 920 executions/s).',
  '- Not fixable in the queries, measured by hand on `copse_bench`:',
  '  - Leaders in the directory query (a json_agg subquery, as the home page does; a route change) save',
  '    one round trip: +7–9% req/s for the directory and its search.',
  '  - `communities.search` is stored out of line (TOAST): rows are about 2.2 KB, as search_document',
  '    repeats the purpose and description, so matching and ranking fetch each candidate from the TOAST',
  '    table. `ALTER TABLE communities ALTER COLUMN search SET STORAGE MAIN` (a custom migration;',
  '    drizzle-kit cannot express storage) makes the ranking query 2.5–3 times faster and the search',
  '    scenario about 10% faster. For rare words, `ts_headline` is half of the query.',
  '  - The home renders the description and five charter sections from Markdown on every request, about',
  '    15% of the server’s CPU for that route; rendered HTML cached by source (or stored on write) saves it.',
  '  - The home’s 30% of the bare route is out of reach for any query: the bare server doing one',
  '    primary-key SELECT reaches 26–29%, `/api/me` (session and profile in one query) 15%, and the home',
  '    needs a session lookup, its query, Markdown and a 5 KB answer.',
  '',
];

/** What the meeting scenarios showed when they were added (filled in after the first runs). */
export const meetingFindings: string[] = [];
