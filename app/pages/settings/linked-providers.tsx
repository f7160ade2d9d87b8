import { useLingui } from '@lingui/react';
import { Card, List, Text, Title } from '@mantine/core';
import { useLinkedIdentities } from '../../api/sso.ts';
import { dateTime } from '../../lib/dates.ts';

/** The identity providers linked to your account (single sign-on); nothing when there are none. */
export function LinkedProviders() {
  const { _ } = useLingui();
  const linked = useLinkedIdentities();
  const rows = linked.data ?? [];
  if (rows.length === 0) return null;
  return (
    <Card>
      <Title order={2} size="h3" mb="xs">
        {_('sso.linked.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {_('sso.linked.description')}
      </Text>
      <List spacing="xs">
        {rows.map((row) => (
          <List.Item key={row.id}>
            {_('sso.linked.item', {
              provider: row.providerName ?? row.issuer,
              linked: dateTime(row.linkedAt),
              used: dateTime(row.lastUsedAt),
            })}
          </List.Item>
        ))}
      </List>
    </Card>
  );
}
