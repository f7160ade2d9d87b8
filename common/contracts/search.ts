import { z } from 'zod';
import { personSummarySchema } from './shared.ts';

export const searchKinds = ['community', 'thread', 'reply', 'resource', 'person'] as const;
export type SearchKind = (typeof searchKinds)[number];
/** Best match (rank over every match) or newest first. */
export const searchSorts = ['relevance', 'newest'] as const;

export const searchQuery = z.object({
  /** websearch syntax: "quoted phrase", OR, -word. */
  q: z.string().trim().min(1, 'validation.search.required').max(200),
  kind: z.enum(searchKinds).optional(),
  /** Only this community's discussions (and the community itself). */
  community: z
    .string()
    .max(80)
    .regex(/^[a-z0-9-]+$/, 'validation.community.address')
    .optional(),
  /** `relevance` ("Best match": ranked over every match, the default) or `newest` (newest first). */
  sort: z
    .enum(searchSorts, { message: 'validation.search.sort' })
    .default('relevance')
    .describe(
      '`relevance` ("Best match", the default): ranked over every match, however old; `newest`: newest first. A cursor belongs to its sort.',
    ),
  /** `nextCursor` of the previous page (same words, kind, community and sort). */
  cursor: z.string().max(300).optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});

/** A person found: their card, and which of their expertise tags the words matched. */
export const searchPersonSchema = personSummarySchema.extend({ matchedExpertise: z.array(z.string()) });

export const searchResultSchema = z.object({
  kind: z.enum(searchKinds),
  id: z.string(),
  title: z.string(),
  /** HTML-escaped text with <mark> around the matched words. */
  snippet: z.string(),
  /** Where the result is in the web app. */
  url: z.string(),
  community: z.object({ slug: z.string(), name: z.string() }).nullable(),
  rank: z.number(),
  /** For people: their card (name, pronouns, kind, unit, photo, expertise). */
  person: searchPersonSchema.nullable(),
});

export const searchResponse = z.object({
  data: z.array(searchResultSchema),
  /** The next page of the same search (same words, kind and community), or null on the last page. */
  nextCursor: z.string().nullable(),
  /**
   * How many of each kind matched (for the filter tabs), counted up to 1,000: paging through a kind
   * (or all) gives exactly this many results unless `countsCapped` says there are more.
   */
  counts: z.object({
    community: z.number(),
    thread: z.number(),
    reply: z.number(),
    resource: z.number(),
    person: z.number(),
  }),
  /** The kinds with more matches than their count (shown as "1,000+"); counting them all is too slow. */
  countsCapped: z
    .object({
      community: z.boolean(),
      thread: z.boolean(),
      reply: z.boolean(),
      resource: z.boolean(),
      person: z.boolean(),
    })
    .describe('Per kind: there are more matches than its count, which stops at 1,000 ("1,000+").'),
});
