import { Trans, useLingui } from '@lingui/react';
import { Button, Card, Group, Modal, Stack, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { z } from 'zod';
import { unitNameField } from '../../../common/fields.ts';
import { useUnitMutations } from '../../api/admin.ts';
import { useUnits } from '../../api/queries.ts';
import type { Unit } from '../../api/types.ts';
import { FormAlert, StatusAlert } from '../../components/form-alert.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { EmptyState, LoadError, PageLoader } from '../../components/page-states.tsx';
import { useApiAction } from '../../hooks/use-api-action.ts';
import { useApiForm } from '../../hooks/use-api-form.ts';

const unitSchema = z.object({ name: unitNameField });

function RenameUnitModal(props: {
  unit: Unit | null;
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const { _ } = useLingui();
  const { field, message, busy, submit } = useApiForm({
    initialValues: { name: props.unit?.name ?? '' },
    schema: unitSchema,
  });
  const { rename } = useUnitMutations();
  const { unit } = props;
  const save = unit
    ? submit(
        async (body) => {
          await rename.mutateAsync({ id: unit.id, name: body.name });
          return body.name;
        },
        (name) => props.onDone(_('admin.units.renamed', { name })),
      )
    : (event: FormEvent) => event.preventDefault();
  return (
    <Modal opened={props.unit !== null} onClose={props.onClose} title={_('admin.units.renameTitle')} centered>
      <form onSubmit={save} noValidate>
        <Stack gap="md">
          <FormAlert message={message} />
          <TextInput
            label={_('admin.units.nameLabel')}
            name="name"
            {...field('name')}
            data-autofocus
            required
          />
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

function DeleteUnitModal(props: {
  unit: Unit | null;
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const { _ } = useLingui();
  const removing = useApiAction();
  const { remove: removeUnit } = useUnitMutations();
  const remove = async () => {
    if (!props.unit) return;
    const { id, name } = props.unit;
    const done = await removing.run(() => removeUnit.mutateAsync(id));
    if (done) props.onDone(_('admin.units.removed', { name }));
  };
  return (
    <Modal opened={props.unit !== null} onClose={props.onClose} title={_('admin.units.removeTitle')} centered>
      <Stack gap="md">
        <FormAlert message={removing.message} />
        <Text>
          <Trans
            id="admin.units.removeText"
            values={{ count: props.unit?.memberCount ?? 0 }}
            components={{ name: <strong>{props.unit?.name}</strong> }}
          />
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose} data-autofocus>
            {_('common.action.cancel')}
          </Button>
          <Button color="red" onClick={() => void remove()} loading={removing.busy}>
            {_('admin.units.removeConfirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** /admin/units: the institution's units — add, rename, remove. */
export function AdminUnitsPage() {
  const { _ } = useLingui();
  const units = useUnits();
  const { add: addUnit } = useUnitMutations();
  const [renaming, setRenaming] = useState<Unit | null>(null);
  const [deleting, setDeleting] = useState<Unit | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const { field, message, busy, submit, reset } = useApiForm({
    initialValues: { name: '' },
    schema: unitSchema,
  });

  // The unit mutations refetch the list.
  const done = (note: string) => {
    setRenaming(null);
    setDeleting(null);
    setStatus(note);
  };

  const add = submit(
    (body) => addUnit.mutateAsync(body),
    (created) => {
      reset();
      done(_('admin.units.added', { name: created.name }));
    },
  );

  return (
    <>
      <PageHeader title={_('admin.units.title')} description={_('admin.units.description')} />
      <Stack gap="lg">
        <Card
          component="form"
          onSubmit={(event: FormEvent) => {
            setStatus(null);
            add(event);
          }}
          noValidate
        >
          <Title order={2} size="h3" mb="sm">
            {_('admin.units.addTitle')}
          </Title>
          <Stack gap="sm">
            <FormAlert message={message} />
            <Group align="flex-start" gap="sm" wrap="wrap">
              <TextInput
                label={_('admin.units.nameLabel')}
                name="name"
                placeholder={_('admin.units.namePlaceholder')}
                {...field('name')}
                style={{ flex: '1 1 240px' }}
              />
              <Button type="submit" loading={busy} mt={{ base: 0, xs: 25 }}>
                {_('admin.units.add')}
              </Button>
            </Group>
          </Stack>
        </Card>
        <StatusAlert message={status} />
        {units.isPending ? (
          <PageLoader />
        ) : units.isError ? (
          <LoadError error={units.error} onRetry={() => void units.refetch()} />
        ) : units.data.length === 0 ? (
          <EmptyState title={_('admin.units.emptyTitle')}>{_('admin.units.emptyText')}</EmptyState>
        ) : (
          <Card padding={0}>
            <Text size="sm" c="dimmed" px="md" pt="sm" pb="xs">
              {_('admin.units.count', { count: units.data.length })}
            </Text>
            <ul aria-label={_('admin.units.listLabel')} className="row-list">
              {units.data.map((unit) => (
                <li key={unit.id}>
                  <Group justify="space-between" wrap="wrap" gap="xs" px="md" py="sm">
                    <Stack gap={0} style={{ minWidth: 0, flex: '1 1 200px' }}>
                      <Text fw={600}>{unit.name}</Text>
                      <Text size="xs" c="dimmed">
                        {_('admin.units.people', { count: unit.memberCount })}
                      </Text>
                    </Stack>
                    <Group gap="xs" wrap="nowrap">
                      <Button
                        size="xs"
                        variant="default"
                        onClick={() => setRenaming(unit)}
                        aria-label={_('admin.units.renameLabel', { name: unit.name })}
                      >
                        {_('admin.units.rename')}
                      </Button>
                      <Button
                        size="xs"
                        variant="subtle"
                        color="red"
                        onClick={() => setDeleting(unit)}
                        aria-label={_('admin.units.removeLabel', { name: unit.name })}
                      >
                        {_('common.action.remove')}
                      </Button>
                    </Group>
                  </Group>
                </li>
              ))}
            </ul>
          </Card>
        )}
      </Stack>
      <RenameUnitModal
        key={renaming?.id ?? 'none'}
        unit={renaming}
        onClose={() => setRenaming(null)}
        onDone={done}
      />
      <DeleteUnitModal
        key={deleting?.id ?? 'none-delete'}
        unit={deleting}
        onClose={() => setDeleting(null)}
        onDone={done}
      />
    </>
  );
}
