import { useLingui } from '@lingui/react';
import { Card, Stack, Switch, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { MessageId } from '../../../common/i18n/message-id.ts';
import { useProfileMutation } from '../../api/account.ts';
import { errorMessage } from '../../api/client.ts';
import { useSignedInMe } from '../../api/queries.ts';
import { FormAlert, StatusAlert } from '../../components/form-alert.tsx';

type Reminder = 'remindDayBefore' | 'remindHourBefore';

/** Each switch's name, and what it says once saved on or off. */
const reminderMessages: Record<Reminder, { name: MessageId; on: MessageId; off: MessageId }> = {
  remindDayBefore: {
    name: 'settings.reminders.dayBefore',
    on: 'settings.reminders.dayBeforeOn',
    off: 'settings.reminders.dayBeforeOff',
  },
  remindHourBefore: {
    name: 'settings.reminders.hourBefore',
    on: 'settings.reminders.hourBeforeOn',
    off: 'settings.reminders.hourBeforeOff',
  },
};

/** Two switches for reminders before meetings you said you would go to; each saves at once. */
export function MeetingReminders() {
  const { _ } = useLingui();
  const me = useSignedInMe();
  const [saved, setSaved] = useState<string | null>(null);
  // The switch shows the new position as it is pressed (set in the same event, so a controlled switch
  // never springs back for a frame while the mutation starts), until the answer or an error settles it.
  const [pressed, setPressed] = useState<{ key: Reminder; on: boolean } | null>(null);
  const save = useProfileMutation();
  const saveReminder = (change: { key: Reminder; on: boolean }) => {
    setSaved(null);
    save.mutate(
      change.key === 'remindDayBefore' ? { remindDayBefore: change.on } : { remindHourBefore: change.on },
      {
        onSuccess: () =>
          setSaved(_(change.on ? reminderMessages[change.key].on : reminderMessages[change.key].off)),
        onSettled: () => setPressed(null),
      },
    );
  };
  return (
    <Card component="section" aria-labelledby="reminders-title">
      <Stack gap="sm">
        <Title order={2} size="h3" id="reminders-title">
          {_('settings.reminders.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {_('settings.reminders.description')}
        </Text>
        <FormAlert message={save.isError ? errorMessage(save.error) : null} />
        {(['remindDayBefore', 'remindHourBefore'] as const).map((key) => (
          <Switch
            key={key}
            label={_(reminderMessages[key].name)}
            checked={pressed?.key === key ? pressed.on : me[key]}
            onChange={(event) => {
              const change = { key, on: event.currentTarget.checked };
              setPressed(change);
              saveReminder(change);
            }}
            disabled={save.isPending}
          />
        ))}
        <StatusAlert message={saved} />
      </Stack>
    </Card>
  );
}
