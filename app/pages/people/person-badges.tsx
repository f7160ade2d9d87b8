import { useLingui } from '@lingui/react';
import { Anchor, Card, Loader, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { badgeKindMessages } from '../../../common/enums.ts';
import { usePersonBadges } from '../../api/people.ts';
import { LoadError } from '../../components/page-states.tsx';
import { monthYear } from '../../lib/dates.ts';

/**
 * A person's badges (#16 §4): each says what it was for and in which community, not how many; no
 * ranking. Someone who hides their badges shows no card to others; on their own profile a note says
 * only they see them.
 */
export function PersonBadges(props: { personId: string; name: string; isMe: boolean }) {
  const { _ } = useLingui();
  const { personId, name, isMe } = props;
  const badges = usePersonBadges(personId);
  if (badges.data && !badges.data.shown && !isMe) return null;
  return (
    <Card component="section" aria-labelledby="badges-title">
      <Title order={2} size="h3" mb="sm" id="badges-title">
        {_('people.badges.title')}
      </Title>
      {badges.isPending ? (
        <Loader size="sm" aria-label={_('people.badges.loading')} />
      ) : badges.isError ? (
        <LoadError error={badges.error} onRetry={() => void badges.refetch()} />
      ) : (
        <Stack gap="sm">
          {isMe && !badges.data.shown ? (
            <Text size="sm">
              {_('people.badges.hiddenMine')}{' '}
              <Anchor component={Link} to="/settings/profile#badges-setting">
                {_('people.badges.change')}
              </Anchor>
            </Text>
          ) : null}
          {badges.data.badges.length === 0 ? (
            <Text size="sm" c="dimmed">
              {isMe ? _('people.badges.noneMine') : _('people.badges.none', { name })}
            </Text>
          ) : (
            <ul className="plain-list badge-list">
              {badges.data.badges.map((badge) => (
                <li key={badge.id}>
                  <Text fw={600}>{_(badgeKindMessages[badge.kind])}</Text>
                  <Text size="sm" c="dimmed">
                    <Anchor component={Link} to={`/communities/${badge.community.slug}`} size="sm">
                      {badge.community.name}
                    </Anchor>
                    {' · '}
                    {monthYear(badge.earnedAt)}
                  </Text>
                </li>
              ))}
            </ul>
          )}
        </Stack>
      )}
    </Card>
  );
}
