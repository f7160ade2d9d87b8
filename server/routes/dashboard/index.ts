import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { slugParams } from '../../../common/contracts/communities.ts';
import {
  dashboardQuery,
  dashboardRulesBody,
  dashboardRulesSchema,
  dashboardSchema,
  myActivitySchema,
  portfolioQuery,
  portfolioSchema,
} from '../../../common/contracts/dashboard.ts';
import { cursorQuery, dataOf, errorResponses, listOf } from '../../../common/contracts/shared.ts';
import { requireActor } from '../../plugins/auth.ts';
import { changeDashboardRules, getDashboardRules } from '../../services/dashboard/dashboard-rules.ts';
import { exportDashboard } from '../../services/dashboard/export-dashboard.ts';
import { exportPortfolio } from '../../services/dashboard/export-portfolio.ts';
import { getDashboard } from '../../services/dashboard/get-dashboard.ts';
import { getPortfolio } from '../../services/dashboard/get-portfolio.ts';
import { getMyActivity } from '../../services/dashboard/my-activity.ts';

const tags = ['dashboard'];
const csvHeaders = { 'Cache-Control': 'private, no-store' };

/** The community health dashboard, the coordinators' portfolio and "what Copse records about me" (#17). */
export const dashboardRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/communities/:slug/dashboard',
    {
      schema: {
        tags,
        summary:
          'Leaders, co-leaders, sponsors and coordinators: the community’s health for a range of UTC days (the last 90 by default, at most 366) against the previous period; members: a summary.',
        params: slugParams,
        querystring: dashboardQuery,
        response: { 200: dataOf(dashboardSchema), ...errorResponses },
      },
    },
    async (request) => ({
      data: await getDashboard(app.deps, requireActor(request), request.params.slug, request.query),
    }),
  );

  app.get(
    '/communities/:slug/dashboard.csv',
    {
      schema: {
        tags,
        summary:
          'Leaders and coordinators: the dashboard’s figures, series and splits as CSV (small groups left empty).',
        params: slugParams,
        querystring: dashboardQuery,
        produces: ['text/csv'],
      },
    },
    async (request, reply) => {
      const csv = await exportDashboard(app.deps, requireActor(request), request.params.slug, request.query);
      return reply
        .type('text/csv; charset=utf-8')
        .headers(csvHeaders)
        .header('Content-Disposition', `attachment; filename="dashboard-${request.params.slug}.csv"`)
        .send(csv);
    },
  );

  app.get(
    '/portfolio',
    {
      schema: {
        tags,
        summary:
          'Coordinators: every community with its stage, size, participation and trend, last meeting, open support requests and flags (dormant, leaderless, growing), filtered and sorted; the institution’s reach.',
        querystring: portfolioQuery,
        response: { 200: dataOf(portfolioSchema), ...errorResponses },
      },
    },
    async (request) => ({ data: await getPortfolio(app.deps, requireActor(request), request.query) }),
  );

  app.get(
    '/portfolio.csv',
    {
      schema: {
        tags,
        summary: 'Coordinators: the portfolio, as filtered and sorted, as CSV.',
        querystring: portfolioQuery,
        produces: ['text/csv'],
      },
    },
    async (request, reply) => {
      const csv = await exportPortfolio(app.deps, requireActor(request), request.query);
      return reply
        .type('text/csv; charset=utf-8')
        .headers(csvHeaders)
        .header('Content-Disposition', 'attachment; filename="portfolio.csv"')
        .send(csv);
    },
  );

  app.get(
    '/portfolio/rules',
    {
      schema: {
        tags,
        summary:
          'Coordinators: the rules of the portfolio’s flags (dormant after how many days, growing by what share).',
        response: { 200: dataOf(dashboardRulesSchema), ...errorResponses },
      },
    },
    async (request) => ({ data: await getDashboardRules(app.deps, requireActor(request)) }),
  );

  app.put(
    '/portfolio/rules',
    {
      schema: {
        tags,
        summary: 'Administrators: change the rules of the portfolio’s flags.',
        body: dashboardRulesBody,
        response: { 200: dataOf(dashboardRulesSchema), ...errorResponses },
      },
    },
    async (request) => ({ data: await changeDashboardRules(app.deps, requireActor(request), request.body) }),
  );

  app.get(
    '/me/activity',
    {
      schema: {
        tags,
        summary: 'What Copse records about me: my own entries in the event log, newest first.',
        querystring: cursorQuery,
        response: { 200: listOf(myActivitySchema), ...errorResponses },
      },
    },
    async (request) => getMyActivity(app.deps, requireActor(request), request.query),
  );
};
