import { Card, Stack, Switch, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { apiSend, errorMessage } from '../../api/client.ts';
import { keys, useSignedInMe } from '../../api/queries.ts';
import type { Me } from '../../api/types.ts';
import { FormAlert, StatusAlert } from '../../components/form-alert.tsx';

type Reminder = 'remindDayBefore' | 'remindHourBefore';

const labels: Record<Reminder, string> = {
  remindDayBefore: 'A day before',
  remindHourBefore: 'An hour before',
};

/** Two switches for reminders before meetings you said you would go to; each saves at once. */
export function MeetingReminders() {
  const me = useSignedInMe();
  const queryClient = useQueryClient();
  const [saved, setSaved] = useState<string | null>(null);
  // The switch shows the new position as it is pressed (set in the same event, so a controlled switch
  // never springs back for a frame while the mutation starts), until the answer or an error settles it.
  const [pressed, setPressed] = useState<{ key: Reminder; on: boolean } | null>(null);
  const save = useMutation({
    mutationFn: (change: { key: Reminder; on: boolean }) =>
      apiSend<Me>('PATCH', '/me', { [change.key]: change.on }),
    onMutate: () => setSaved(null),
    onSuccess: (updated, change) => {
      queryClient.setQueryData(keys.me, updated);
      setSaved(`${labels[change.key]}: reminders ${change.on ? 'on' : 'off'}.`);
    },
    onSettled: () => setPressed(null),
  });
  return (
    <Card component="section" aria-labelledby="reminders-title">
      <Stack gap="sm">
        <Title order={2} size="h3" id="reminders-title">
          Meeting reminders
        </Title>
        <Text size="sm" c="dimmed">
          Before a meeting you said you are going to, Copse reminds you in the app, and by email if your
          notification settings say so.
        </Text>
        <FormAlert message={save.isError ? errorMessage(save.error) : null} />
        {(['remindDayBefore', 'remindHourBefore'] as const).map((key) => (
          <Switch
            key={key}
            label={labels[key]}
            checked={pressed?.key === key ? pressed.on : me[key]}
            onChange={(event) => {
              const change = { key, on: event.currentTarget.checked };
              setPressed(change);
              save.mutate(change);
            }}
            disabled={save.isPending}
          />
        ))}
        <StatusAlert message={saved} />
      </Stack>
    </Card>
  );
}
