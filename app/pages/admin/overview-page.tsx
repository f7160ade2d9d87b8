import { useLingui } from '@lingui/react';
import { Anchor, Card, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import type { MessageId } from '../../../common/i18n/message-id.ts';
import { useInstitution } from '../../api/queries.ts';
import { PageHeader } from '../../components/page-header.tsx';

/** The sections, with their title and text as message ids (translated when shown). */
const sections: { to: string; titleId: MessageId; textId: MessageId }[] = [
  {
    to: '/admin/institution',
    titleId: 'admin.overview.institution.title',
    textId: 'admin.overview.institution.text',
  },
  { to: '/admin/units', titleId: 'admin.overview.units.title', textId: 'admin.overview.units.text' },
  { to: '/admin/users', titleId: 'admin.overview.users.title', textId: 'admin.overview.users.text' },
  { to: '/admin/mail', titleId: 'admin.overview.mail.title', textId: 'admin.overview.mail.text' },
  { to: '/admin/audit', titleId: 'admin.overview.audit.title', textId: 'admin.overview.audit.text' },
  { to: '/admin/backups', titleId: 'admin.overview.backups.title', textId: 'admin.overview.backups.text' },
];

/** /admin: what administrators can look after. */
export function AdminOverviewPage() {
  const { _ } = useLingui();
  const { data: institution } = useInstitution();
  return (
    <>
      <PageHeader
        title={_('admin.overview.title')}
        description={
          institution?.name
            ? _('admin.overview.description', { name: institution.name })
            : _('admin.overview.descriptionDefault')
        }
      />
      {institution && !institution.smtpConfigured ? (
        <Text size="sm" mb="lg" c="dimmed">
          {_('admin.overview.noSmtp')}
        </Text>
      ) : null}
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        {sections.map((section) => (
          <Card key={section.to} padding="lg">
            <Stack gap={6}>
              <Title order={2} size="h3">
                <Anchor component={Link} to={section.to} inherit c="forest.9" underline="hover">
                  {_(section.titleId)}
                </Anchor>
              </Title>
              <Text size="sm" c="dimmed">
                {_(section.textId)}
              </Text>
            </Stack>
          </Card>
        ))}
      </SimpleGrid>
    </>
  );
}
