import { useLingui } from '@lingui/react';
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
import { useSearchParams } from 'react-router';
import { type PersonKind, personKinds } from '../../../common/enums.ts';
import { usePeople } from '../../api/people.ts';
import { useUnits } from '../../api/queries.ts';
import { SearchIcon } from '../../components/icons.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { EmptyState, LoadError, PageLoader } from '../../components/page-states.tsx';
import { PersonCard } from '../../components/person-card.tsx';
import { useSearchText } from '../../hooks/use-search-text.ts';

/** The ids of the words for each kind of person (translated when shown). */
const personKindMessages = {
  staff: 'people.kind.staff',
  student: 'people.kind.student',
  external: 'people.kind.external',
} as const satisfies Record<PersonKind, string>;

/** People: find colleagues by name, unit or expertise, with filters kept in the address. */
export function PeoplePage() {
  const { _ } = useLingui();
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

  const people = usePeople(filters);

  const list = people.data?.pages.flatMap((page) => page.data) ?? [];
  const filtered = Boolean(filters.q || filters.unitId || filters.kind || filters.expertise);
  const describe = [
    filters.q && _('people.directory.describe.words', { words: filters.q }),
    filters.expertise && _('people.directory.describe.expertise', { tag: filters.expertise }),
    filters.kind in personKindMessages && _(personKindMessages[filters.kind as PersonKind]).toLowerCase(),
    filters.unitId && units.data?.find((u) => u.id === filters.unitId)?.name,
  ]
    .filter(Boolean)
    .join(', ');

  return (
    <>
      <PageHeader title={_('people.directory.title')} description={_('people.directory.description')} />
      <search aria-label={_('people.directory.title')}>
        <Stack gap="sm" mb="lg">
          <TextInput
            label={_('people.directory.search')}
            name="q"
            type="search"
            leftSection={<SearchIcon size={18} />}
            value={text}
            onChange={(event) => setText(event.currentTarget.value)}
            size="md"
          />
          <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
            <NativeSelect
              label={_('people.directory.unit.label')}
              value={filters.unitId}
              onChange={(event) => update({ unitId: event.currentTarget.value })}
              data={[
                { value: '', label: _('people.directory.unit.all') },
                ...(units.data ?? []).map((unit) => ({ value: unit.id, label: unit.name })),
              ]}
            />
            <NativeSelect
              label={_('people.directory.kind.label')}
              value={filters.kind}
              onChange={(event) => update({ kind: event.currentTarget.value })}
              data={[
                { value: '', label: _('people.directory.kind.all') },
                ...personKinds.map((kind) => ({ value: kind, label: _(personKindMessages[kind]) })),
              ]}
            />
            <TextInput
              label={_('people.directory.expertise.label')}
              placeholder={_('people.directory.expertise.placeholder')}
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
          ? _('people.directory.searching')
          : list.length === 0
            ? filtered
              ? _('people.directory.empty.noMatch', { describe })
              : _('people.directory.empty.none')
            : people.hasNextPage
              ? _('people.directory.shownMore', { count: list.length })
              : _('people.directory.shown', { count: list.length })}
      </VisuallyHidden>
      <div aria-busy={people.isFetching}>
        {people.isPending ? (
          <PageLoader label={_('people.directory.loading')} />
        ) : people.isError ? (
          <LoadError error={people.error} onRetry={() => void people.refetch()} />
        ) : list.length === 0 ? (
          <EmptyState
            title={
              filtered ? _('people.directory.empty.noMatch', { describe }) : _('people.directory.empty.none')
            }
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
                  {_('people.directory.clear')}
                </Button>
              ) : null
            }
          >
            {filtered ? _('people.directory.empty.tryAgain') : _('people.directory.empty.firstOnes')}
          </EmptyState>
        ) : (
          <Stack gap="md">
            <Text size="sm" c="dimmed">
              {_(filtered ? 'people.directory.summary.filtered' : 'people.directory.summary.all', {
                describe,
                count: list.length,
                more: people.hasNextPage ? 'yes' : 'no',
              })}
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
                  {_('common.action.loadMore')}
                </Button>
              </Group>
            ) : null}
          </Stack>
        )}
      </div>
    </>
  );
}
