import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { markdownToPlainText } from '../../../common/plain-text.ts';
import { escapeExceptMarks } from '../../presenters/communities.ts';
import { type SearchRow, searchEverything } from '../../queries/search.ts';
import { errorResponses } from '../shared-schemas.ts';
import { searchQuery, searchResponse } from './schema.ts';

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
          snippet: escapeExceptMarks(markdownToPlainText(row.snippet)),
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
