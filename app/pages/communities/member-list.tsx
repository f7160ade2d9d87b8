import { useLingui } from '@lingui/react';
import { Anchor, Button, Card, Group, Modal, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { Link } from 'react-router';
import { type MembershipRole, membershipRoleMessages, membershipRoles } from '../../../common/enums.ts';
import { errorMessage } from '../../api/client.ts';
import {
  useChangeMemberRoleMutation,
  useCommunityMembers,
  useRemoveMemberMutation,
} from '../../api/communities.ts';
import { useMe } from '../../api/queries.ts';
import type { CommunityHome, CommunityMember } from '../../api/types.ts';
import { FormAlert, StatusAlert } from '../../components/form-alert.tsx';
import { FilterSelect, PagedList, SearchField } from '../../components/list-page/index.ts';
import { EmptyState } from '../../components/page-states.tsx';
import { PersonAvatar } from '../../components/person-avatar.tsx';
import { type RoleConfirmation, RoleControl } from '../../components/role-control.tsx';
import { useApiAction } from '../../hooks/use-api-action.ts';
import { i18n } from '../../i18n/i18n.ts';
import { monthYear } from '../../lib/dates.ts';
import { RoleBadge } from './community-badges.tsx';

function RemoveMemberDialog(props: {
  slug: string;
  communityName: string;
  member: CommunityMember | null;
  onClose: () => void;
  onRemoved: (name: string) => void;
}) {
  const { _ } = useLingui();
  const action = useApiAction();
  const removeMember = useRemoveMemberMutation(props.slug);
  const remove = async () => {
    const member = props.member;
    if (!member) return;
    const done = await action.run(() => removeMember.mutateAsync(member.id));
    if (!done) return;
    props.onRemoved(member.displayName);
  };
  return (
    <Modal
      opened={props.member !== null}
      onClose={props.onClose}
      title={_('communities.members.remove.title', {
        name: props.member?.displayName ?? _('communities.members.remove.someone'),
      })}
      centered
    >
      <Stack gap="md">
        <FormAlert message={action.message} />
        <Text>
          {_('communities.members.remove.text', {
            name: props.member?.displayName ?? '',
            community: props.communityName,
          })}
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose} data-autofocus>
            {_('common.action.cancel')}
          </Button>
          <Button color="red" onClick={() => void remove()} loading={action.busy}>
            {_('communities.members.remove.submit')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

const leads = (role: MembershipRole) => role === 'leader' || role === 'co_leader';

/**
 * Lowering your own role asks first (membershipRoles runs from the most to the least responsibility):
 * a leader who steps down cannot take the role back alone. Coordinators manage every community anyway.
 */
function selfDemotion(
  community: { name: string; coordinator: boolean },
  from: MembershipRole,
  to: MembershipRole,
): RoleConfirmation | null {
  if (membershipRoles.indexOf(to) <= membershipRoles.indexOf(from)) return null;
  const fromLabel = i18n._(membershipRoleMessages[from]).toLowerCase();
  const toLabel = i18n._(membershipRoleMessages[to]).toLowerCase();
  const values = { from: fromLabel, to: toLabel, name: community.name };
  return {
    title: i18n._('communities.members.selfDemotion.title', { role: toLabel }),
    body:
      leads(from) && !leads(to) && !community.coordinator
        ? i18n._('communities.members.selfDemotion.textStepDown', values)
        : i18n._('communities.members.selfDemotion.text', values),
    confirmLabel: i18n._('communities.members.selfDemotion.confirm'),
  };
}

function MemberRow(props: {
  member: CommunityMember;
  isMe: boolean;
  canManage: boolean;
  community: { name: string; coordinator: boolean };
  busy: boolean;
  onRole: (role: MembershipRole) => Promise<unknown>;
  onRemove: () => void;
}) {
  const { _ } = useLingui();
  const { member } = props;
  const roleLabels = Object.fromEntries(
    membershipRoles.map((role) => [role, _(membershipRoleMessages[role])]),
  ) as Record<MembershipRole, string>;
  const details = [
    member.pronouns,
    member.unitName,
    _('communities.members.joined', { date: monthYear(member.joinedAt) }),
  ]
    .filter(Boolean)
    .join(' · ');
  return (
    <Group justify="space-between" wrap="wrap" gap="sm" px="md" py="sm">
      <Group gap="sm" wrap="nowrap" style={{ minWidth: 0, flex: '1 1 240px' }}>
        <PersonAvatar name={member.displayName} photoUrl={member.photoUrl} size={40} />
        <Stack gap={0} style={{ minWidth: 0 }}>
          <Group gap="xs" wrap="wrap">
            <Anchor component={Link} to={`/people/${member.id}`} fw={600} size="sm" underline="hover">
              {member.displayName}
              {props.isMe ? ` ${_('communities.members.you')}` : ''}
            </Anchor>
            {props.canManage ? null : <RoleBadge role={member.role} />}
          </Group>
          <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
            {details}
          </Text>
        </Stack>
      </Group>
      {props.canManage ? (
        <Group gap="xs" wrap="wrap">
          <RoleControl
            personName={member.displayName}
            role={member.role}
            roles={membershipRoles}
            labels={roleLabels}
            busy={props.busy}
            width={130}
            confirmation={(role) => (props.isMe ? selfDemotion(props.community, member.role, role) : null)}
            onSave={props.onRole}
          />
          {props.isMe ? null : (
            <Button
              size="xs"
              variant="subtle"
              color="red"
              onClick={props.onRemove}
              aria-label={_('communities.members.removePerson', { name: member.displayName })}
            >
              {_('common.action.remove')}
            </Button>
          )}
        </Group>
      ) : null}
    </Group>
  );
}

/** The member list with roles: search by name, filter by role; leaders change roles and remove members. */
export function MemberList(props: { home: CommunityHome }) {
  const { _ } = useLingui();
  const { community, viewer } = props.home;
  const slug = community.slug;
  const me = useMe();
  const [text, setText] = useState('');
  const [q] = useDebouncedValue(text.trim(), 300);
  const [role, setRole] = useState<MembershipRole | ''>('');
  const [removing, setRemoving] = useState<CommunityMember | null>(null);
  // The last change, for the confirmation (written when shown, in the language shown).
  const [done, setDone] = useState<
    { kind: 'role'; name: string; role: MembershipRole } | { kind: 'removed'; name: string } | null
  >(null);
  const status =
    done === null
      ? null
      : done.kind === 'role'
        ? _('communities.members.roleChanged', {
            name: done.name,
            role: _(membershipRoleMessages[done.role]).toLowerCase(),
          })
        : _('communities.members.removed', { name: done.name });

  const members = useCommunityMembers(slug, { q, role });
  const changeRole = useChangeMemberRoleMutation(slug, {
    onMutate: () => setDone(null),
    onSuccess: (input) => setDone({ kind: 'role', name: input.member.displayName, role: input.role }),
  });

  const filtered = Boolean(q || role);
  return (
    <Card component="section" aria-labelledby="members-title" padding={0}>
      <Stack gap="sm" p="lg" pb="sm">
        <Title order={2} size="h3" id="members-title">
          {_('communities.tabs.members')}
        </Title>
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <SearchField
            label={_('communities.members.search.label')}
            placeholder={_('communities.members.search.placeholder')}
            value={text}
            onChange={setText}
          />
          <FilterSelect
            label={_('communities.members.role.label')}
            value={role}
            onChange={(value) => setRole(membershipRoles.find((r) => r === value) ?? '')}
            all={_('communities.members.role.all')}
            options={membershipRoles.map((r) => ({ value: r, label: _(membershipRoleMessages[r]) }))}
          />
        </SimpleGrid>
        <FormAlert message={changeRole.isError ? errorMessage(changeRole.error) : null} />
        <StatusAlert message={status} />
      </Stack>
      <PagedList
        query={members}
        busy
        loadingLabel={_('communities.members.loading')}
        inset="lg"
        empty={
          <EmptyState
            title={filtered ? _('communities.members.empty.noMatch') : _('communities.members.empty.none')}
          >
            {filtered ? _('communities.members.empty.tryAgain') : _('communities.members.empty.invite')}
          </EmptyState>
        }
        gap={0}
        more={{ label: _('communities.members.loadMore'), p: 'md' }}
      >
        {(list) => (
          <ul className="row-list" aria-label={_('communities.members.list', { name: community.name })}>
            {list.map((member) => (
              <li key={member.id}>
                <MemberRow
                  member={member}
                  isMe={member.id === me.data?.id}
                  canManage={viewer.canManage}
                  busy={changeRole.isPending && changeRole.variables?.member.id === member.id}
                  community={{
                    name: community.name,
                    coordinator: me.data?.role === 'coordinator' || me.data?.role === 'administrator',
                  }}
                  // A refused change shows in the alert above the list, so the promise never rejects.
                  onRole={(r) => changeRole.mutateAsync({ member, role: r }).catch(() => undefined)}
                  onRemove={() => {
                    setDone(null);
                    setRemoving(member);
                  }}
                />
              </li>
            ))}
          </ul>
        )}
      </PagedList>
      <RemoveMemberDialog
        key={removing?.id ?? 'none'}
        slug={slug}
        communityName={community.name}
        member={removing}
        onClose={() => setRemoving(null)}
        onRemoved={(name) => {
          setRemoving(null);
          setDone({ kind: 'removed', name });
        }}
      />
    </Card>
  );
}
