import { useLingui } from '@lingui/react';
import { Anchor, Card, Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import {
  audienceMessages,
  joinPolicyMessages,
  meetingFormatMessages,
  membershipRoleMessages,
  visibilityMessages,
} from '../../../common/enums.ts';
import type { Proposal } from '../../api/types.ts';
import { PersonAvatar } from '../../components/person-avatar.tsx';
import { TagList } from '../../components/tag-list.tsx';
import { LeadershipBadge } from './proposal-status.tsx';

function Field(props: { label: string; children: ReactNode }) {
  return (
    <div className="detail-field">
      <Text component="dt" size="sm" fw={650}>
        {props.label}
      </Text>
      <Text component="dd" size="sm" m={0}>
        {props.children}
      </Text>
    </div>
  );
}

/** Free text as written (line breaks kept), or a quiet "Not said" when empty. */
function Written(props: { text: string }) {
  const { _ } = useLingui();
  if (!props.text.trim()) {
    return (
      <Text span size="sm" c="dimmed">
        {_('proposals.details.notSaid')}
      </Text>
    );
  }
  return (
    <Text span size="sm" className="plain-text">
      {props.text}
    </Text>
  );
}

/** Everything the proposal says about the community it asks for. */
export function ProposalDetails(props: { proposal: Proposal }) {
  const { _ } = useLingui();
  const { proposal } = props;
  return (
    <Card component="section" aria-labelledby="details-title">
      <Title order={2} size="h3" id="details-title" mb="md">
        {_('proposals.details.title')}
      </Title>
      <dl className="detail-list">
        <Field label={_('proposals.field.purpose')}>
          <Written text={proposal.purpose} />
        </Field>
        <Field label={_('proposals.field.objectives')}>
          <Written text={proposal.objectives} />
        </Field>
        <Field label={_('proposals.field.intendedMembers')}>
          <Written text={proposal.intendedMembers} />
        </Field>
        <Field label={_('proposals.field.meetingPlan')}>
          <Written text={proposal.meetingPlan} />
        </Field>
        <Field label={_('proposals.field.supportNeeded')}>
          <Written text={proposal.supportNeeded} />
        </Field>
        <Field label={_('proposals.field.topics')}>
          {proposal.topics.length > 0 ? (
            <TagList label={_('proposals.field.topics')} tags={proposal.topics} size="md" />
          ) : (
            <Written text="" />
          )}
        </Field>
        <Field label={_('proposals.details.audienceAndFormat')}>
          {_(audienceMessages[proposal.audience])} · {_(meetingFormatMessages[proposal.format])}
        </Field>
        <Field label={_('proposals.field.homeUnit')}>
          {proposal.unit?.name ?? _('proposals.field.institutionWide')}
        </Field>
        <Field label={_('proposals.details.visibility')}>{_(visibilityMessages[proposal.visibility])}</Field>
        <Field label={_('proposals.field.joinPolicy')}>{_(joinPolicyMessages[proposal.joinPolicy])}</Field>
      </dl>
    </Card>
  );
}

/** The proposer (leader) and the invited co-leaders, each with their answer. */
export function LeadershipTeam(props: { proposal: Proposal }) {
  const { _ } = useLingui();
  const { proposal } = props;
  return (
    <Card component="section" aria-labelledby="team-title">
      <Title order={2} size="h3" id="team-title" mb="sm">
        {_('proposals.details.team')}
      </Title>
      <ul className="row-list" aria-label={_('proposals.details.team')}>
        {proposal.leaders.map((leader) => (
          <li key={leader.id}>
            <Group gap="sm" wrap="nowrap" py="xs" justify="space-between">
              <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
                <PersonAvatar name={leader.displayName} photoUrl={null} size={36} />
                <Stack gap={0} style={{ minWidth: 0 }}>
                  <Anchor
                    component={Link}
                    to={`/people/${leader.id}`}
                    size="sm"
                    fw={600}
                    c="forest.9"
                    underline="hover"
                    style={{ overflowWrap: 'anywhere' }}
                  >
                    {leader.displayName}
                  </Anchor>
                  <Text size="xs" c="dimmed">
                    {leader.role === 'leader'
                      ? _('proposals.details.leaderProposer')
                      : _(membershipRoleMessages.co_leader)}
                  </Text>
                </Stack>
              </Group>
              {leader.role === 'co_leader' ? <LeadershipBadge status={leader.status} /> : null}
            </Group>
          </li>
        ))}
      </ul>
      {proposal.leaders.length === 1 ? (
        <Text size="xs" c="dimmed" mt="xs">
          {_('proposals.details.noCoLeaders')}
        </Text>
      ) : null}
    </Card>
  );
}
