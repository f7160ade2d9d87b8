import { useLingui } from '@lingui/react';
import { Badge } from '@mantine/core';
import {
  type CommunityStage,
  communityStageMessages,
  type JoinPolicy,
  type MembershipRole,
  membershipRoleMessages,
} from '../../../common/enums.ts';
import type { MessageId } from '../../../common/i18n/message-id.ts';
import { i18n } from '../../i18n/i18n.ts';

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

/** A short word for how people join, for cards and headers (message ids: translate when shown). */
export const joinPolicyShort: Record<JoinPolicy, MessageId> = {
  open: 'communities.joinPolicyShort.open',
  request: 'communities.joinPolicyShort.request',
  invitation: 'communities.joinPolicyShort.invitation',
};

/** Badges keep their full word, however narrow the column. */
const noShrink = { flexShrink: 0 } as const;

/** The community's stage; "Archived" is filled dark so it cannot be missed. */
export function StageBadge(props: { stage: CommunityStage; size?: 'sm' | 'md' | 'lg' }) {
  const { _ } = useLingui();
  return (
    <Badge
      color={stageColors[props.stage]}
      variant={props.stage === 'archived' ? 'filled' : 'light'}
      tt="none"
      size={props.size ?? 'md'}
      style={noShrink}
    >
      {props.stage === 'archived'
        ? _(communityStageMessages.archived)
        : _('communities.stageBadge', { stage: _(communityStageMessages[props.stage]) })}
    </Badge>
  );
}

/** A member's role in the community. */
export function RoleBadge(props: { role: MembershipRole }) {
  const { _ } = useLingui();
  const lead = props.role === 'leader' || props.role === 'co_leader';
  return (
    <Badge color={lead ? 'forest' : 'gray'} variant="light" tt="none" style={noShrink}>
      {_(membershipRoleMessages[props.role])}
    </Badge>
  );
}

/** "Ann Lee" / "Ann Lee and Bo Chen" / "Ann Lee, Bo Chen and 2 others". */
export function namesList(names: string[], max = 2): string {
  if (names.length <= 1) return names[0] ?? '';
  if (names.length <= max)
    return i18n._('communities.names.all', { first: names.slice(0, -1).join(', '), last: names.at(-1) });
  return i18n._('communities.names.more', {
    names: names.slice(0, max).join(', '),
    count: names.length - max,
  });
}

/** "1 member" / "12 members". */
export function memberCountText(count: number): string {
  return i18n._('communities.memberCount', { count });
}
