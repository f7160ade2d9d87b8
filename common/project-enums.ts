// Projects' enums (#18 §4), apart from common/enums.ts so that only the pages of projects load them.

/** A project's life (#18 §4): under way, or completed (read-only). */
export const projectStatuses = ['active', 'completed'] as const;
export type ProjectStatus = (typeof projectStatuses)[number];
/** A project's people: its leads, its members from the community, and external partners (guests). */
export const projectMemberRoles = ['lead', 'member', 'partner'] as const;
export type ProjectMemberRole = (typeof projectMemberRoles)[number];
export const projectTaskStatuses = ['open', 'done'] as const;
export type ProjectTaskStatus = (typeof projectTaskStatuses)[number];
/** What a project produced: a publication (a citation or link) or a resource that joins the Toolkit. */
export const projectOutputKinds = ['publication', 'resource'] as const;
export type ProjectOutputKind = (typeof projectOutputKinds)[number];
