import { useLingui } from '@lingui/react';
import { Badge, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { type UserRole, userRoles } from '../../../common/enums.ts';
import type { MessageId } from '../../../common/i18n/message-id.ts';
import { errorMessage } from '../../api/client.ts';
import { useResetTwoFactor } from '../../api/two-factor.ts';
import type { AdminUser } from '../../api/types.ts';
import { RoleControl } from '../../components/role-control.tsx';
import { EraseUserButton } from './erase-user-dialog.tsx';
import { ExportUserDataButton } from './export-user-data.tsx';

export const roleMessages: Record<UserRole, MessageId> = {
  administrator: 'admin.user.role.administrator',
  coordinator: 'admin.user.role.coordinator',
  member: 'admin.user.role.member',
};

/** Status badges keep their full word, however narrow the column. */
const noShrink = { flexShrink: 0, overflow: 'visible' } as const;

export type UserChange = { role: AdminUser['role'] } | { suspended: boolean };

/** Active, suspended or waiting for email confirmation. */
export function UserStatus(props: { user: AdminUser }) {
  const { _ } = useLingui();
  if (props.user.suspended) {
    return (
      <Badge
        color="red"
        variant="light"
        tt="none"
        style={noShrink}
        styles={{ label: { overflow: 'visible' } }}
      >
        {_('admin.user.status.suspended')}
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
        {_('admin.user.status.unconfirmed')}
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
      {_('admin.user.status.active')}
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
  const { _ } = useLingui();
  const { user } = props;
  const labels = Object.fromEntries(userRoles.map((role) => [role, _(roleMessages[role])])) as Record<
    UserRole,
    string
  >;
  return (
    <RoleControl
      personName={user.displayName}
      role={user.role}
      roles={userRoles}
      labels={labels}
      busy={props.busy}
      disabled={props.isSelf}
      width={150}
      confirmation={(role) =>
        role === 'administrator'
          ? {
              title: _('admin.user.makeAdminTitle', { name: user.displayName }),
              body: _('admin.user.makeAdminText', { name: user.displayName, email: user.email }),
              confirmLabel: _('admin.user.makeAdminConfirm'),
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
  const { _ } = useLingui();
  const [confirming, setConfirming] = useState(false);
  const { user } = props;
  if (props.isSelf) {
    return (
      <Text size="xs" c="dimmed">
        {_('admin.user.self')}
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
        aria-label={_('admin.user.reinstateLabel', { name: user.displayName })}
      >
        {_('admin.user.reinstate')}
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
        aria-label={_('admin.user.suspendLabel', { name: user.displayName })}
      >
        {_('admin.user.suspend')}
      </Button>
      <Modal
        opened={confirming}
        onClose={() => setConfirming(false)}
        title={_('admin.user.suspendTitle', { name: user.displayName })}
        centered
      >
        <Stack gap="md">
          <Text>{_('admin.user.suspendText', { name: user.displayName, email: user.email })}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)} data-autofocus>
              {_('common.action.cancel')}
            </Button>
            <Button
              color="red"
              onClick={() => {
                setConfirming(false);
                void props.onChange({ suspended: true });
              }}
            >
              {_('admin.user.suspend')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

/**
 * Reset a person's two-factor sign-in (a lost phone), after confirming; shown when it is on, not for
 * yourself. The person is emailed and the audit log records it.
 */
export function ResetTwoFactorButton(props: { user: AdminUser; onNotice: (message: string | null) => void }) {
  const { _ } = useLingui();
  const [confirming, setConfirming] = useState(false);
  const reset = useResetTwoFactor();
  const { user } = props;
  return (
    <>
      <Button
        size="xs"
        variant="subtle"
        loading={reset.isPending}
        onClick={() => setConfirming(true)}
        aria-label={_('admin.user.resetTwoFactorLabel', { name: user.displayName })}
      >
        {_('admin.user.resetTwoFactor')}
      </Button>
      <Modal
        opened={confirming}
        onClose={() => setConfirming(false)}
        title={_('admin.user.resetTwoFactorTitle', { name: user.displayName })}
        centered
      >
        <Stack gap="md">
          <Text>{_('admin.user.resetTwoFactorText', { name: user.displayName, email: user.email })}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)} data-autofocus>
              {_('common.action.cancel')}
            </Button>
            <Button
              onClick={() => {
                setConfirming(false);
                props.onNotice(null);
                void reset
                  .mutateAsync(user.id)
                  .then(() => props.onNotice(_('admin.users.twoFactorReset', { name: user.displayName })))
                  .catch((error: unknown) => props.onNotice(errorMessage(error)));
              }}
            >
              {_('admin.user.resetTwoFactor')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

/** Role select, its save button, the suspend and erase buttons side by side (wrapping on a phone). */
export function UserActions(props: {
  user: AdminUser;
  isSelf: boolean;
  busy: boolean;
  onChange: (change: UserChange) => Promise<unknown>;
  onNotice: (message: string | null) => void;
}) {
  return (
    <Group gap="sm" wrap="wrap" justify="flex-end">
      <RoleSelect {...props} />
      <SuspendButton {...props} />
      {props.user.twoFactor && !props.isSelf ? (
        <ResetTwoFactorButton user={props.user} onNotice={props.onNotice} />
      ) : null}
      <ExportUserDataButton user={props.user} onNotice={props.onNotice} />
      {props.isSelf ? null : <EraseUserButton user={props.user} onNotice={props.onNotice} />}
    </Group>
  );
}
