import { useLingui } from '@lingui/react';
import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useFormState } from '../hooks/use-form-state.ts';
import { FormAlert } from './form-alert.tsx';

/** Asks before something that cannot be undone from the page (deleting a thread or a reply). */
export function ConfirmDialog(props: {
  opened: boolean;
  title: string;
  message: string;
  confirmLabel: string;
  onConfirm: () => Promise<unknown>;
  onClose: () => void;
}) {
  const { _ } = useLingui();
  const form = useFormState();
  const close = () => {
    form.reset();
    props.onClose();
  };
  const confirm = async () => {
    const done = await form.run(async () => {
      await props.onConfirm();
      return true;
    });
    if (done) props.onClose();
  };
  return (
    <Modal opened={props.opened} onClose={close} title={props.title} centered>
      <Stack gap="md">
        <FormAlert message={form.message} />
        <Text size="sm">{props.message}</Text>
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={close} data-autofocus>
            {_('discussions.confirm.keep')}
          </Button>
          <Button color="red" onClick={() => void confirm()} loading={form.busy}>
            {props.confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
