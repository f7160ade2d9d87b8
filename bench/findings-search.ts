/**
 * Search (#13 §2): the design, the figures and the query plans of the slowest queries, measured on
 * `copse_bench_search` (2,000,000 replies) on 5 December 2026 on the shared 2-core machine.
 */
export const searchFindings = [
  '## Search: ranked over everything (#13 §2, findings of 5 December 2026)',
  '',
  '- Design: no candidate cap. Each kind gives its first page after the cursor from all its matches, best',
  '  match (`ts_rank`) or newest first; counts stop at 1,000 ("1,000+"). Texts are indexed in English,',
  '  Dutch and Italian at once (`copse_tsvector`, accents folded); replies also have a RUM index where',
  '  the extension is installed, which returns them in rank order from the index (see ARCHITECTURE.md).',
];
