import { useLingui } from '@lingui/react';
import { Anchor, Button, Card, Group, Select, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { resourceKindMessages, resourceKinds } from '../../../common/enums.ts';
import { type ResourceFilters, type Toolkit, useResources, useToolkit } from '../../api/toolkit.ts';
import { SubmitSearch } from '../../components/list-page/extras.tsx';
import { type FilterValues, ItemList, PagedList, useUrlFilters } from '../../components/list-page/index.ts';
import { EmptyState, LoadError } from '../../components/page-states.tsx';
import { useDocumentTitle } from '../../hooks/use-document-title.ts';
import { useCommunity } from '../communities/community-context.ts';
import { CuratorPanel } from './curator-panel.tsx';
import { ResourceCard } from './resource-card.tsx';
import { ResourceFormDialog, topicOptions } from './resource-form.tsx';

/** Placeholder cards while a list loads. */
export function CardSkeletons(props: { count?: number }) {
  const { _ } = useLingui();
  return (
    <Stack gap="sm" role="status" aria-label={_('toolkit.tab.loading')}>
      {Array.from({ length: props.count ?? 3 }, (_item, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: identical placeholders
        <Skeleton key={index} height={96} radius="md" />
      ))}
    </Stack>
  );
}

function ResourceList(props: {
  slug: string;
  filters: ResourceFilters;
  empty: string;
  canAdd: boolean;
  onAdd: () => void;
}) {
  const { _ } = useLingui();
  const list = useResources(props.slug, props.filters);
  return (
    <PagedList
      query={list}
      loading={<CardSkeletons />}
      empty={
        <EmptyState
          title={props.empty}
          action={
            props.canAdd ? (
              <Button variant="light" mt="sm" onClick={props.onAdd}>
                {_('toolkit.tab.add')}
              </Button>
            ) : undefined
          }
        />
      }
      gap="sm"
      more={{ align: 'start' }}
    >
      {(resources) => (
        <ItemList items={resources}>{(resource) => <ResourceCard resource={resource} />}</ItemList>
      )}
    </PagedList>
  );
}

/** The list's filters from the address (unknown values are left out). */
function resourceFilters(filters: FilterValues<FilterName>): ResourceFilters {
  const { kind, sort } = filters;
  return {
    q: filters.q || undefined,
    kind: resourceKinds.find((value) => value === kind),
    topicId: filters.topicId || undefined,
    collectionId: filters.collectionId || undefined,
    sort: sort === 'popular' || sort === 'title' ? sort : undefined,
  };
}

const filterNames = ['q', 'kind', 'topicId', 'collectionId', 'sort'] as const;
type FilterName = (typeof filterNames)[number];

function ToolkitView(props: { slug: string; toolkit: Toolkit }) {
  const { _ } = useLingui();
  const { slug, toolkit } = props;
  const [adding, setAdding] = useState(false);
  // The filters live in the address, so Back, reload and a shared link keep them; a change replaces the
  // history entry.
  const { filters: inAddress, set } = useUrlFilters(filterNames, { history: 'replace' });
  const filters = resourceFilters(inAddress);
  const setFilter = (key: FilterName, value: string | null) => set({ [key]: value ?? '' });
  const filtered = Boolean(filters.q || filters.kind || filters.topicId || filters.collectionId);
  return (
    <Stack gap="lg">
      {toolkit.featured.length > 0 ? (
        <Card component="section" aria-labelledby="featured-title">
          <Title order={2} size="h3" id="featured-title" mb="sm">
            {_('toolkit.tab.featured')}
          </Title>
          <SimpleGrid
            component="ul"
            cols={{ base: 1, sm: 2 }}
            spacing="sm"
            style={{ listStyle: 'none', margin: 0, padding: 0 }}
          >
            {toolkit.featured.map((resource) => (
              <li key={resource.id}>
                <ResourceCard resource={resource} />
              </li>
            ))}
          </SimpleGrid>
        </Card>
      ) : null}
      <Card component="section" aria-labelledby="resources-title">
        <Stack gap="md">
          <Group justify="space-between" gap="sm" wrap="wrap">
            <Title order={2} size="h3" id="resources-title">
              {_('toolkit.tab.resources', { count: toolkit.counts.resources })}
            </Title>
            {toolkit.abilities.contribute ? (
              <Button onClick={() => setAdding(true)}>{_('toolkit.tab.add')}</Button>
            ) : null}
          </Group>
          <SubmitSearch
            label={_('toolkit.tab.search')}
            button={_('common.action.search')}
            initial={filters.q}
            onSearch={(words) => setFilter('q', words)}
          />
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm">
            <Select
              label={_('toolkit.tab.kind')}
              data={[
                { value: '', label: _('toolkit.tab.allKinds') },
                ...resourceKinds.map((kind) => ({ value: kind, label: _(resourceKindMessages[kind]) })),
              ]}
              value={filters.kind ?? ''}
              onChange={(value) => setFilter('kind', value)}
              allowDeselect={false}
            />
            <Select
              label={_('toolkit.tab.topic')}
              data={[{ value: '', label: _('toolkit.tab.allTopics') }, ...topicOptions(toolkit.topics, true)]}
              value={filters.topicId ?? ''}
              onChange={(value) => setFilter('topicId', value)}
              allowDeselect={false}
            />
            <Select
              label={_('toolkit.tab.collection')}
              data={[
                { value: '', label: _('toolkit.tab.allCollections') },
                ...toolkit.collections.map((collection) => ({
                  value: collection.id,
                  label: collection.title,
                })),
              ]}
              value={filters.collectionId ?? ''}
              onChange={(value) => setFilter('collectionId', value)}
              allowDeselect={false}
            />
            <Select
              label={_('toolkit.tab.sortBy')}
              data={[
                { value: 'newest', label: _('toolkit.tab.newest') },
                { value: 'popular', label: _('toolkit.tab.popular') },
                { value: 'title', label: _('toolkit.tab.byTitle') },
              ]}
              value={filters.sort ?? 'newest'}
              onChange={(value) => setFilter('sort', value === 'newest' ? null : value)}
              allowDeselect={false}
            />
          </SimpleGrid>
          <ResourceList
            slug={slug}
            filters={filters}
            empty={filtered ? _('toolkit.tab.noMatch') : _('toolkit.tab.empty')}
            canAdd={toolkit.abilities.contribute && !filtered}
            onAdd={() => setAdding(true)}
          />
        </Stack>
      </Card>
      {toolkit.collections.length > 0 ? (
        <Card component="section" aria-labelledby="collections-title">
          <Title order={2} size="h3" id="collections-title" mb="sm">
            {_('toolkit.tab.collections')}
          </Title>
          <Stack component="ul" gap="xs" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
            {toolkit.collections.map((collection) => (
              <li key={collection.id}>
                <Anchor component={Link} to={`/toolkit/collections/${collection.id}`}>
                  {collection.title}
                </Anchor>{' '}
                <Text span size="sm" c="dimmed">
                  {_('toolkit.tab.collectionCount', { count: collection.resourceCount })}
                </Text>
              </li>
            ))}
          </Stack>
        </Card>
      ) : null}
      {toolkit.abilities.curate ? <CuratorPanel slug={slug} toolkit={toolkit} /> : null}
      {adding ? (
        <ResourceFormDialog
          opened
          slug={slug}
          topics={toolkit.topics}
          uploadMaxMb={toolkit.uploadMaxMb}
          onClose={() => setAdding(false)}
        />
      ) : null}
    </Stack>
  );
}

/** /communities/:slug/toolkit: featured resources, the searchable list, collections and curating. */
export function ToolkitTab() {
  const { home, slug } = useCommunity();
  useDocumentTitle(`Toolkit · ${home.community.name}`);
  const toolkit = useToolkit(slug);
  if (toolkit.isPending) return <CardSkeletons count={4} />;
  if (toolkit.isError) return <LoadError error={toolkit.error} onRetry={() => void toolkit.refetch()} />;
  return <ToolkitView slug={slug} toolkit={toolkit.data} />;
}
