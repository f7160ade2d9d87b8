import { Badge, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { userRoles } from '../../../common/enums.ts';
import type { AdminUser } from '../../api/types.ts';
import { RoleControl } from '../../components/role-control.tsx';

export const roleLabels = {
  administrator: 'Administrator',
  coordinator: 'Coordinator',
  member: 'Member',
} as const;

/** Status badges keep their full word, however narrow the column. */
const noShrink = { flexShrink: 0, overflow: 'visible' } as const;

export type UserChange = { role: AdminUser['role'] } | { suspended: boolean };

/** Active, suspended or waiting for email confirmation. */
export function UserStatus(props: { user: AdminUser }) {
  if (props.user.suspended) {
    return (
      <Badge
        color="red"
        variant="light"
        tt="none"
        style={noShrink}
        styles={{ label: { overflow: 'visible' } }}
      >
        Suspended
      </Badge>
    );
  }
  if (!props.user.emailVerified) {
    return (
      <Badge
        color="amber"
        variant="light"
        tt="none"
        style={noShrink}
        styles={{ label: { overflow: 'visible' } }}
      >
        Unconfirmed
      </Badge>
    );
  }
  return (
    <Badge
      color="forest"
      variant="light"
      tt="none"
      style={noShrink}
      styles={{ label: { overflow: 'visible' } }}
    >
      Active
    </Badge>
  );
}

/**
 * The role of one user: choose it, then "Save role"; making someone administrator asks first. Your own
 * role cannot be changed (the server refuses it too), so an installation keeps an administrator.
 */
export function RoleSelect(props: {
  user: AdminUser;
  isSelf: boolean;
  busy: boolean;
  onChange: (change: UserChange) => Promise<unknown>;
}) {
  const { user } = props;
  return (
    <RoleControl
      personName={user.displayName}
      role={user.role}
      roles={userRoles}
      labels={roleLabels}
      busy={props.busy}
      disabled={props.isSelf}
      width={150}
      confirmation={(role) =>
        role === 'administrator'
          ? {
              title: `Make ${user.displayName} an administrator?`,
              body: `${user.displayName} (${user.email}) will be able to do everything in Administration: change anyone's role, including yours, suspend accounts, read the mailbox and change the institution's settings.`,
              confirmLabel: 'Make administrator',
            }
          : null
      }
      onSave={(role) => props.onChange({ role })}
    />
  );
}

/** Suspend (after confirming) or reinstate one user; not yourself. */
export function SuspendButton(props: {
  user: AdminUser;
  isSelf: boolean;
  busy: boolean;
  onChange: (change: UserChange) => Promise<unknown>;
}) {
  const [confirming, setConfirming] = useState(false);
  const { user } = props;
  if (props.isSelf) {
    return (
      <Text size="xs" c="dimmed">
        This is you
      </Text>
    );
  }
  if (user.suspended) {
    return (
      <Button
        size="xs"
        variant="default"
        loading={props.busy}
        onClick={() => void props.onChange({ suspended: false })}
        aria-label={`Reinstate ${user.displayName}`}
      >
        Reinstate
      </Button>
    );
  }
  return (
    <>
      <Button
        size="xs"
        variant="subtle"
        color="red"
        loading={props.busy}
        onClick={() => setConfirming(true)}
        aria-label={`Suspend ${user.displayName}`}
      >
        Suspend
      </Button>
      <Modal
        opened={confirming}
        onClose={() => setConfirming(false)}
        title={`Suspend ${user.displayName}?`}
        centered
      >
        <Stack gap="md">
          <Text>
            {user.displayName} ({user.email}) is signed out everywhere at once and cannot sign in until you
            reinstate them. Their profile is hidden from People.
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)} data-autofocus>
              Cancel
            </Button>
            <Button
              color="red"
              onClick={() => {
                setConfirming(false);
                void props.onChange({ suspended: true });
              }}
            >
              Suspend
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

/** Role select, its save button and the suspend button side by side (wrapping on a phone). */
export function UserActions(props: {
  user: AdminUser;
  isSelf: boolean;
  busy: boolean;
  onChange: (change: UserChange) => Promise<unknown>;
}) {
  return (
    <Group gap="sm" wrap="wrap" justify="flex-end">
      <RoleSelect {...props} />
      <SuspendButton {...props} />
    </Group>
  );
}
