import { Badge, Button, Group, Modal, NativeSelect, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { userRoles } from '../../../common/enums.ts';
import type { AdminUser } from '../../api/types.ts';

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

/** The role select of one user; your own role cannot be changed. */
export function RoleSelect(props: {
  user: AdminUser;
  isSelf: boolean;
  busy: boolean;
  onChange: (change: UserChange) => void;
}) {
  return (
    <NativeSelect
      aria-label={`Role of ${props.user.displayName}`}
      value={props.user.role}
      disabled={props.isSelf || props.busy}
      onChange={(event) => {
        const role = userRoles.find((r) => r === event.currentTarget.value);
        if (role) props.onChange({ role });
      }}
      data={userRoles.map((role) => ({ value: role, label: roleLabels[role] }))}
      size="xs"
      w={150}
    />
  );
}

/** Suspend (after confirming) or reinstate one user; not yourself. */
export function SuspendButton(props: {
  user: AdminUser;
  isSelf: boolean;
  busy: boolean;
  onChange: (change: UserChange) => void;
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
        onClick={() => props.onChange({ suspended: false })}
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
                props.onChange({ suspended: true });
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

/** Role select and suspend button side by side. */
export function UserActions(props: {
  user: AdminUser;
  isSelf: boolean;
  busy: boolean;
  onChange: (change: UserChange) => void;
}) {
  return (
    <Group gap="sm" wrap="nowrap" justify="flex-end">
      <RoleSelect {...props} />
      <SuspendButton {...props} />
    </Group>
  );
}
