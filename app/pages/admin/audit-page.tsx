import { useLingui } from '@lingui/react';
import { Card, Code, Stack, Table, Text } from '@mantine/core';
import type { MessageId } from '../../../common/i18n/message-id.ts';
import { useAuditLog } from '../../api/admin.ts';
import type { AuditEntry } from '../../api/types.ts';
import { PagedList } from '../../components/list-page/index.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { EmptyState } from '../../components/page-states.tsx';
import { dateTime } from '../../lib/dates.ts';

const actionMessages: Record<string, MessageId> = {
  'institution.update': 'admin.audit.action.institutionUpdate',
  'institution.logo': 'admin.audit.action.institutionLogo',
  'institution.logo_removed': 'admin.audit.action.institutionLogoRemoved',
  'unit.create': 'admin.audit.action.unitCreate',
  'unit.rename': 'admin.audit.action.unitRename',
  'unit.delete': 'admin.audit.action.unitDelete',
  'user.role': 'admin.audit.action.userRole',
  'user.suspend': 'admin.audit.action.userSuspend',
  'user.reinstate': 'admin.audit.action.userReinstate',
  'backup.create': 'admin.audit.action.backupCreate',
  'identity_provider.create': 'sso.audit.providerCreate',
  'identity_provider.update': 'sso.audit.providerUpdate',
  'identity_provider.delete': 'sso.audit.providerDelete',
  'institution.sso_only': 'sso.audit.ssoOnly',
  'sso.refused': 'sso.audit.refused',
  'user.two_factor.enable': 'admin.audit.action.twoFactorEnable',
  'user.two_factor.disable': 'admin.audit.action.twoFactorDisable',
  'user.two_factor.recovery_codes': 'admin.audit.action.twoFactorRecoveryCodes',
  'user.two_factor.reset': 'admin.audit.action.twoFactorReset',
};

/** The message for an entry's action: an institution update that only changed the language says so. */
function actionMessage(entry: AuditEntry): MessageId | undefined {
  if (entry.action === 'institution.update' && 'defaultLanguage' in entry.data && !('name' in entry.data))
    return 'admin.audit.action.institutionLanguage';
  return actionMessages[entry.action];
}

/** The entry's extra data as "key: value" pairs. */
function details(entry: AuditEntry): string {
  return Object.entries(entry.data)
    .map(([key, value]) => `${key}: ${typeof value === 'string' ? value : JSON.stringify(value)}`)
    .join(', ');
}

/** /admin/audit: who changed what in the administration, newest first. */
export function AdminAuditPage() {
  const { _ } = useLingui();
  const audit = useAuditLog();

  return (
    <>
      <PageHeader title={_('admin.audit.title')} description={_('admin.audit.description')} />
      <PagedList
        query={audit}
        empty={<EmptyState title={_('admin.audit.emptyTitle')}>{_('admin.audit.emptyText')}</EmptyState>}
      >
        {(list) => (
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
                  {list.map((entry) => {
                    const message = actionMessage(entry);
                    return (
                      <Table.Tr key={entry.id}>
                        <Table.Td>
                          <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                            {dateTime(entry.createdAt)}
                          </Text>
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm">
                            {entry.actor ? entry.actor.displayName || _('admin.audit.formerMember') : 'Copse'}
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
                              entry.subjectType &&
                                `${entry.subjectType}${entry.subjectId ? ` ${entry.subjectId.slice(0, 8)}` : ''}`,
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
        )}
      </PagedList>
    </>
  );
}
