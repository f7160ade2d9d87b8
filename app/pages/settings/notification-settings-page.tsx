import { useLingui } from '@lingui/react';
import { Button, Card, Group, SegmentedControl, Stack, Text } from '@mantine/core';
import { type FormEvent, useEffect, useState } from 'react';
import { type EmailChoice, notificationKindMessages } from '../../../common/enums.ts';
import type { MessageId } from '../../../common/i18n/message-id.ts';
import { useNotificationPreferences, usePreferencesMutation } from '../../api/account.ts';
import { errorMessage } from '../../api/client.ts';
import { FormAlert, StatusAlert } from '../../components/form-alert.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { LoadError, PageLoader } from '../../components/page-states.tsx';

const choiceMessages: Record<EmailChoice, MessageId> = {
  immediately: 'settings.notifications.email',
  off: 'settings.notifications.inApp',
};

/** /settings/notifications: an email choice per kind of notification. */
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
        <Card
          component="form"
          onSubmit={(event: FormEvent) => {
            event.preventDefault();
            setSaved(null);
            submit();
          }}
        >
          <Stack gap="lg">
            <FormAlert message={save.isError ? errorMessage(save.error) : null} />
            {preferences.data.map((preference) => (
              <Group key={preference.kind} justify="space-between" wrap="wrap" gap="sm">
                <Text id={`pref-${preference.kind}`} fw={550} style={{ flex: '1 1 220px' }}>
                  {_(notificationKindMessages[preference.kind])}
                </Text>
                <SegmentedControl
                  aria-labelledby={`pref-${preference.kind}`}
                  value={choices[preference.kind] ?? preference.email}
                  onChange={(value) => {
                    setSaved(null);
                    setChoices((c) => ({ ...c, [preference.kind]: value as EmailChoice }));
                  }}
                  data={(['immediately', 'off'] as const).map((choice) => ({
                    value: choice,
                    label: _(choiceMessages[choice]),
                  }))}
                />
              </Group>
            ))}
            <StatusAlert message={saved} />
            <Group>
              <Button type="submit" loading={save.isPending}>
                {_('settings.notifications.save')}
              </Button>
            </Group>
          </Stack>
        </Card>
      )}
    </>
  );
}
