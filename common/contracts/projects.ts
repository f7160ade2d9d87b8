import { z } from 'zod';
import { emailField, resourceUrlField, uuidField } from '../fields.ts';
import {
  projectMemberRoles,
  projectOutputKinds,
  projectStatuses,
  projectTaskStatuses,
} from '../project-enums.ts';

/** Projects with external partners (#18 §4): a private space inside a community. */

export const projectLimits = {
  titleMax: 120,
  goalMax: 2_000,
  itemTitleMax: 200,
  citationMax: 1_000,
  messageMax: 1_000,
  nameMax: 100,
} as const;

const text = (message: `projects.validation.${string}`, max: number) =>
  z.string(message).trim().min(1, message).max(max, message);

export const createProjectBody = z.strictObject({
  title: text('projects.validation.title', projectLimits.titleMax),
  goal: text('projects.validation.goal', projectLimits.goalMax),
});
export type CreateProjectInput = z.infer<typeof createProjectBody>;

export const projectParams = z.object({ id: uuidField });
export const projectItemParams = z.object({ id: uuidField, itemId: uuidField });
export const projectMemberParams = z.object({ id: uuidField, userId: uuidField });

/**
 * Leads: rename the project or reword its goal, complete it (read-only from then on) or take it up
 * again; at least one of them.
 */
export const changeProjectBody = z
  .strictObject({
    status: z.enum(projectStatuses, 'projects.validation.status').optional(),
    title: text('projects.validation.title', projectLimits.titleMax).optional(),
    goal: text('projects.validation.goal', projectLimits.goalMax).optional(),
  })
  .refine((body) => Object.values(body).some((value) => value !== undefined), {
    path: ['status'],
    message: 'projects.validation.nothingToChange',
  });
export type ChangeProjectInput = z.infer<typeof changeProjectBody>;

/** Leads: add a member of the community to the project, as a lead or a member. */
export const addProjectMemberBody = z.strictObject({
  userId: uuidField,
  role: z.enum(['lead', 'member'], 'projects.validation.role').default('member'),
});

/** Leads: make a member a lead, or a lead a member. */
export const projectMemberRoleBody = z.strictObject({
  role: z.enum(['lead', 'member'], 'projects.validation.role'),
});

/** Leads: invite an external partner by email (a guest of the community who sees only this project). */
export const invitePartnerBody = z.strictObject({
  email: emailField,
  name: z.string().trim().max(projectLimits.nameMax, 'projects.validation.name').default(''),
  message: z.string().trim().max(projectLimits.messageMax, 'projects.validation.message').default(''),
});
export type InvitePartnerInput = z.infer<typeof invitePartnerBody>;

export const projectMilestoneBody = z.strictObject({
  title: text('projects.validation.itemTitle', projectLimits.itemTitleMax),
  dueOn: z.iso.date('projects.validation.dueOn'),
});

export const projectTaskBody = z.strictObject({
  title: text('projects.validation.itemTitle', projectLimits.itemTitleMax),
  /** One of the project's members (none: not yet owned). */
  ownerId: uuidField.nullable().default(null),
  dueOn: z.iso.date('projects.validation.dueOn').nullable().default(null),
});

export const milestoneDoneBody = z.strictObject({ done: z.boolean() });
export const taskStatusBody = z.strictObject({ status: z.enum(projectTaskStatuses) });

/** An output: a publication (a citation, perhaps a link) or a resource, which also joins the Toolkit. */
export const projectOutputBody = z
  .strictObject({
    kind: z.enum(projectOutputKinds, 'projects.validation.kind'),
    title: text('projects.validation.itemTitle', projectLimits.itemTitleMax),
    citation: z.string().trim().max(projectLimits.citationMax, 'projects.validation.citation').default(''),
    url: resourceUrlField.optional(),
  })
  .superRefine((output, context) => {
    if (output.kind === 'resource' && !output.url && !output.citation)
      context.addIssue({ code: 'custom', path: ['url'], message: 'projects.validation.resourceContent' });
  });
export type ProjectOutputInput = z.infer<typeof projectOutputBody>;

const personRef = z.object({ id: z.string(), displayName: z.string() });

export const projectSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  goal: z.string(),
  status: z.enum(projectStatuses),
  memberCount: z.number().int(),
  /** The viewer's role in it (null: they oversee it as a leader or coordinator). */
  viewerRole: z.enum(projectMemberRoles).nullable(),
});
export type ProjectSummary = z.infer<typeof projectSummarySchema>;

export const projectListSchema = z.object({
  projects: z.array(projectSummarySchema),
  /** Whether the viewer may start a project here. */
  canCreate: z.boolean(),
});

/** The viewer's own projects, across communities (an external partner's whole Copse). */
export const myProjectsSchema = z.array(
  projectSummarySchema.extend({ community: z.object({ slug: z.string(), name: z.string() }) }),
);

export const projectSchema = projectSummarySchema.extend({
  community: z.object({ slug: z.string(), name: z.string() }),
  members: z.array(personRef.extend({ role: z.enum(projectMemberRoles) })),
  milestones: z.array(
    z.object({ id: z.string(), title: z.string(), dueOn: z.string(), doneAt: z.string().nullable() }),
  ),
  tasks: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      dueOn: z.string().nullable(),
      status: z.enum(projectTaskStatuses),
      owner: personRef.nullable(),
    }),
  ),
  outputs: z.array(
    z.object({
      id: z.string(),
      kind: z.enum(projectOutputKinds),
      title: z.string(),
      citation: z.string(),
      url: z.string().nullable(),
      /** The Toolkit resource a resource output became. */
      resourceId: z.string().nullable(),
      createdAt: z.string(),
    }),
  ),
  abilities: z.object({ manage: z.boolean(), work: z.boolean(), leave: z.boolean() }),
});
export type Project = z.infer<typeof projectSchema>;

/** What inviting a partner did: an invitation sent, or a person already in the community added at once. */
export const invitePartnerResultSchema = z.object({ outcome: z.enum(['invited', 'added']) });
