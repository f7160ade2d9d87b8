import { Anchor, Card, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useInstitution } from '../../api/queries.ts';
import { PageHeader } from '../../components/page-header.tsx';

const sections = [
  {
    to: '/admin/institution',
    title: 'Institution',
    text: 'The name and logo shown in the header and in emails.',
  },
  { to: '/admin/units', title: 'Units', text: 'Faculties, departments and services people belong to.' },
  { to: '/admin/users', title: 'Users', text: 'Roles (administrator, coordinator, member) and suspension.' },
  { to: '/admin/mail', title: 'Mailbox', text: 'Every email Copse sent, or would have sent without SMTP.' },
  { to: '/admin/audit', title: 'Audit log', text: 'Who changed what in the administration, and when.' },
];

/** /admin: what administrators can look after. */
export function AdminOverviewPage() {
  const { data: institution } = useInstitution();
  return (
    <>
      <PageHeader
        title="Administration"
        description={`Look after ${institution?.name || 'your institution'}'s installation of Copse.`}
      />
      {institution && !institution.smtpConfigured ? (
        <Text size="sm" mb="lg" c="dimmed">
          No SMTP server is configured: emails are kept in the mailbox instead of being sent.
        </Text>
      ) : null}
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        {sections.map((section) => (
          <Card key={section.to} padding="lg">
            <Stack gap={6}>
              <Title order={2} size="h3">
                <Anchor component={Link} to={section.to} inherit c="forest.9" underline="hover">
                  {section.title}
                </Anchor>
              </Title>
              <Text size="sm" c="dimmed">
                {section.text}
              </Text>
            </Stack>
          </Card>
        ))}
      </SimpleGrid>
    </>
  );
}
