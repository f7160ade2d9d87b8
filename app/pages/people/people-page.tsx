import {
  Button,
  Group,
  NativeSelect,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  VisuallyHidden,
} from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { personKinds } from '../../../common/enums.ts';
import { apiGetPage } from '../../api/client.ts';
import { keys, useUnits } from '../../api/queries.ts';
import type { PersonSummary } from '../../api/types.ts';
import { SearchIcon } from '../../components/icons.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { EmptyState, LoadError, PageLoader } from '../../components/page-states.tsx';
import { kindLabels, PersonCard } from '../../components/person-card.tsx';
import { useSearchText } from '../../hooks/use-search-text.ts';

/** People: find colleagues by name, unit or expertise, with filters kept in the address. */
export function PeoplePage() {
  const [params, setParams] = useSearchParams();
  const filters = {
    q: params.get('q') ?? '',
    unitId: params.get('unitId') ?? '',
    kind: params.get('kind') ?? '',
    expertise: params.get('expertise') ?? '',
  };
  const { text, setText, settle } = useSearchText();
  const units = useUnits();

  const update = (changes: Partial<typeof filters>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    setParams(next, { replace: true });
  };

  const people = useInfiniteQuery({
    queryKey: [...keys.people, filters],
    queryFn: ({ pageParam }) => apiGetPage<PersonSummary>('/people', { ...filters, cursor: pageParam }),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

  const list = people.data?.pages.flatMap((page) => page.data) ?? [];
  const filtered = Boolean(filters.q || filters.unitId || filters.kind || filters.expertise);
  const describe = [
    filters.q && `“${filters.q}”`,
    filters.expertise && `expertise “${filters.expertise}”`,
    filters.kind && kindLabels[filters.kind as keyof typeof kindLabels]?.toLowerCase(),
    filters.unitId && units.data?.find((u) => u.id === filters.unitId)?.name,
  ]
    .filter(Boolean)
    .join(', ');

  return (
    <>
      <PageHeader
        title="People"
        description="Find colleagues to learn from: who knows about what, and where."
      />
      <search aria-label="People">
        <Stack gap="sm" mb="lg">
          <TextInput
            label="Search by name, unit or expertise"
            name="q"
            type="search"
            leftSection={<SearchIcon size={18} />}
            value={text}
            onChange={(event) => setText(event.currentTarget.value)}
            size="md"
          />
          <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
            <NativeSelect
              label="Unit"
              value={filters.unitId}
              onChange={(event) => update({ unitId: event.currentTarget.value })}
              data={[
                { value: '', label: 'All units' },
                ...(units.data ?? []).map((unit) => ({ value: unit.id, label: unit.name })),
              ]}
            />
            <NativeSelect
              label="Kind"
              value={filters.kind}
              onChange={(event) => update({ kind: event.currentTarget.value })}
              data={[
                { value: '', label: 'Everyone' },
                ...personKinds.map((kind) => ({ value: kind, label: kindLabels[kind] })),
              ]}
            />
            <TextInput
              label="Expertise tag"
              placeholder="e.g. assessment"
              defaultValue={filters.expertise}
              key={filters.expertise}
              onBlur={(event) => update({ expertise: event.currentTarget.value.trim().toLowerCase() })}
              onKeyDown={(event) => {
                if (event.key === 'Enter')
                  update({ expertise: event.currentTarget.value.trim().toLowerCase() });
              }}
            />
          </SimpleGrid>
        </Stack>
      </search>

      <VisuallyHidden role="status">
        {people.isPending
          ? 'Searching…'
          : list.length === 0
            ? filtered
              ? `No one matches ${describe}`
              : 'No one is here yet'
            : `${list.length}${people.hasNextPage ? ' or more' : ''} people shown`}
      </VisuallyHidden>
      <div aria-busy={people.isFetching}>
        {people.isPending ? (
          <PageLoader label="Finding people…" />
        ) : people.isError ? (
          <LoadError error={people.error} onRetry={() => void people.refetch()} />
        ) : list.length === 0 ? (
          <EmptyState
            title={filtered ? `No one matches ${describe}` : 'No one is here yet'}
            action={
              filtered ? (
                <Button
                  variant="light"
                  mt="sm"
                  onClick={() => {
                    settle('');
                    setParams(new URLSearchParams(), { replace: true });
                  }}
                >
                  Clear the search
                </Button>
              ) : null
            }
          >
            {filtered
              ? 'Try fewer words, another spelling, or remove a filter.'
              : 'People appear here once they sign up and confirm their email.'}
          </EmptyState>
        ) : (
          <Stack gap="md">
            <Text size="sm" c="dimmed">
              {filtered ? `People matching ${describe}` : 'Everyone, by name'}
              {` · ${list.length}${people.hasNextPage ? '+' : ''} shown`}
            </Text>
            <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
              {list.map((person) => (
                <PersonCard key={person.id} person={person} />
              ))}
            </SimpleGrid>
            {people.hasNextPage ? (
              <Group justify="center" mt="md">
                <Button
                  variant="default"
                  onClick={() => void people.fetchNextPage()}
                  loading={people.isFetchingNextPage}
                >
                  Load more
                </Button>
              </Group>
            ) : null}
          </Stack>
        )}
      </div>
    </>
  );
}
