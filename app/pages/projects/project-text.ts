import type { MessageId } from '../../../common/i18n/message-id.ts';
import type { ProjectMemberRole, ProjectStatus } from '../../../common/project-enums.ts';

export const projectStatusLabels: Record<ProjectStatus, MessageId> = {
  active: 'projects.status.active',
  completed: 'projects.status.completed',
};

export const projectRoleLabels: Record<ProjectMemberRole, MessageId> = {
  lead: 'projects.role.lead',
  member: 'projects.role.member',
  partner: 'projects.role.partner',
};
