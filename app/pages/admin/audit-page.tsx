import { useLingui } from '@lingui/react';
import { Button, Card, Code, Group, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useSearchParams } from 'react-router';
import { auditActionMessages, auditActions, isAuditAction } from '../../../common/audit-actions.ts';
import type { MessageId } from '../../../common/i18n/message-id.ts';
import { type AuditFilters, auditQueryOf, useAuditLog } from '../../api/admin.ts';
import { ApiError, apiUrl } from '../../api/client.ts';
import type { AuditEntry } from '../../api/types.ts';
import { FormAlert } from '../../components/form-alert.tsx';
import {
  FilterBar,
  FilterSelect,
  PagedList,
  readFilters,
  SearchField,
} from '../../components/list-page/index.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { EmptyState } from '../../components/page-states.tsx';
import { dateTime } from '../../lib/dates.ts';

const filterNames = ['action', 'actor', 'subjectType', 'subjectId', 'from', 'to', 'q'] as const;

/** The message for an entry's action: an institution update that only changed the language says so. */
function actionMessage(entry: AuditEntry): MessageId | undefined {
  if (entry.action === 'institution.update' && 'defaultLanguage' in entry.data && !('name' in entry.data))
    return 'admin.audit.action.institutionLanguage';
  return isAuditAction(entry.action) ? auditActionMessages[entry.action] : undefined;
}

/** The entry's extra data as "key: value" pairs. */
function details(entry: AuditEntry): string {
  return Object.entries(entry.data)
    .map(([key, value]) => `${key}: ${typeof value === 'string' ? value : JSON.stringify(value)}`)
    .join(', ');
}

/** The field messages of a refused search (400), by filter name. */
function fieldErrors(error: unknown): Partial<Record<string, string>> {
  return error instanceof ApiError && error.status === 400 ? error.fields : {};
}

/** The filters: typed and chosen here, applied (into the address, so Back and a reload keep them) on Search. */
function AuditFilterForm(props: {
  applied: AuditFilters;
  errors: Partial<Record<string, string>>;
  onApply: (filters: AuditFilters) => void;
}) {
  const { _ } = useLingui();
  const [draft, setDraft] = useState(props.applied);
  const [appliedKey, setAppliedKey] = useState(JSON.stringify(props.applied));
  if (appliedKey !== JSON.stringify(props.applied)) {
    setAppliedKey(JSON.stringify(props.applied));
    setDraft(props.applied);
  }
  const field = (name: keyof AuditFilters) => ({
    value: draft[name],
    error: props.errors[name],
    onChange: (event: { currentTarget: { value: string } }) =>
      setDraft({ ...draft, [name]: event.currentTarget.value }),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    props.onApply(draft);
  };
  const empty: AuditFilters = {
    action: '',
    actor: '',
    subjectType: '',
    subjectId: '',
    from: '',
    to: '',
    q: '',
  };

  return (
    <FilterBar label={_('audit.filters.label')}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="sm">
            <FilterSelect
              label={_('audit.filters.actions')}
              value={draft.action}
              error={props.errors.action}
              onChange={(action) => setDraft({ ...draft, action })}
              all={_('audit.filters.actionsPlaceholder')}
              options={auditActions.map((action) => ({
                value: action,
                label: _(auditActionMessages[action]),
              }))}
            />
            <SearchField
              label={_('audit.filters.text')}
              description={_('audit.filters.textHint')}
              value={draft.q}
              error={props.errors.q}
              onChange={(q) => setDraft({ ...draft, q })}
            />
            <TextInput
              label={_('audit.filters.actor')}
              description={_('audit.filters.actorHint')}
              {...field('actor')}
            />
            <TextInput label={_('audit.filters.subjectType')} {...field('subjectType')} />
            <TextInput label={_('audit.filters.subjectId')} {...field('subjectId')} />
            <Group grow gap="sm" align="flex-start" wrap="wrap">
              <TextInput type="date" miw={140} label={_('audit.filters.from')} {...field('from')} />
              <TextInput type="date" miw={140} label={_('audit.filters.to')} {...field('to')} />
            </Group>
          </SimpleGrid>
          <Group gap="sm">
            <Button type="submit">{_('audit.filters.apply')}</Button>
            <Button variant="default" onClick={() => props.onApply(empty)}>
              {_('audit.filters.clear')}
            </Button>
          </Group>
        </Stack>
      </form>
    </FilterBar>
  );
}

function EntriesTable(props: { list: AuditEntry[] }) {
  const { _ } = useLingui();
  return (
    <Card padding={0}>
      {/* Scrolls sideways on small screens; focusable so keyboard users can scroll it too (WCAG 2.1.1). */}
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be keyboard-focusable */}
      <section className="table-scroll" aria-label={_('admin.audit.tableLabel')} tabIndex={0}>
        <Table verticalSpacing="sm" horizontalSpacing="md" miw={640}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{_('admin.audit.column.when')}</Table.Th>
              <Table.Th scope="col">{_('admin.audit.column.who')}</Table.Th>
              <Table.Th scope="col">{_('admin.audit.column.what')}</Table.Th>
              <Table.Th scope="col">{_('admin.audit.column.details')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {props.list.map((entry) => {
              const message = actionMessage(entry);
              const subject = entry.subjectName ?? entry.subjectId?.slice(0, 16);
              return (
                <Table.Tr key={entry.id}>
                  <Table.Td>
                    <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                      {dateTime(entry.createdAt)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">
                      {entry.actor
                        ? entry.actor.displayName || _('admin.audit.formerMember')
                        : entry.action.startsWith('auth.')
                          ? _('audit.noActor')
                          : _('audit.system')}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Stack gap={2}>
                      <Text size="sm">{message ? _(message) : entry.action}</Text>
                      <Code fz="xs" c="gray.8">
                        {entry.action}
                      </Code>
                    </Stack>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                      {[
                        subject
                          ? _('audit.subject', { type: entry.subjectType, id: subject })
                          : entry.subjectType,
                        details(entry),
                      ]
                        .filter(Boolean)
                        .join(' · ')}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </section>
    </Card>
  );
}

/**
 * /admin/audit: every security-relevant action, newest first, searched by action, person, subject, dates
 * and names; the entries of the filters download as CSV.
 */
export function AdminAuditPage() {
  const { _ } = useLingui();
  const [params, setParams] = useSearchParams();
  const applied = readFilters(filterNames, params);
  const audit = useAuditLog(applied);
  const filtered = Object.keys(auditQueryOf(applied)).length > 0;
  const apply = (filters: AuditFilters) => setParams(new URLSearchParams(auditQueryOf(filters)));
  const errors = fieldErrors(audit.error);
  const refused = Object.keys(errors).length > 0;

  return (
    <>
      <PageHeader title={_('admin.audit.title')} description={_('admin.audit.description')} />
      <AuditFilterForm applied={applied} errors={errors} onApply={apply} />
      <Stack gap="md">
        <Group gap="sm" align="center">
          <Button
            component="a"
            href={apiUrl('/admin/audit.csv', auditQueryOf(applied))}
            download
            variant="default"
          >
            {_('audit.download')}
          </Button>
          <Text size="sm" c="dimmed">
            {_('audit.downloadHint')}
          </Text>
        </Group>
        {refused ? (
          <FormAlert message={audit.error instanceof Error ? audit.error.message : null} />
        ) : (
          <PagedList
            query={audit}
            empty={
              filtered ? (
                <EmptyState title={_('audit.noMatchTitle')}>{_('audit.noMatchText')}</EmptyState>
              ) : (
                <EmptyState title={_('admin.audit.emptyTitle')}>{_('admin.audit.emptyText')}</EmptyState>
              )
            }
          >
            {(list) => <EntriesTable list={[...list]} />}
          </PagedList>
        )}
      </Stack>
    </>
  );
}
