import { useLingui } from '@lingui/react';
import { Card, NativeSelect, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { CommunityEmailInput } from '../../../common/contracts/digests.ts';
import { emailChoiceMessages, emailChoices } from '../../../common/enums.ts';
import { errorMessage } from '../../api/client.ts';
import { useCommunityEmails, useSetCommunityEmail } from '../../api/digests.ts';
import { FormAlert, StatusAlert } from '../../components/form-alert.tsx';
import { LoadError, PageLoader } from '../../components/page-states.tsx';

/** The options of a community's email choice: the per-kind choices (no override), or one of the four. */
export function useCommunityEmailOptions() {
  const { _ } = useLingui();
  return [
    { value: 'default', label: _('settings.communityEmail.default') },
    ...emailChoices.map((choice) => ({ value: choice, label: _(emailChoiceMessages[choice]) })),
  ];
}

/** Settings → Notifications, second part: one choice per community the member belongs to, saved at once. */
export function CommunityEmailSettings() {
  const { _ } = useLingui();
  const list = useCommunityEmails();
  const setEmail = useSetCommunityEmail();
  const options = useCommunityEmailOptions();
  const [saved, setSaved] = useState<string | null>(null);

  return (
    <Card>
      <Stack gap="md">
        <Title order={2} size="h4">
          {_('settings.communityEmail.heading')}
        </Title>
        <Text size="sm" c="dimmed">
          {_('settings.communityEmail.description')}
        </Text>
        {list.isPending ? (
          <PageLoader />
        ) : list.isError ? (
          <LoadError error={list.error} onRetry={() => void list.refetch()} />
        ) : list.data.length === 0 ? (
          <Text>{_('settings.communityEmail.none')}</Text>
        ) : (
          <>
            <FormAlert message={setEmail.isError ? errorMessage(setEmail.error) : null} />
            {list.data.map((community) => (
              <NativeSelect
                key={community.communityId}
                label={community.name}
                value={community.email ?? 'default'}
                data={options}
                onChange={(event) => {
                  const email = event.currentTarget.value as CommunityEmailInput['email'];
                  setSaved(null);
                  setEmail.mutate(
                    { slug: community.slug, email },
                    {
                      onSuccess: () =>
                        setSaved(_('settings.communityEmail.saved', { community: community.name })),
                    },
                  );
                }}
              />
            ))}
            <StatusAlert message={saved} />
          </>
        )}
      </Stack>
    </Card>
  );
}
