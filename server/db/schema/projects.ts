import { sql } from 'drizzle-orm';
import { check, date, index, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type {
  ProjectMemberRole,
  ProjectOutputKind,
  ProjectStatus,
  ProjectTaskStatus,
} from '../../../common/project-enums.ts';
import { users } from './accounts.ts';
import { communities, invitations } from './communities.ts';
import { resources } from './toolkit.ts';

/**
 * A project with external partners (#18 §4): a private space inside a community with a goal, its own
 * members (leads, members of the community, external partners), milestones, tasks and outputs. Its
 * content lives in its own tables, which no community-wide list, search, feed or digest reads. A
 * partner belongs to the community only through a project-only guest membership
 * (`community_members.project_only`), which every community page treats as no membership at all.
 */
export const projects = pgTable(
  'projects',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    communityId: uuid('community_id')
      .notNull()
      .references(() => communities.id, { onDelete: 'cascade' }),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    title: text('title').notNull(),
    goal: text('goal').notNull(),
    status: text('status').$type<ProjectStatus>().notNull().default('active'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('projects_community_created_idx').on(t.communityId, t.createdAt, t.id),
    index('projects_created_by_idx').on(t.createdBy),
  ],
);

/** Who is in a project, and as what. */
export const projectMembers = pgTable(
  'project_members',
  {
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role').$type<ProjectMemberRole>().notNull(),
    joinedAt: timestamp('joined_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.userId] }), index('project_members_user_idx').on(t.userId)],
);

/** A project's milestones with their dates; `doneAt` once reached. */
export const projectMilestones = pgTable(
  'project_milestones',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    dueOn: date('due_on').notNull(),
    doneAt: timestamp('done_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('project_milestones_project_due_idx').on(t.projectId, t.dueOn)],
);

/** A project's tasks, each with an owner among its members. */
export const projectTasks = pgTable(
  'project_tasks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    ownerId: uuid('owner_id').references(() => users.id, { onDelete: 'set null' }),
    dueOn: date('due_on'),
    status: text('status').$type<ProjectTaskStatus>().notNull().default('open'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('project_tasks_project_created_idx').on(t.projectId, t.createdAt),
    index('project_tasks_owner_idx').on(t.ownerId),
    index('project_tasks_created_by_idx').on(t.createdBy),
  ],
);

/**
 * What a project produced: a publication (a citation, perhaps a link) or a resource, which is also
 * written to the community's Toolkit (`resourceId`).
 */
export const projectOutputs = pgTable(
  'project_outputs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    kind: text('kind').$type<ProjectOutputKind>().notNull(),
    title: text('title').notNull(),
    citation: text('citation').notNull().default(''),
    url: text('url'),
    resourceId: uuid('resource_id').references(() => resources.id, { onDelete: 'set null' }),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('project_outputs_project_created_idx').on(t.projectId, t.createdAt),
    index('project_outputs_resource_idx').on(t.resourceId),
    index('project_outputs_created_by_idx').on(t.createdBy),
    check('project_outputs_resource_kind', sql`${t.resourceId} is null or ${t.kind} = 'resource'`),
  ],
);

/** An email invitation to the community (role guest) that is for a project: accepting it joins the project as a partner. */
export const projectInvitations = pgTable(
  'project_invitations',
  {
    invitationId: uuid('invitation_id')
      .primaryKey()
      .references(() => invitations.id, { onDelete: 'cascade' }),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
  },
  (t) => [index('project_invitations_project_idx').on(t.projectId)],
);
