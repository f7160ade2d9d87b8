import { useLingui } from '@lingui/react';
import { Anchor, Card, NativeSelect, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import type { CommunityEmailInput } from '../../../common/contracts/digests.ts';
import { errorMessage } from '../../api/client.ts';
import { useCommunityEmail, useSetCommunityEmail } from '../../api/digests.ts';
import { FormAlert, StatusAlert } from '../../components/form-alert.tsx';
import { useCommunityEmailOptions } from '../settings/community-email-settings.tsx';

/**
 * The community page's "Email from this community" control, for members (#16 §3): a native select,
 * saved when changed. Loaded lazily, below the fold (the community page's first-load budget).
 */
export function CommunityEmailCard(props: { slug: string }) {
  const { _ } = useLingui();
  const current = useCommunityEmail(props.slug);
  const setEmail = useSetCommunityEmail();
  const options = useCommunityEmailOptions();
  const [saved, setSaved] = useState<string | null>(null);
  if (current.isPending || current.isError) return null;
  const value = setEmail.data?.slug === props.slug ? setEmail.data.email : current.data.email;
  return (
    <Card component="section" aria-label={_('settings.communityEmail.label')}>
      <Stack gap="xs">
        <NativeSelect
          label={_('settings.communityEmail.label')}
          value={value ?? 'default'}
          data={options}
          onChange={(event) => {
            const email = event.currentTarget.value as CommunityEmailInput['email'];
            setSaved(null);
            setEmail.mutate(
              { slug: props.slug, email },
              {
                onSuccess: () =>
                  setSaved(_('settings.communityEmail.saved', { community: current.data.name })),
              },
            );
          }}
        />
        <FormAlert message={setEmail.isError ? errorMessage(setEmail.error) : null} />
        <StatusAlert message={saved} />
        <Text size="xs" c="dimmed">
          <Anchor component={Link} to="/settings/notifications">
            {_('notifications.unsubscribe.settings')}
          </Anchor>
        </Text>
      </Stack>
    </Card>
  );
}
