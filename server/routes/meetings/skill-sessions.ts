import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  meetingParams,
  meetingSkillsBody,
  skillSessionSchema,
  skillSessionsQuery,
} from '../../../common/contracts/meetings.ts';
import { dataOf, errorResponses, okBody } from '../../../common/contracts/shared.ts';
import { requireActor } from '../../plugins/auth.ts';
import { findSkillSessions, tagSkillSession } from '../../services/meetings/skill-sessions.ts';

const tags = ['meetings'];

/** Skill-building sessions (#18 §5): tagging a meeting, and finding the upcoming sessions by skill. */
export const skillSessionRoutes: FastifyPluginAsyncZod = async (app) => {
  app.put(
    '/meetings/:id/skills',
    {
      schema: {
        tags,
        summary:
          'Those who may edit the meeting: tag it (this occurrence) as a skill-building session and name the skills it builds, or untag it.',
        params: meetingParams,
        body: meetingSkillsBody,
        response: { 200: okBody, ...errorResponses },
      },
    },
    async (request) => {
      await tagSkillSession(app.deps, requireActor(request), request.params.id, request.body);
      return { data: { ok: true as const } };
    },
  );

  app.get(
    '/skill-sessions',
    {
      schema: {
        tags,
        summary:
          'Upcoming skill-building sessions you may see: for one skill, or for your expertise and interests ("Sessions for your skills").',
        querystring: skillSessionsQuery,
        response: { 200: dataOf(z.array(skillSessionSchema)), ...errorResponses },
      },
    },
    async (request) => ({
      data: await findSkillSessions(app.deps, requireActor(request), request.query.skill),
    }),
  );
};
