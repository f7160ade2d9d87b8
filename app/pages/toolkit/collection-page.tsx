import { Trans, useLingui } from '@lingui/react';
import {
  ActionIcon,
  Anchor,
  Box,
  Button,
  Card,
  Group,
  Modal,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMemo, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { z } from 'zod';
import {
  type CollectionDetail,
  type ResourceSummary,
  useCollection,
  useCollectionResourcesMutation,
  useDeleteCollectionMutation,
  useResources,
  useUpdateCollectionMutation,
} from '../../api/toolkit.ts';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { FormAlert, StatusAlert } from '../../components/form-alert.tsx';
import { SubmitSearch } from '../../components/list-page/extras.tsx';
import { PagedList, PlainList } from '../../components/list-page/index.ts';
import { MarkdownField } from '../../components/markdown-field.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { CommunityItemPageState } from '../../components/page-states.tsx';
import { Prose } from '../../components/prose.tsx';
import { useApiAction } from '../../hooks/use-api-action.ts';
import { useApiForm } from '../../hooks/use-api-form.ts';
import { ResourceCard } from './resource-card.tsx';

/** Moves focus to a button by id after React has placed it. */
function focusLater(id: string) {
  requestAnimationFrame(() => document.getElementById(id)?.focus());
}

/** For curators: finds a community resource by words and adds it to the end of the list. */
function AddResource(props: {
  slug: string;
  inList: Set<string>;
  onAdd: (resource: ResourceSummary) => void;
}) {
  const { _ } = useLingui();
  const [query, setQuery] = useState<string | null>(null);
  return (
    <Stack gap="sm">
      <SubmitSearch
        label={_('toolkit.collection.find')}
        description={_('toolkit.collection.findHint')}
        button={_('toolkit.collection.findButton')}
        onSearch={setQuery}
      />
      {query !== null ? (
        <Candidates slug={props.slug} q={query} inList={props.inList} onAdd={props.onAdd} />
      ) : null}
    </Stack>
  );
}

function Candidates(props: {
  slug: string;
  q: string;
  inList: Set<string>;
  onAdd: (resource: ResourceSummary) => void;
}) {
  const { _ } = useLingui();
  const list = useResources(props.slug, props.q ? { q: props.q } : {});
  return (
    <PagedList
      query={list}
      loadingLabel={_('toolkit.collection.finding')}
      // The first ten not in the collection yet: no "load more".
      select={(found) => found.filter((resource) => !props.inList.has(resource.id)).slice(0, 10)}
      more={false}
      empty={
        <Text size="sm" c="dimmed" role="status">
          {_('toolkit.collection.noOther')}
        </Text>
      }
    >
      {(found) => (
        <PlainList gap={6} aria-label={_('toolkit.collection.candidates')}>
          {found.map((resource) => (
            <li key={resource.id}>
              <Group gap="sm" wrap="nowrap" justify="space-between">
                <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                  {resource.title}
                </Text>
                <Button
                  size="compact-sm"
                  variant="light"
                  onClick={() => props.onAdd(resource)}
                  aria-label={_('toolkit.collection.addNamed', { title: resource.title })}
                >
                  {_('toolkit.collection.add')}
                </Button>
              </Group>
            </li>
          ))}
        </PlainList>
      )}
    </PagedList>
  );
}

/** The ordered list; curators move items up and down, remove them, add more, then save. */
function CollectionResources(props: { collection: CollectionDetail }) {
  const { _ } = useLingui();
  const { collection } = props;
  const saveResources = useCollectionResourcesMutation(collection.id, collection.community.slug);
  const saving = useApiAction();
  const [draft, setDraft] = useState<ResourceSummary[] | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const items = draft ?? collection.resources;
  const curate = collection.abilities.curate;
  const change = (next: ResourceSummary[]) => {
    setNotice(null);
    setDraft(next);
  };
  const move = (index: number, by: -1 | 1) => {
    const next = [...items];
    const [item] = next.splice(index, 1);
    if (!item) return;
    next.splice(index + by, 0, item);
    change(next);
    const target = index + by;
    // Keep focus on the same button; at either end, on the one still there.
    const edge = (by === -1 && target === 0) || (by === 1 && target === next.length - 1);
    focusLater(`move-${by === -1 ? (edge ? 'down' : 'up') : edge ? 'up' : 'down'}-${item.id}`);
  };
  const remove = (index: number) => {
    const next = items.filter((_item, at) => at !== index);
    change(next);
    const neighbour = next[index] ?? next[index - 1];
    focusLater(neighbour ? `remove-${neighbour.id}` : 'collection-save');
  };
  const save = async () => {
    if (!draft) return;
    const saved = await saving.run(() => saveResources.mutateAsync(draft.map((resource) => resource.id)));
    if (saved === undefined) return;
    setDraft(null);
    setNotice(_('toolkit.collection.saved'));
  };
  return (
    <Card component="section" aria-labelledby="collection-resources-title">
      <Stack gap="md">
        <Title order={2} size="h3" id="collection-resources-title">
          {_('toolkit.tab.resources', { count: items.length })}
        </Title>
        <FormAlert message={saving.message} />
        <StatusAlert message={notice} />
        {items.length === 0 ? (
          <Text size="sm" c="dimmed">
            {curate ? _('toolkit.collection.emptyCurate') : _('toolkit.collection.empty')}
          </Text>
        ) : (
          <Stack component="ol" gap="sm" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
            {items.map((resource, index) => (
              <li key={resource.id}>
                <Group gap="sm" align="flex-start" wrap="nowrap">
                  <Text fw={700} c="dimmed" w="1.5rem" ta="right" mt="md" aria-hidden="true">
                    {index + 1}
                  </Text>
                  <Box style={{ flex: 1, minWidth: 0 }}>
                    <ResourceCard resource={resource} collectionId={collection.id} />
                  </Box>
                  {curate ? (
                    <Stack gap={4} mt="sm">
                      <ActionIcon
                        id={`move-up-${resource.id}`}
                        variant="default"
                        aria-label={_('toolkit.collection.moveUp', { title: resource.title })}
                        disabled={index === 0}
                        onClick={() => move(index, -1)}
                      >
                        <span aria-hidden="true">↑</span>
                      </ActionIcon>
                      <ActionIcon
                        id={`move-down-${resource.id}`}
                        variant="default"
                        aria-label={_('toolkit.collection.moveDown', { title: resource.title })}
                        disabled={index === items.length - 1}
                        onClick={() => move(index, 1)}
                      >
                        <span aria-hidden="true">↓</span>
                      </ActionIcon>
                      <ActionIcon
                        id={`remove-${resource.id}`}
                        variant="default"
                        color="red"
                        aria-label={_('toolkit.collection.removeFrom', { title: resource.title })}
                        onClick={() => remove(index)}
                      >
                        <span aria-hidden="true">×</span>
                      </ActionIcon>
                    </Stack>
                  ) : null}
                </Group>
              </li>
            ))}
          </Stack>
        )}
        {curate ? (
          <>
            <Group gap="sm">
              <Button
                id="collection-save"
                onClick={() => void save()}
                loading={saving.busy}
                disabled={draft === null}
              >
                {_('toolkit.collection.save')}
              </Button>
              {draft ? (
                <Button variant="default" onClick={() => change(collection.resources)}>
                  {_('toolkit.collection.undo')}
                </Button>
              ) : null}
              {draft ? (
                <Text size="sm" c="dimmed">
                  {_('toolkit.collection.unsaved')}
                </Text>
              ) : null}
            </Group>
            <AddResource
              slug={collection.community.slug}
              inList={new Set(items.map((resource) => resource.id))}
              onAdd={(resource) => change([...items, resource])}
            />
          </>
        ) : null}
      </Stack>
    </Card>
  );
}

function EditCollectionDialog(props: { collection: CollectionDetail; onClose: () => void }) {
  const { _ } = useLingui();
  const update = useUpdateCollectionMutation(props.collection.id, props.collection.community.slug);
  const schema = useMemo(
    () =>
      z.object({
        title: z.string().trim().min(1, _('toolkit.curator.collectionTitleMissing')),
        description: z.string(),
      }),
    [_],
  );
  const { field, message, busy, submit } = useApiForm({
    initialValues: { title: props.collection.title, description: props.collection.description },
    schema,
  });
  return (
    <Modal opened onClose={props.onClose} title={_('toolkit.collection.editTitle')} size="xl" centered>
      <form
        onSubmit={submit((input) => update.mutateAsync(input), props.onClose)}
        noValidate
        aria-label={_('toolkit.collection.editTitle')}
      >
        <Stack gap="md">
          <FormAlert message={message} />
          <TextInput
            label={_('toolkit.resourceForm.title')}
            name="title"
            required
            {...field('title')}
            data-autofocus
          />
          <MarkdownField
            label={_('toolkit.resourceForm.description')}
            name="description"
            {...field('description')}
            empty={_('toolkit.collection.descriptionEmpty')}
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={props.onClose}>
              {_('common.action.cancel')}
            </Button>
            <Button type="submit" loading={busy}>
              {_('common.action.saveChanges')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function CollectionView(props: { collection: CollectionDetail }) {
  const { _ } = useLingui();
  const { collection } = props;
  const navigate = useNavigate();
  const deleteCollection = useDeleteCollectionMutation(collection.id, collection.community.slug);
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const toolkitPath = `/communities/${collection.community.slug}/toolkit`;
  return (
    <>
      <PageHeader
        title={collection.title}
        documentTitle={`${collection.title} · ${collection.community.name}`}
        description={
          <Trans
            id="toolkit.collection.inToolkit"
            values={{ community: collection.community.name }}
            components={{ link: <Anchor component={Link} to={toolkitPath} /> }}
          />
        }
        breadcrumbs={[
          { label: collection.community.name, to: `/communities/${collection.community.slug}` },
          { label: 'Toolkit', to: toolkitPath },
        ]}
        actionsLabel={_('toolkit.collection.manage')}
        actions={
          collection.abilities.curate ? (
            <>
              <Button variant="default" onClick={() => setEditing(true)}>
                {_('common.action.edit')}
              </Button>
              <Button variant="default" color="red" onClick={() => setDeleting(true)}>
                {_('common.action.delete')}
              </Button>
            </>
          ) : null
        }
      />
      <Stack gap="lg">
        {collection.descriptionHtml.trim() ? (
          <Card component="section" aria-label={_('toolkit.collection.about')}>
            <Box style={{ overflowWrap: 'anywhere' }}>
              <Prose html={collection.descriptionHtml} empty="" />
            </Box>
          </Card>
        ) : null}
        <CollectionResources collection={collection} />
      </Stack>
      {editing ? <EditCollectionDialog collection={collection} onClose={() => setEditing(false)} /> : null}
      <ConfirmDialog
        opened={deleting}
        title={_('toolkit.collection.deleteTitle')}
        message={_('toolkit.collection.deleteMessage')}
        confirmLabel={_('toolkit.collection.deleteConfirm')}
        onConfirm={async () => {
          await deleteCollection.mutateAsync();
          void navigate(toolkitPath);
        }}
        onClose={() => setDeleting(false)}
      />
    </>
  );
}

/** /toolkit/collections/:id: a curated, ordered list of a community's resources. */
export function CollectionPage() {
  const { id = '' } = useParams();
  const collection = useCollection(id);
  if (!collection.data) return <CommunityItemPageState noun="Collection" query={collection} />;
  return <CollectionView key={collection.data.id} collection={collection.data} />;
}
