import { useLingui } from '@lingui/react';
import { Anchor, Button, SimpleGrid, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { type PersonKind, personKinds } from '../../../common/enums.ts';
import { usePeople } from '../../api/people.ts';
import { useUnits } from '../../api/queries.ts';
import {
  FilterBar,
  FilterSelect,
  PagedList,
  SearchField,
  TagFilterField,
  useSearchText,
  useUrlFilters,
} from '../../components/list-page/index.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { EmptyState } from '../../components/page-states.tsx';
import { PersonCard } from '../../components/person-card.tsx';

/** The ids of the words for each kind of person (translated when shown). */
const personKindMessages = {
  staff: 'people.kind.staff',
  student: 'people.kind.student',
  external: 'people.kind.external',
} as const satisfies Record<PersonKind, string>;

const filterNames = ['q', 'unitId', 'kind', 'expertise'] as const;

/** People: find colleagues by name, unit or expertise, with filters kept in the address. */
export function PeoplePage() {
  const { _ } = useLingui();
  const box = useSearchText();
  // A change replaces the history entry: Back leaves the page.
  const { filters, field, clear } = useUrlFilters(filterNames, {
    history: 'replace',
    search: { name: 'q', ...box },
  });
  const units = useUnits();
  const people = usePeople(filters);

  const filtered = Boolean(filters.q || filters.unitId || filters.kind || filters.expertise);
  const describe = [
    filters.q && _('people.directory.describe.words', { words: filters.q }),
    filters.expertise && _('people.directory.describe.expertise', { tag: filters.expertise }),
    filters.kind in personKindMessages && _(personKindMessages[filters.kind as PersonKind]).toLowerCase(),
    filters.unitId && units.data?.find((u) => u.id === filters.unitId)?.name,
  ]
    .filter(Boolean)
    .join(', ');
  const emptyTitle = filtered
    ? _('people.directory.empty.noMatch', { describe })
    : _('people.directory.empty.none');

  return (
    <>
      <PageHeader title={_('people.directory.title')} description={_('people.directory.description')} />
      <FilterBar label={_('people.directory.title')}>
        <SearchField
          label={_('people.directory.search')}
          name="q"
          value={box.text}
          onChange={box.setText}
          size="md"
        />
        <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
          <FilterSelect
            label={_('people.directory.unit.label')}
            {...field('unitId')}
            all={_('people.directory.unit.all')}
            options={(units.data ?? []).map((unit) => ({ value: unit.id, label: unit.name }))}
          />
          <FilterSelect
            label={_('people.directory.kind.label')}
            {...field('kind')}
            all={_('people.directory.kind.all')}
            options={personKinds.map((kind) => ({ value: kind, label: _(personKindMessages[kind]) }))}
          />
          <TagFilterField
            label={_('people.directory.expertise.label')}
            placeholder={_('people.directory.expertise.placeholder')}
            {...field('expertise')}
          />
        </SimpleGrid>
      </FilterBar>
      {filters.expertise ? (
        <Text size="sm" mb="sm">
          <Anchor component={Link} to={`/skill-sessions?skill=${encodeURIComponent(filters.expertise)}`}>
            {_('people.directory.sessionsFor', { tag: filters.expertise })}
          </Anchor>
        </Text>
      ) : null}

      <PagedList
        query={people}
        busy
        loadingLabel={_('people.directory.loading')}
        announce={{
          loading: _('people.directory.searching'),
          shown: (count, more) =>
            count === 0
              ? emptyTitle
              : more
                ? _('people.directory.shownMore', { count })
                : _('people.directory.shown', { count }),
        }}
        gap="xl"
        empty={
          <EmptyState
            title={emptyTitle}
            action={
              filtered ? (
                <Button variant="light" mt="sm" onClick={clear}>
                  {_('people.directory.clear')}
                </Button>
              ) : null
            }
          >
            {filtered ? _('people.directory.empty.tryAgain') : _('people.directory.empty.firstOnes')}
          </EmptyState>
        }
      >
        {(list) => (
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
          </Stack>
        )}
      </PagedList>
    </>
  );
}
