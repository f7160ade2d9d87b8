import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { escapeExceptMarks } from '../../presenters/communities.ts';
import { type SearchRow, searchEverything } from '../../queries/search.ts';
import { errorResponses } from '../shared-schemas.ts';
import { searchQuery, searchResponse } from './schema.ts';

/**
 * A snippet of Markdown as plain text: links and images keep their text, emphasis, code and heading
 * marks go. (The <mark> tags around matched words stay; everything is escaped after this.)
 */
export function plainSnippet(text: string): string {
  return text
    .replace(/!?\[([^\]]*)\]\([^)]*\)?/g, '$1')
    .replace(/(\*\*|__|\*|`+|~~)/g, '')
    .replace(/(^|\n)\s*(#{1,6}|>|[-+]|\d+\.)\s+/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Where a result lives in the web app. */
function urlOf(row: SearchRow): string {
  switch (row.kind) {
    case 'community':
      return `/communities/${row.communitySlug ?? ''}`;
    case 'thread':
      return `/discussions/${row.id}`;
    case 'reply':
      return `/discussions/${row.threadId ?? ''}#post-${row.id}`;
    case 'resource':
      return `/resources/${row.id}`;
    case 'person':
      return `/people/${row.id}`;
  }
}

export const searchRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/search',
    {
      schema: {
        tags: ['search'],
        summary:
          'One search over communities, discussions, replies, Toolkit resources and people (websearch syntax: "phrase", OR, -word), ranked, with marked snippets; only what you may read.',
        querystring: searchQuery,
        response: { 200: searchResponse, ...errorResponses },
      },
    },
    async (request) => {
      const { rows, counts } = await searchEverything(app.deps.database.db, request.actor, request.query);
      return {
        data: rows.map((row) => ({
          kind: row.kind,
          id: row.id,
          title: row.title,
          snippet: escapeExceptMarks(plainSnippet(row.snippet)),
          url: urlOf(row),
          community:
            row.communitySlug && row.communityName !== null
              ? { slug: row.communitySlug, name: row.communityName }
              : null,
          rank: row.rank,
        })),
        counts,
      };
    },
  );
};
