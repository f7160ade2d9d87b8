import { useLingui } from '@lingui/react';
import { Button, Group } from '@mantine/core';

/** A form's buttons below it: send, and Cancel where the form can be closed (`onCancel`). */
export function FormActions(props: { submitLabel: string; busy: boolean; onCancel?: () => void }) {
  const { _ } = useLingui();
  return (
    <Group gap="sm">
      <Button type="submit" loading={props.busy}>
        {props.submitLabel}
      </Button>
      {props.onCancel ? (
        <Button variant="default" onClick={props.onCancel}>
          {_('common.action.cancel')}
        </Button>
      ) : null}
    </Group>
  );
}
