import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { slugParams } from '../../../common/contracts/communities.ts';
import {
  addProjectMemberBody,
  changeProjectBody,
  createProjectBody,
  invitePartnerBody,
  invitePartnerResultSchema,
  milestoneDoneBody,
  myProjectsSchema,
  projectItemParams,
  projectListSchema,
  projectMemberParams,
  projectMemberRoleBody,
  projectMilestoneBody,
  projectOutputBody,
  projectParams,
  projectSchema,
  projectTaskBody,
  taskStatusBody,
} from '../../../common/contracts/projects.ts';
import { dataOf, errorResponses, idSchema, okBody } from '../../../common/contracts/shared.ts';
import { requireActor } from '../../plugins/auth.ts';
import { changeProject, createProject } from '../../services/projects/create-project.ts';
import { invitePartner } from '../../services/projects/partners.ts';
import {
  addProjectMember,
  removeProjectMember,
  setProjectMemberRole,
} from '../../services/projects/project-membership.ts';
import {
  addProjectMilestone,
  addProjectOutput,
  addProjectTask,
  markProjectMilestone,
  setProjectTaskStatus,
} from '../../services/projects/project-work.ts';
import { getProject, listMyProjects, listProjects } from '../../services/projects/read-projects.ts';

const tags = ['projects'];
const ok = { data: { ok: true as const } };

/**
 * Projects with external partners (#18 §4): private spaces inside a community with a goal, members,
 * milestones, tasks and outputs; partners invited by email see the project and nothing else of Copse.
 */
export const projectRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/communities/:slug/projects',
    {
      schema: {
        tags,
        summary: "The community's projects you may know of: all for leaders and coordinators, else your own.",
        params: slugParams,
        response: { 200: dataOf(projectListSchema), ...errorResponses },
      },
    },
    async (request) => ({ data: await listProjects(app.deps, requireActor(request), request.params.slug) }),
  );

  app.post(
    '/communities/:slug/projects',
    {
      schema: {
        tags,
        summary: 'Members: start a project (a title and a goal); you are its first lead.',
        params: slugParams,
        body: createProjectBody,
        response: { 201: dataOf(idSchema), ...errorResponses },
      },
    },
    async (request, reply) => {
      const id = await createProject(app.deps, requireActor(request), request.params.slug, request.body);
      return reply.status(201).send({ data: { id } });
    },
  );

  app.get(
    '/me/projects',
    {
      schema: {
        tags,
        summary: 'The projects you are in, across communities (what an external partner sees of Copse).',
        response: { 200: dataOf(myProjectsSchema), ...errorResponses },
      },
    },
    async (request) => ({ data: await listMyProjects(app.deps, requireActor(request)) }),
  );

  app.get(
    '/projects/:id',
    {
      schema: {
        tags,
        summary:
          "A project: its goal, members, milestones, tasks and outputs, for its members and the community's leaders.",
        params: projectParams,
        response: { 200: dataOf(projectSchema), ...errorResponses },
      },
    },
    async (request) => ({ data: await getProject(app.deps, requireActor(request), request.params.id) }),
  );

  app.patch(
    '/projects/:id',
    {
      schema: {
        tags,
        summary:
          'Leads: rename the project or reword its goal, complete it (read-only from then on) or take it up again.',
        params: projectParams,
        body: changeProjectBody,
        response: { 200: okBody, ...errorResponses },
      },
    },
    async (request) => {
      await changeProject(app.deps, requireActor(request), request.params.id, request.body);
      return ok;
    },
  );

  app.post(
    '/projects/:id/members',
    {
      schema: {
        tags,
        summary: 'Leads: add a member of the community to the project, as a lead or a member.',
        params: projectParams,
        body: addProjectMemberBody,
        response: { 201: okBody, ...errorResponses },
      },
    },
    async (request, reply) => {
      await addProjectMember(app.deps, requireActor(request), request.params.id, request.body);
      return reply.status(201).send(ok);
    },
  );

  app.delete(
    '/projects/:id/members/:userId',
    {
      schema: {
        tags,
        summary:
          "Leads: take someone out of the project; anyone in it: leave it (your own id). Never its last lead; a partner leaves the community's project-only guest membership with their last project.",
        params: projectMemberParams,
        response: { 200: okBody, ...errorResponses },
      },
    },
    async (request) => {
      await removeProjectMember(app.deps, requireActor(request), request.params.id, request.params.userId);
      return ok;
    },
  );

  app.patch(
    '/projects/:id/members/:userId',
    {
      schema: {
        tags,
        summary:
          'Leads: make a member a lead, or a lead a member (never the last lead); partners stay partners.',
        params: projectMemberParams,
        body: projectMemberRoleBody,
        response: { 200: okBody, ...errorResponses },
      },
    },
    async (request) => {
      const { id, userId } = request.params;
      await setProjectMemberRole(app.deps, requireActor(request), id, userId, request.body.role);
      return ok;
    },
  );

  app.post(
    '/projects/:id/partners',
    {
      schema: {
        tags,
        summary:
          'Leads: invite an external partner by email; they join as a guest who sees this project and nothing else.',
        params: projectParams,
        body: invitePartnerBody,
        response: { 201: dataOf(invitePartnerResultSchema), ...errorResponses },
      },
    },
    async (request, reply) => {
      const outcome = await invitePartner(app.deps, requireActor(request), request.params.id, request.body);
      return reply.status(201).send({ data: { outcome } });
    },
  );

  app.post(
    '/projects/:id/milestones',
    {
      schema: {
        tags,
        summary: 'Project members: add a milestone with its date.',
        params: projectParams,
        body: projectMilestoneBody,
        response: { 201: dataOf(idSchema), ...errorResponses },
      },
    },
    async (request, reply) => {
      const id = await addProjectMilestone(app.deps, requireActor(request), request.params.id, request.body);
      return reply.status(201).send({ data: { id } });
    },
  );

  app.patch(
    '/projects/:id/milestones/:itemId',
    {
      schema: {
        tags,
        summary: 'Project members: mark a milestone reached, or not yet.',
        params: projectItemParams,
        body: milestoneDoneBody,
        response: { 200: okBody, ...errorResponses },
      },
    },
    async (request) => {
      const { id, itemId } = request.params;
      await markProjectMilestone(app.deps, requireActor(request), id, itemId, request.body.done);
      return ok;
    },
  );

  app.post(
    '/projects/:id/tasks',
    {
      schema: {
        tags,
        summary: 'Project members: add a task, owned by one of the members.',
        params: projectParams,
        body: projectTaskBody,
        response: { 201: dataOf(idSchema), ...errorResponses },
      },
    },
    async (request, reply) => {
      const id = await addProjectTask(app.deps, requireActor(request), request.params.id, request.body);
      return reply.status(201).send({ data: { id } });
    },
  );

  app.patch(
    '/projects/:id/tasks/:itemId',
    {
      schema: {
        tags,
        summary: 'Project members: mark a task done, or open again.',
        params: projectItemParams,
        body: taskStatusBody,
        response: { 200: okBody, ...errorResponses },
      },
    },
    async (request) => {
      const { id, itemId } = request.params;
      await setProjectTaskStatus(app.deps, requireActor(request), id, itemId, request.body.status);
      return ok;
    },
  );

  app.post(
    '/projects/:id/outputs',
    {
      schema: {
        tags,
        summary:
          "Project members: record an output; a resource also joins the community's Toolkit, and the community's first output is a milestone.",
        params: projectParams,
        body: projectOutputBody,
        response: { 201: dataOf(idSchema), ...errorResponses },
      },
    },
    async (request, reply) => {
      const { id } = await addProjectOutput(app.deps, requireActor(request), request.params.id, request.body);
      return reply.status(201).send({ data: { id } });
    },
  );
};
