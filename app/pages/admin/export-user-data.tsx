import { useLingui } from '@lingui/react';
import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { dataExportLimits } from '../../../common/contracts/data-exports.ts';
import { ApiError, errorMessage } from '../../api/client.ts';
import { useExportUserData } from '../../api/data-exports.ts';
import type { AdminUser } from '../../api/types.ts';

/**
 * "Export this person's data" for a formal request (#19): the administrator gives the reason (required,
 * recorded in the audit log); the export is prepared in the background and its link comes to them.
 */
export function ExportUserDataButton(props: { user: AdminUser; onNotice: (message: string | null) => void }) {
  const { _ } = useLingui();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const exportData = useExportUserData();
  const { user } = props;

  const close = () => {
    setOpen(false);
    setReason('');
    setError(null);
  };
  const submit = () => {
    if (reason.trim() === '') {
      setError(_('dataexport.validation.reason'));
      return;
    }
    setError(null);
    exportData.mutate(
      { userId: user.id, reason: reason.trim() },
      {
        onSuccess: () => {
          close();
          props.onNotice(_('dataexport.admin.started', { name: user.displayName }));
        },
        onError: (failure) =>
          setError(
            failure instanceof ApiError && failure.fields?.reason
              ? failure.fields.reason
              : errorMessage(failure),
          ),
      },
    );
  };

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
        <form
          onSubmit={(event) => {
            event.preventDefault();
            submit();
          }}
          noValidate
        >
          <Stack gap="md">
            <Text size="sm">{_('dataexport.admin.explain')}</Text>
            <Textarea
              label={_('dataexport.admin.reason')}
              description={_('dataexport.admin.reasonHint')}
              required
              autosize
              minRows={2}
              maxLength={dataExportLimits.reasonMax}
              value={reason}
              onChange={(event) => setReason(event.currentTarget.value)}
              error={error}
              data-autofocus
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                {_('dataexport.admin.cancel')}
              </Button>
              <Button type="submit" loading={exportData.isPending}>
                {_('dataexport.admin.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
