import { useLingui } from '@lingui/react';
import { Badge, Button, Card, Code, Group, Modal, Stack, Switch, Text, Title } from '@mantine/core';
import { useState } from 'react';
import {
  type IdentityProvider,
  useIdentityProviderMutations,
  useIdentityProviders,
  useSsoOnlyMutation,
  useSsoSettings,
} from '../../api/sso.ts';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { FormAlert, StatusAlert } from '../../components/form-alert.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { EmptyState, LoadError, PageLoader } from '../../components/page-states.tsx';
import { useApiAction } from '../../hooks/use-api-action.ts';
import { useApiForm } from '../../hooks/use-api-form.ts';
import {
  changeProviderSchema,
  IdentityProviderFields,
  newProviderSchema,
  providerFormValues,
} from './identity-provider-form.tsx';

function AddProvider(props: { onDone: (message: string) => void }) {
  const { _ } = useLingui();
  const { add } = useIdentityProviderMutations();
  const { field, message, busy, submit, reset } = useApiForm({
    initialValues: providerFormValues(),
    schema: newProviderSchema,
  });
  const save = submit(
    (body) => add.mutateAsync(body),
    (created) => {
      reset();
      props.onDone(_('sso.admin.added', { name: created.name }));
    },
  );
  return (
    <Card component="form" onSubmit={save} noValidate>
      <Title order={2} size="h3" mb="md">
        {_('sso.admin.addTitle')}
      </Title>
      <Stack gap="md" maw={720}>
        <FormAlert message={message} />
        <IdentityProviderFields field={field} editing={false} />
        <Group>
          <Button type="submit" loading={busy}>
            {_('sso.admin.add')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

function EditProvider(props: {
  provider: IdentityProvider;
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const { _ } = useLingui();
  const { change } = useIdentityProviderMutations();
  const { field, message, busy, submit } = useApiForm({
    initialValues: providerFormValues(props.provider),
    schema: changeProviderSchema,
  });
  const save = submit(
    (body) => change.mutateAsync({ id: props.provider.id, body }),
    (saved) => props.onDone(_('sso.admin.saved', { name: saved.name })),
  );
  return (
    <Modal
      opened
      onClose={props.onClose}
      title={_('sso.admin.editTitle', { name: props.provider.name })}
      size="lg"
    >
      <form onSubmit={save} noValidate>
        <Stack gap="md">
          <FormAlert message={message} />
          <IdentityProviderFields field={field} editing />
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>
              {_('common.action.cancel')}
            </Button>
            <Button type="submit" loading={busy}>
              {_('common.action.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function SsoOnlySetting() {
  const { _ } = useLingui();
  const settings = useSsoSettings();
  const setSsoOnly = useSsoOnlyMutation();
  const saving = useApiAction();
  const [saved, setSaved] = useState<string | null>(null);
  const toggle = async (on: boolean) => {
    setSaved(null);
    const done = await saving.run(() => setSsoOnly.mutateAsync(on));
    if (done) setSaved(_(on ? 'sso.admin.ssoOnlyOn' : 'sso.admin.ssoOnlyOff'));
  };
  return (
    <Card>
      <Title order={2} size="h3" mb="xs">
        {_('sso.admin.ssoOnlyTitle')}
      </Title>
      <Stack gap="sm">
        <FormAlert message={saving.message} />
        <Switch
          label={_('sso.admin.ssoOnly')}
          description={_('sso.admin.ssoOnlyHelp')}
          checked={settings.data?.ssoOnly ?? false}
          disabled={settings.isPending || saving.busy}
          onChange={(event) => void toggle(event.currentTarget.checked)}
        />
        <StatusAlert message={saved} />
      </Stack>
    </Card>
  );
}

/** /admin/identity-providers: single sign-on — the OpenID Connect providers and SSO-only mode. */
export function AdminIdentityProvidersPage() {
  const { _ } = useLingui();
  const providers = useIdentityProviders();
  const { change, remove } = useIdentityProviderMutations();
  const acting = useApiAction();
  const [editing, setEditing] = useState<IdentityProvider | null>(null);
  const [removing, setRemoving] = useState<IdentityProvider | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const done = (note: string) => {
    setEditing(null);
    setRemoving(null);
    setStatus(note);
  };
  const toggle = async (provider: IdentityProvider) => {
    setStatus(null);
    const saved = await acting.run(() =>
      change.mutateAsync({ id: provider.id, body: { enabled: !provider.enabled } }),
    );
    if (saved)
      done(_(saved.enabled ? 'sso.admin.enabledNow' : 'sso.admin.disabledNow', { name: saved.name }));
  };

  return (
    <>
      <PageHeader title={_('sso.admin.title')} description={_('sso.admin.description')} />
      <Stack gap="lg">
        <StatusAlert message={status} />
        <FormAlert message={acting.message} />
        {providers.isPending ? (
          <PageLoader />
        ) : providers.isError ? (
          <LoadError error={providers.error} onRetry={() => void providers.refetch()} />
        ) : providers.data.length === 0 ? (
          <EmptyState title={_('sso.admin.emptyTitle')}>{_('sso.admin.emptyText')}</EmptyState>
        ) : (
          <Card padding={0}>
            <ul aria-label={_('sso.admin.listLabel')} className="row-list">
              {providers.data.map((provider) => (
                <li key={provider.id}>
                  <Stack gap={4} px="md" py="sm">
                    <Group justify="space-between" wrap="wrap" gap="xs">
                      <Group gap="xs">
                        <Text fw={600}>{provider.name}</Text>
                        <Badge color={provider.enabled ? 'forest' : 'gray'} variant="light">
                          {_(provider.enabled ? 'sso.admin.on' : 'sso.admin.off')}
                        </Badge>
                      </Group>
                      <Group gap="xs" wrap="wrap">
                        <Button
                          size="xs"
                          variant="default"
                          onClick={() => setEditing(provider)}
                          aria-label={_('sso.admin.editLabel', { name: provider.name })}
                        >
                          {_('common.action.edit')}
                        </Button>
                        <Button size="xs" variant="default" onClick={() => void toggle(provider)}>
                          {_(provider.enabled ? 'sso.admin.disable' : 'sso.admin.enable', {
                            name: provider.name,
                          })}
                        </Button>
                        <Button
                          size="xs"
                          variant="subtle"
                          color="red"
                          onClick={() => setRemoving(provider)}
                          aria-label={_('sso.admin.removeLabel', { name: provider.name })}
                        >
                          {_('common.action.remove')}
                        </Button>
                      </Group>
                    </Group>
                    <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                      {provider.issuer}
                    </Text>
                    <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                      {_('sso.admin.redirectUri')} <Code>{provider.redirectUri}</Code>
                    </Text>
                  </Stack>
                </li>
              ))}
            </ul>
          </Card>
        )}
        <AddProvider onDone={done} />
        <SsoOnlySetting />
      </Stack>
      {editing ? <EditProvider provider={editing} onClose={() => setEditing(null)} onDone={done} /> : null}
      <ConfirmDialog
        opened={removing !== null}
        title={_('sso.admin.removeTitle')}
        message={_('sso.admin.removeText', { name: removing?.name ?? '' })}
        confirmLabel={_('common.action.remove')}
        onClose={() => setRemoving(null)}
        onConfirm={async () => {
          if (!removing) return;
          const { id, name } = removing;
          await remove.mutateAsync(id);
          done(_('sso.admin.removed', { name }));
        }}
      />
    </>
  );
}
