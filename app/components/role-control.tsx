import { useLingui } from '@lingui/react';
import { Button, Group, Modal, NativeSelect, Stack, Text } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';

/** What the dialog says before a role change that needs a second thought. */
export interface RoleConfirmation {
  title: string;
  body: string;
  confirmLabel: string;
}

/**
 * One person's role: a select to choose the new role and a "Save role" button that applies it
 * (WCAG 3.2.2: choosing in a select, even with the arrow keys, changes nothing by itself). When
 * `confirmation` names a change (making someone administrator, lowering your own role), the button
 * asks in a dialog first; Cancel keeps the role as it was.
 */
export function RoleControl<R extends string>(props: {
  personName: string;
  role: R;
  roles: readonly R[];
  labels: Record<R, string>;
  busy: boolean;
  disabled?: boolean;
  width: number;
  confirmation: (role: R) => RoleConfirmation | null;
  /** Saves the role; the control shows the person's role again once it settles, saved or refused. */
  onSave: (role: R) => Promise<unknown>;
}) {
  const { _ } = useLingui();
  const [pending, setPending] = useState<R | null>(null);
  // The dialog keeps its words while it fades out; `asking` opens and closes it.
  const [confirming, setConfirming] = useState<{ role: R; text: RoleConfirmation } | null>(null);
  const [asking, setAsking] = useState(false);
  const select = useRef<HTMLSelectElement>(null);
  const chosen = pending ?? props.role;

  // The button is disabled while saving and once there is nothing to save: keep the keyboard on the
  // select rather than let focus fall back to the page (once the select is enabled again).
  const [refocus, setRefocus] = useState(false);
  const selectDisabled = Boolean(props.disabled) || props.busy;
  useEffect(() => {
    if (!refocus || selectDisabled) return;
    select.current?.focus();
    setRefocus(false);
  }, [refocus, selectDisabled]);
  const save = (role: R) => {
    const settle = () => {
      setPending(null);
      setRefocus(true);
    };
    void props.onSave(role).then(settle, settle);
  };
  const cancel = () => {
    setAsking(false);
    setPending(null);
    setRefocus(true);
  };

  return (
    <>
      <Group gap="xs" wrap="nowrap">
        <NativeSelect
          ref={select}
          aria-label={_('layout.roleControl.roleOf', { name: props.personName })}
          value={chosen}
          disabled={selectDisabled}
          onChange={(event) => {
            const role = props.roles.find((r) => r === event.currentTarget.value);
            if (role) setPending(role === props.role ? null : role);
          }}
          data={props.roles.map((role) => ({ value: role, label: props.labels[role] }))}
          size="xs"
          w={props.width}
        />
        {props.disabled ? null : (
          <Button
            size="xs"
            variant={pending ? 'filled' : 'default'}
            disabled={pending === null}
            loading={props.busy}
            aria-label={_('layout.roleControl.saveFor', { name: props.personName })}
            onClick={() => {
              if (pending === null) return;
              const text = props.confirmation(pending);
              if (text) {
                setConfirming({ role: pending, text });
                setAsking(true);
              } else {
                save(pending);
              }
            }}
          >
            {_('layout.roleControl.save')}
          </Button>
        )}
      </Group>
      <Modal opened={asking} onClose={cancel} returnFocus={false} title={confirming?.text.title} centered>
        <Stack gap="md">
          <Text>{confirming?.text.body}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={cancel} data-autofocus>
              {_('common.action.cancel')}
            </Button>
            <Button
              onClick={() => {
                setAsking(false);
                if (confirming) save(confirming.role);
              }}
            >
              {confirming?.text.confirmLabel}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
