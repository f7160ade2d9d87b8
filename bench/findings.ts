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

/**
 * What the meeting scenarios showed when they were added (23 November 2026): before-and-after figures
 * from runs that shared the machine with browser tests (load average 6–10).
 */
export const meetingFindings = [
  '## Meetings: where the time goes (findings of 23 November 2026)',
  '',
  '- The runs before and after each change shared the two cores with browser tests (load average 6–10),',
  '  so their figures are lower than the machine can do (compare rows of one run, not runs): calendar',
  '  page 139 → 432 → 1,053 req/s (p99 494 → 254 → 99 ms), community meetings 549 → 455 → 1,090',
  '  (p99 135 → 215 → 70 ms), member feed 50 → 150 → 241 (p99 1,264 → 574 → 333 ms).',
  '- The calendar and the member feed asked for `community_id in (their communities) or id in (their',
  '  answers)`. PostgreSQL cannot use an index for an OR of two subqueries: it read all 20,000 meetings (a',
  '  parallel sequential scan, ~13 ms, growing with the table). Changed (server/queries/meeting-lists.ts,',
  '  meeting-feeds.ts) to one IN over a UNION ALL: their communities’ meetings in the window through',
  '  meetings_community_start_idx, their answers through meeting_rsvps_user_idx, ~1 ms; the same rows',
  '  (checked for 300 members).',
  '- Both meeting lists planned their query on every request (2.5–3 ms of planning under EXPLAIN ANALYZE,',
  '  as much as running it). They now run as named prepared statements, one per shape (list, scope,',
  '  upcoming or past, cursor, page size written into the SQL), as the directory does.',
  '- Writing the member’s feed (140 meetings, 130 KB) costs 7–8 ms of Node CPU: ical-generator folds',
  '  every line character by character (~2.6 ms) and luxon asks Intl for zone offsets (~2 ms). Files are',
  '  now remembered by a SHA-256 of everything they are made of (server/services/meetings/calendar-file.ts,',
  '  16 M characters, least recently used first; DTSTAMP stays that of the first request): an unchanged',
  '  feed costs ~1 ms of hashing instead.',
  '- The feed still costs about 5 ms of Node CPU a request: parsing and mapping 140 rows with their',
  '  descriptions (~1.7 ms), hashing them (~1.4 ms), writing 130 KB (~1.6 ms). Its p99 target needs about',
  '  600 req/s, out of reach while every request reads and sends the whole feed. What would reach it',
  '  (route changes, not made): an ETag from a fingerprint computed in SQL (the rows’ ids, updated_at,',
  '  answers, community names, series) answering 304 to If-None-Match, as calendar apps poll with',
  '  conditional requests, and skipping the rows when it matches; the remembered file sent as a Buffer.',
  '- Directory cards’ next meeting is one probe of meetings_community_start_idx per card (about 0.4 ms',
  '  of PostgreSQL time for 25 cards under EXPLAIN ANALYZE).',
  '- The seed takes about 9 s more on a quiet machine (5.7 → 14.6 s; 30 s when busy): 2 s to generate',
  '  (faker, and rrule and luxon expanding some 750 series in wall-clock time), the rest inserting',
  '  300,000 RSVPs through three indexes and two foreign keys.',
  '',
];

/** What the knowledge-sharing scenarios showed when they were added (4 December 2026). */
export const knowledgeFindings: string[] = [];
