import {
  Anchor,
  Button,
  Card,
  Group,
  Modal,
  NativeSelect,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { type MembershipRole, membershipRoleLabels, membershipRoles } from '../../../common/enums.ts';
import { apiGetPage, apiSend, errorMessage } from '../../api/client.ts';
import { keys, useMe } from '../../api/queries.ts';
import type { CommunityHome, CommunityMember } from '../../api/types.ts';
import { FormAlert, StatusAlert } from '../../components/form-alert.tsx';
import { SearchIcon } from '../../components/icons.tsx';
import { EmptyState, LoadError, PageLoader } from '../../components/page-states.tsx';
import { PersonAvatar } from '../../components/person-avatar.tsx';
import { type RoleConfirmation, RoleControl } from '../../components/role-control.tsx';
import { useFormState } from '../../hooks/use-form-state.ts';
import { monthYear } from '../../lib/dates.ts';
import { RoleBadge } from './community-badges.tsx';

function RemoveMemberDialog(props: {
  slug: string;
  communityName: string;
  member: CommunityMember | null;
  onClose: () => void;
  onRemoved: (name: string) => void;
}) {
  const form = useFormState();
  const queryClient = useQueryClient();
  const remove = async () => {
    const member = props.member;
    if (!member) return;
    const done = await form.run(() => apiSend('DELETE', `/communities/${props.slug}/members/${member.id}`));
    if (!done) return;
    await queryClient.invalidateQueries({ queryKey: keys.community(props.slug) });
    await queryClient.invalidateQueries({ queryKey: keys.communities });
    props.onRemoved(member.displayName);
  };
  return (
    <Modal
      opened={props.member !== null}
      onClose={props.onClose}
      title={`Remove ${props.member?.displayName ?? 'member'}?`}
      centered
    >
      <Stack gap="md">
        <FormAlert message={form.message} />
        <Text>
          {props.member?.displayName} will no longer be a member of {props.communityName}. You can invite them
          again later.
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose} data-autofocus>
            Cancel
          </Button>
          <Button color="red" onClick={() => void remove()} loading={form.busy}>
            Remove member
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
  const fromLabel = membershipRoleLabels[from].toLowerCase();
  const toLabel = membershipRoleLabels[to].toLowerCase();
  const consequence =
    leads(from) && !leads(to) && !community.coordinator
      ? ' You will no longer manage it: only its leaders or a coordinator can make you a leader again.'
      : '';
  return {
    title: `Change your own role to ${toLabel}?`,
    body: `You are ${fromLabel} of ${community.name} and will become ${toLabel}.${consequence}`,
    confirmLabel: 'Change my role',
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
  const { member } = props;
  const details = [member.pronouns, member.unitName, `joined ${monthYear(member.joinedAt)}`]
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
              {props.isMe ? ' (you)' : ''}
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
            labels={membershipRoleLabels}
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
              aria-label={`Remove ${member.displayName}`}
            >
              Remove
            </Button>
          )}
        </Group>
      ) : null}
    </Group>
  );
}

/** The member list with roles: search by name, filter by role; leaders change roles and remove members. */
export function MemberList(props: { home: CommunityHome }) {
  const { community, viewer } = props.home;
  const slug = community.slug;
  const me = useMe();
  const queryClient = useQueryClient();
  const [text, setText] = useState('');
  const [q] = useDebouncedValue(text.trim(), 300);
  const [role, setRole] = useState('');
  const [removing, setRemoving] = useState<CommunityMember | null>(null);
  const [status, setStatus] = useState<string | null>(null);

  const members = useInfiniteQuery({
    queryKey: [...keys.communityMembers(slug), { q, role }],
    queryFn: ({ pageParam }) =>
      apiGetPage<CommunityMember>(`/communities/${slug}/members`, { q, role, cursor: pageParam }),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
  const changeRole = useMutation({
    mutationFn: (input: { member: CommunityMember; role: MembershipRole }) =>
      apiSend('PATCH', `/communities/${slug}/members/${input.member.id}`, { role: input.role }),
    onMutate: () => setStatus(null),
    onSuccess: (_data, input) =>
      setStatus(`${input.member.displayName} is now ${membershipRoleLabels[input.role].toLowerCase()}.`),
    onSettled: () => queryClient.invalidateQueries({ queryKey: keys.community(slug) }),
  });

  const list = members.data?.pages.flatMap((page) => page.data) ?? [];
  const filtered = Boolean(q || role);
  return (
    <Card component="section" aria-labelledby="members-title" padding={0}>
      <Stack gap="sm" p="lg" pb="sm">
        <Title order={2} size="h3" id="members-title">
          Members
        </Title>
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <TextInput
            label="Search members"
            placeholder="Name"
            type="search"
            leftSection={<SearchIcon size={16} />}
            value={text}
            onChange={(event) => setText(event.currentTarget.value)}
          />
          <NativeSelect
            label="Role"
            value={role}
            onChange={(event) => setRole(event.currentTarget.value)}
            data={[
              { value: '', label: 'All roles' },
              ...membershipRoles.map((r) => ({ value: r, label: membershipRoleLabels[r] })),
            ]}
          />
        </SimpleGrid>
        <FormAlert message={changeRole.isError ? errorMessage(changeRole.error) : null} />
        <StatusAlert message={status} />
      </Stack>
      <div aria-busy={members.isFetching}>
        {members.isPending ? (
          <PageLoader label="Loading members…" />
        ) : members.isError ? (
          <Stack p="lg" pt={0}>
            <LoadError error={members.error} onRetry={() => void members.refetch()} />
          </Stack>
        ) : list.length === 0 ? (
          <Stack p="lg" pt={0}>
            <EmptyState title={filtered ? 'No member matches' : 'No members yet'}>
              {filtered ? 'Try another name, or choose all roles.' : 'Invite people to get started.'}
            </EmptyState>
          </Stack>
        ) : (
          <ul className="row-list" aria-label={`Members of ${community.name}`}>
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
                    setStatus(null);
                    setRemoving(member);
                  }}
                />
              </li>
            ))}
          </ul>
        )}
      </div>
      {members.hasNextPage ? (
        <Group justify="center" p="md">
          <Button
            variant="default"
            onClick={() => void members.fetchNextPage()}
            loading={members.isFetchingNextPage}
          >
            Load more members
          </Button>
        </Group>
      ) : null}
      <RemoveMemberDialog
        key={removing?.id ?? 'none'}
        slug={slug}
        communityName={community.name}
        member={removing}
        onClose={() => setRemoving(null)}
        onRemoved={(name) => {
          setRemoving(null);
          setStatus(`${name} is removed from the community.`);
        }}
      />
    </Card>
  );
}
