import { useLingui } from '@lingui/react';
import { Button, Group, List, Modal, Radio, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { type FormEvent, useMemo, useState } from 'react';
import { z } from 'zod';
import { useEraseUserMutation } from '../../api/admin.ts';
import type { AdminUser } from '../../api/types.ts';
import { FormAlert } from '../../components/form-alert.tsx';
import { useApiForm } from '../../hooks/use-api-form.ts';
import { i18n } from '../../i18n/i18n.ts';

type Mode = 'anonymise' | 'delete';

/** The dialog's rules: a mode, the request's reason, and the person's email address typed again. */
function eraseRules(email: string) {
  return z.object({
    mode: z.enum(['anonymise', 'delete']),
    reason: z
      .string()
      .trim()
      .min(3, { error: () => i18n._('admin.user.erase.reasonRequired') }),
    confirmation: z
      .string()
      .trim()
      .refine((typed) => typed.toLowerCase() === email.toLowerCase(), {
        error: () => i18n._('admin.user.erase.confirmationMismatch'),
      }),
  });
}

/**
 * "Erase this person…" (a formal erasure request): the two modes in plain words, the request's reason
 * (kept in the audit log) and the person's email address typed again, then POST
 * /api/admin/users/:id/erase. Refusals (yourself, the last administrator) show in the dialog; success
 * closes it, says so above the list and the list refetches without the person. Not for yourself.
 */
export function EraseUserButton(props: { user: AdminUser; onNotice: (message: string | null) => void }) {
  const { _ } = useLingui();
  const { user } = props;
  const [open, setOpen] = useState(false);
  const erase = useEraseUserMutation();
  const rules = useMemo(() => eraseRules(user.email), [user.email]);
  const { form, field, message, busy, submit, reset } = useApiForm({
    initialValues: { mode: 'anonymise' as Mode, reason: '', confirmation: '' },
    schema: rules,
  });
  const close = () => {
    setOpen(false);
    reset();
  };
  const send = submit(
    (body) => erase.mutateAsync({ id: user.id, mode: body.mode, reason: body.reason }),
    () => {
      close();
      props.onNotice(_('admin.user.erase.done', { name: user.displayName }));
    },
  );
  const mode = form.getValues().mode;

  return (
    <>
      <Button
        size="xs"
        variant="subtle"
        color="red"
        onClick={() => {
          props.onNotice(null);
          setOpen(true);
        }}
        aria-label={_('admin.user.erase.label', { name: user.displayName })}
      >
        {_('admin.user.erase.open')}
      </Button>
      <Modal
        opened={open}
        onClose={close}
        title={_('admin.user.erase.title', { name: user.displayName })}
        centered
        size="lg"
      >
        <form onSubmit={(event: FormEvent) => send(event)} noValidate>
          <Stack gap="md">
            <FormAlert message={message} />
            <Text>{_('admin.user.erase.text', { name: user.displayName, email: user.email })}</Text>
            <Radio.Group label={_('admin.user.erase.modeLabel')} {...form.getInputProps('mode')}>
              <Stack gap="sm" mt="xs">
                <Radio value="anonymise" label={_('admin.user.erase.anonymise')} />
                <Radio value="delete" label={_('admin.user.erase.delete')} />
              </Stack>
            </Radio.Group>
            <List size="sm">
              <List.Item>
                {mode === 'anonymise'
                  ? _('admin.user.erase.anonymiseStays')
                  : _('admin.user.erase.deleteGoes')}
              </List.Item>
            </List>
            <Textarea
              label={_('admin.user.erase.reason')}
              description={_('admin.user.erase.reasonHint')}
              name="reason"
              autosize
              minRows={2}
              required
              {...field('reason')}
            />
            <TextInput
              label={_('admin.user.erase.confirmation', { email: user.email })}
              name="confirmation"
              autoComplete="off"
              required
              {...field('confirmation')}
            />
            <Text fw={600}>{_('admin.user.erase.final')}</Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={close} data-autofocus>
                {_('common.action.cancel')}
              </Button>
              <Button type="submit" color="red" loading={busy}>
                {_('admin.user.erase.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
