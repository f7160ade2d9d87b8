import { useLingui } from '@lingui/react';
import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useApiAction } from '../hooks/use-api-action.ts';
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
  const action = useApiAction();
  const close = () => {
    action.reset();
    props.onClose();
  };
  const confirm = async () => {
    const done = await action.run(async () => {
      await props.onConfirm();
      return true;
    });
    if (done) props.onClose();
  };
  return (
    <Modal opened={props.opened} onClose={close} title={props.title} centered>
      <Stack gap="md">
        <FormAlert message={action.message} />
        <Text size="sm">{props.message}</Text>
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={close} data-autofocus>
            {_('discussions.confirm.keep')}
          </Button>
          <Button color="red" onClick={() => void confirm()} loading={action.busy}>
            {props.confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
