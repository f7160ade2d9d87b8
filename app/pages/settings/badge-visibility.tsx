import { useLingui } from '@lingui/react';
import { Card, Stack, Switch, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useProfileMutation } from '../../api/account.ts';
import { errorMessage } from '../../api/client.ts';
import { useSignedInMe } from '../../api/queries.ts';
import { FormAlert, StatusAlert } from '../../components/form-alert.tsx';

/** Whether others see the member's badges on their profile (#16 §4); saves at once. */
export function BadgeVisibility() {
  const { _ } = useLingui();
  const me = useSignedInMe();
  const [saved, setSaved] = useState<string | null>(null);
  // The switch shows the new position as it is pressed, until the answer or an error settles it.
  const [pressed, setPressed] = useState<boolean | null>(null);
  const save = useProfileMutation();
  return (
    <Card component="section" aria-labelledby="badges-setting">
      <Stack gap="sm">
        <Title order={2} size="h3" id="badges-setting" tabIndex={-1}>
          {_('settings.badges.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {_('settings.badges.description')}
        </Text>
        <FormAlert message={save.isError ? errorMessage(save.error) : null} />
        <Switch
          label={_('settings.badges.show')}
          checked={pressed ?? me.showBadges}
          onChange={(event) => {
            const on = event.currentTarget.checked;
            setPressed(on);
            setSaved(null);
            save.mutate(
              { showBadges: on },
              {
                onSuccess: () => setSaved(_(on ? 'settings.badges.shown' : 'settings.badges.hidden')),
                onSettled: () => setPressed(null),
              },
            );
          }}
          disabled={save.isPending}
        />
        <StatusAlert message={saved} />
      </Stack>
    </Card>
  );
}
