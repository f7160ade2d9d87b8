import { useLingui } from '@lingui/react';
import { Card, Group, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { useDebouncedValue, useMediaQuery } from '@mantine/hooks';
import { useState } from 'react';
import { type PersonKind, userRoles } from '../../../common/enums.ts';
import type { MessageId } from '../../../common/i18n/message-id.ts';
import { useAdminUsers, useUserMutation } from '../../api/admin.ts';
import { errorMessage } from '../../api/client.ts';
import { useSignedInMe } from '../../api/queries.ts';
import type { AdminUser } from '../../api/types.ts';
import { FormAlert, StatusAlert } from '../../components/form-alert.tsx';
import { FilterSelect, PagedList, PlainList, SearchField } from '../../components/list-page/index.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { EmptyState } from '../../components/page-states.tsx';
import { PersonAvatar } from '../../components/person-avatar.tsx';
import { useSteadyWhileDialogOpen } from '../../hooks/use-steady-while-dialog.ts';
import { roleMessages, UserActions, type UserChange, UserStatus } from './user-controls.tsx';

const kindMessages: Record<PersonKind, MessageId> = {
  staff: 'admin.users.kind.staff',
  student: 'admin.users.kind.student',
  external: 'admin.users.kind.external',
};

function NameCell(props: { user: AdminUser; isSelf: boolean }) {
  const { _ } = useLingui();
  const { user } = props;
  return (
    <Group gap="sm" wrap="nowrap">
      <PersonAvatar name={user.displayName} photoUrl={user.photoUrl} size={36} />
      <Stack gap={0} style={{ minWidth: 0 }}>
        <Text fw={600} size="sm" style={{ overflowWrap: 'anywhere' }}>
          {props.isSelf ? _('admin.users.you', { name: user.displayName }) : user.displayName}
        </Text>
        <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
          {user.email}
        </Text>
      </Stack>
    </Group>
  );
}

/** /admin/users: search users, change roles, suspend and reinstate. */
export function AdminUsersPage() {
  const { _ } = useLingui();
  const me = useSignedInMe();
  // A table from 62em, cards below; kept while a row's dialog is open (the table scrolls in its own box).
  const wide = useSteadyWhileDialogOpen(useMediaQuery('(min-width: 62em)', true));
  const [text, setText] = useState('');
  const [q] = useDebouncedValue(text.trim(), 300);
  const [role, setRole] = useState('');
  const [suspended, setSuspended] = useState('');
  const [status, setStatus] = useState<string | null>(null);

  const filters = { q, role, suspended };
  const users = useAdminUsers(filters);
  const change = useUserMutation<UserChange>({
    onMutate: () => setStatus(null),
    onSuccess: (user, input) => {
      setStatus(
        'role' in input.change
          ? _('admin.users.nowRole', { name: user.displayName, role: user.role })
          : user.suspended
            ? _('admin.users.suspendedNotice', { name: user.displayName })
            : _('admin.users.reinstated', { name: user.displayName }),
      );
    },
  });

  const busyId = change.isPending ? change.variables?.id : undefined;
  // A refused change shows in the alert above the list (change.error), so the promise never rejects.
  const onChange = (user: AdminUser) => (c: UserChange) =>
    change.mutateAsync({ id: user.id, change: c }).catch(() => undefined);

  return (
    <>
      <PageHeader title={_('admin.users.title')} description={_('admin.users.description')} />
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm" mb="lg">
        <SearchField
          label={_('admin.users.search')}
          placeholder={_('admin.users.searchPlaceholder')}
          value={text}
          onChange={setText}
        />
        <FilterSelect
          label={_('admin.users.role')}
          value={role}
          onChange={setRole}
          all={_('admin.users.allRoles')}
          options={userRoles.map((r) => ({ value: r, label: _(roleMessages[r]) }))}
        />
        <FilterSelect
          label={_('admin.users.status')}
          value={suspended}
          onChange={setSuspended}
          all={_('admin.users.everyone')}
          options={[
            { value: 'false', label: _('admin.users.notSuspended') },
            { value: 'true', label: _('admin.users.suspended') },
          ]}
        />
      </SimpleGrid>
      <Stack gap="md">
        <FormAlert message={change.isError ? errorMessage(change.error) : null} />
        <StatusAlert message={status} />
        <PagedList
          query={users}
          gap="md"
          empty={<EmptyState title={_('admin.users.emptyTitle')}>{_('admin.users.emptyText')}</EmptyState>}
        >
          {(list) =>
            wide ? (
              <Card padding={0}>
                <Table.ScrollContainer minWidth={720}>
                  <Table verticalSpacing="sm" horizontalSpacing="md" highlightOnHover>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th scope="col">{_('admin.users.column.person')}</Table.Th>
                        <Table.Th scope="col">{_('admin.users.column.unit')}</Table.Th>
                        <Table.Th scope="col">{_('admin.users.column.status')}</Table.Th>
                        <Table.Th scope="col" ta="right">
                          {_('admin.users.column.access')}
                        </Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {list.map((user) => (
                        <Table.Tr key={user.id}>
                          <Table.Td>
                            <NameCell user={user} isSelf={user.id === me.id} />
                          </Table.Td>
                          <Table.Td>
                            <Text size="sm">{user.unit?.name ?? '—'}</Text>
                            <Text size="xs" c="dimmed">
                              {_(kindMessages[user.kind])}
                            </Text>
                          </Table.Td>
                          <Table.Td>
                            <UserStatus user={user} />
                          </Table.Td>
                          <Table.Td>
                            <UserActions
                              user={user}
                              isSelf={user.id === me.id}
                              busy={busyId === user.id}
                              onChange={onChange(user)}
                              onNotice={setStatus}
                            />
                          </Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
              </Card>
            ) : (
              <PlainList>
                {list.map((user) => (
                  <Card component="li" key={user.id} padding="md">
                    <Stack gap="sm">
                      <Group justify="space-between" wrap="nowrap" align="flex-start">
                        <NameCell user={user} isSelf={user.id === me.id} />
                        <UserStatus user={user} />
                      </Group>
                      <UserActions
                        user={user}
                        isSelf={user.id === me.id}
                        busy={busyId === user.id}
                        onChange={onChange(user)}
                        onNotice={setStatus}
                      />
                    </Stack>
                  </Card>
                ))}
              </PlainList>
            )
          }
        </PagedList>
      </Stack>
    </>
  );
}
