import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { searchQuery, searchResponse } from '../../../common/contracts/search.ts';
import { errorResponses } from '../../../common/contracts/shared.ts';
import { isAllowed } from '../../policies/decision.ts';
import { mayBrowsePeople } from '../../policies/people.ts';
import { presentSearchResult } from '../../presenters/search.ts';
import { searchEverything } from '../../queries/search.ts';

export const searchRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/search',
    {
      schema: {
        tags: ['search'],
        summary:
          'One search over communities, discussions, replies, Toolkit resources and people (websearch syntax: "phrase", OR, -word; English, Dutch and Italian word forms, accents optional), by best match (ranked over every match; a very common word over its 200 newest matches) or newest first (`sort`), with marked snippets and counts up to 1,000, paged by `nextCursor`; only what you may read.',
        querystring: searchQuery,
        response: { 200: searchResponse, ...errorResponses },
      },
    },
    async (request) => {
      const { rows, counts, countsCapped, nextCursor } = await searchEverything(
        app.deps.database.db,
        request.actor,
        {
          ...request.query,
          withPeople: isAllowed(mayBrowsePeople(request.actor)),
        },
      );
      return {
        data: rows.map((row) => presentSearchResult(row, request.query.q)),
        counts,
        countsCapped,
        nextCursor,
      };
    },
  );
};
