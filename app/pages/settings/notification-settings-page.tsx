import { useLingui } from '@lingui/react';
import { Button, Card, Group, NativeSelect, Stack, Text, Title } from '@mantine/core';
import { type FormEvent, useEffect, useState } from 'react';
import {
  type EmailChoice,
  emailChoiceMessages,
  emailChoices,
  notificationKindMessages,
} from '../../../common/enums.ts';
import { useNotificationPreferences, usePreferencesMutation } from '../../api/account.ts';
import { errorMessage } from '../../api/client.ts';
import { FormAlert, StatusAlert } from '../../components/form-alert.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { LoadError, PageLoader } from '../../components/page-states.tsx';
import { CommunityEmailSettings } from './community-email-settings.tsx';

/** The summary of the member's communities is itself the digest: daily, weekly or off. */
function choicesFor(kind: string): readonly EmailChoice[] {
  return kind === 'community.digest'
    ? emailChoices.filter((choice) => choice !== 'immediately')
    : emailChoices;
}

/**
 * /settings/notifications: an email choice per kind of notification (at once, daily or weekly digest,
 * in Copse only), then one per community, which overrides them (#16 §3).
 */
export function NotificationSettingsPage() {
  const { _ } = useLingui();
  const preferences = useNotificationPreferences();
  const [choices, setChoices] = useState<Record<string, EmailChoice>>({});
  const [saved, setSaved] = useState<string | null>(null);

  useEffect(() => {
    if (preferences.data) setChoices(Object.fromEntries(preferences.data.map((p) => [p.kind, p.email])));
  }, [preferences.data]);

  const save = usePreferencesMutation();
  const submit = () =>
    save.mutate(
      (preferences.data ?? []).map((p) => ({
        kind: p.kind,
        email: choices[p.kind] ?? p.email,
      })),
      { onSuccess: () => setSaved(_('settings.notifications.saved')) },
    );

  return (
    <>
      <PageHeader
        title={_('settings.notifications.title')}
        documentTitle={_('settings.notifications.documentTitle')}
        description={_('settings.notifications.description')}
      />
      {preferences.isPending ? (
        <PageLoader />
      ) : preferences.isError ? (
        <LoadError error={preferences.error} onRetry={() => void preferences.refetch()} />
      ) : (
        <Stack gap="lg">
          <Card
            component="form"
            onSubmit={(event: FormEvent) => {
              event.preventDefault();
              setSaved(null);
              submit();
            }}
          >
            <Stack gap="md">
              <Title order={2} size="h4">
                {_('settings.notifications.kindsHeading')}
              </Title>
              <Text size="sm" c="dimmed">
                {_('settings.notifications.digestHint')}
              </Text>
              <FormAlert message={save.isError ? errorMessage(save.error) : null} />
              {preferences.data.map((preference) => (
                <NativeSelect
                  key={preference.kind}
                  label={_(notificationKindMessages[preference.kind])}
                  value={choices[preference.kind] ?? preference.email}
                  onChange={(event) => {
                    const value = event.currentTarget.value as EmailChoice;
                    setSaved(null);
                    setChoices((c) => ({ ...c, [preference.kind]: value }));
                  }}
                  data={choicesFor(preference.kind).map((choice) => ({
                    value: choice,
                    label: _(emailChoiceMessages[choice]),
                  }))}
                />
              ))}
              <StatusAlert message={saved} />
              <Group>
                <Button type="submit" loading={save.isPending}>
                  {_('settings.notifications.save')}
                </Button>
              </Group>
            </Stack>
          </Card>
          <CommunityEmailSettings />
        </Stack>
      )}
    </>
  );
}
