import { Badge } from '@mantine/core';
import {
  type CommunityStage,
  communityStageLabels,
  type JoinPolicy,
  type MembershipRole,
  membershipRoleLabels,
} from '../../../common/enums.ts';

/**
 * Badge colours that keep WCAG AA contrast with the light variant (checked with axe): the theme's forest,
 * amber and red, and Mantine's gray and blue. Archived is dark and filled so it stands out on a card.
 */
const stageColors: Record<CommunityStage, string> = {
  potential: 'gray',
  coalescing: 'blue',
  maturing: 'forest',
  stewardship: 'forest',
  transformation: 'amber',
  archived: 'dark',
};

/** A short word for how people join, for cards and headers. */
export const joinPolicyShort: Record<JoinPolicy, string> = {
  open: 'Open to join',
  request: 'Ask to join',
  invitation: 'By invitation',
};

/** Badges keep their full word, however narrow the column. */
const noShrink = { flexShrink: 0 } as const;

/** The community's stage; "Archived" is filled dark so it cannot be missed. */
export function StageBadge(props: { stage: CommunityStage; size?: 'sm' | 'md' | 'lg' }) {
  return (
    <Badge
      color={stageColors[props.stage]}
      variant={props.stage === 'archived' ? 'filled' : 'light'}
      tt="none"
      size={props.size ?? 'md'}
      style={noShrink}
    >
      {props.stage === 'archived' ? 'Archived' : `Stage: ${communityStageLabels[props.stage]}`}
    </Badge>
  );
}

/** A member's role in the community. */
export function RoleBadge(props: { role: MembershipRole }) {
  const lead = props.role === 'leader' || props.role === 'co_leader';
  return (
    <Badge color={lead ? 'forest' : 'gray'} variant="light" tt="none" style={noShrink}>
      {membershipRoleLabels[props.role]}
    </Badge>
  );
}

/** "Ann Lee" / "Ann Lee and Bo Chen" / "Ann Lee, Bo Chen and 2 others". */
export function namesList(names: string[], max = 2): string {
  if (names.length <= 1) return names[0] ?? '';
  if (names.length <= max) return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
  const rest = names.length - max;
  return `${names.slice(0, max).join(', ')} and ${rest} ${rest === 1 ? 'other' : 'others'}`;
}

/** "1 member" / "12 members". */
export function memberCountText(count: number): string {
  return count === 1 ? '1 member' : `${count.toLocaleString()} members`;
}
