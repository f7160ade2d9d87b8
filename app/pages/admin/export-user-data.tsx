import { useLingui } from '@lingui/react';
import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { adminDataExportBody, dataExportLimits } from '../../../common/contracts/data-exports.ts';
import { useExportUserData } from '../../api/data-exports.ts';
import type { AdminUser } from '../../api/types.ts';
import { FormAlert } from '../../components/form-alert.tsx';
import { useApiForm } from '../../hooks/use-api-form.ts';

/**
 * "Export this person's data" for a formal request (#19): the administrator gives the reason (required,
 * recorded in the audit log); the export is prepared in the background and its link comes to them. The
 * reason is checked with the API's own rule (adminDataExportBody), as every form is (useApiForm).
 */
export function ExportUserDataButton(props: { user: AdminUser; onNotice: (message: string | null) => void }) {
  const { _ } = useLingui();
  const [open, setOpen] = useState(false);
  const exportData = useExportUserData();
  const { user } = props;
  const { field, message, busy, submit, reset } = useApiForm({
    initialValues: { reason: '' },
    schema: adminDataExportBody,
  });

  const close = () => {
    setOpen(false);
    reset();
  };
  const send = submit(
    (body) => exportData.mutateAsync({ userId: user.id, reason: body.reason }),
    () => {
      close();
      props.onNotice(_('dataexport.admin.started', { name: user.displayName }));
    },
  );

  return (
    <>
      <Button
        size="xs"
        variant="subtle"
        onClick={() => setOpen(true)}
        aria-label={_('dataexport.admin.buttonLabel', { name: user.displayName })}
      >
        {_('dataexport.admin.button')}
      </Button>
      <Modal
        opened={open}
        onClose={close}
        title={_('dataexport.admin.title', { name: user.displayName })}
        centered
      >
        <form onSubmit={(event: FormEvent) => send(event)} noValidate>
          <Stack gap="md">
            <FormAlert message={message} />
            <Text size="sm">{_('dataexport.admin.explain')}</Text>
            <Textarea
              label={_('dataexport.admin.reason')}
              description={_('dataexport.admin.reasonHint')}
              name="reason"
              required
              autosize
              minRows={2}
              maxLength={dataExportLimits.reasonMax}
              data-autofocus
              {...field('reason')}
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                {_('dataexport.admin.cancel')}
              </Button>
              <Button type="submit" loading={busy}>
                {_('dataexport.admin.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
