import { useLingui } from '@lingui/react';
import { Button, Group, NativeSelect, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { surveyLimits } from '../../../common/contracts/surveys.ts';
import { ApiError } from '../../api/client.ts';
import { useCommunityMembers } from '../../api/communities.ts';
import { useCreateActionItem } from '../../api/surveys.ts';
import { FormAlert, StatusAlert } from '../../components/form-alert.tsx';
import { failureMessage } from '../../hooks/form-errors.ts';

/** Recording an action item (leaders): what will be done, by whom (a member), by when; from a check-in or not. */
export function ActionItemForm(props: { slug: string; surveyId?: string }) {
  const { _ } = useLingui();
  const create = useCreateActionItem(props.slug);
  const members = useCommunityMembers(props.slug, { q: '', role: '' });
  const people = members.data?.pages.flatMap((page) => page.data) ?? [];
  const [title, setTitle] = useState('');
  const [ownerId, setOwnerId] = useState('');
  const [dueOn, setDueOn] = useState('');
  const fields = create.error instanceof ApiError ? create.error.fields : {};
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        create.mutate(
          {
            title,
            ownerId: ownerId || null,
            dueOn: dueOn || null,
            ...(props.surveyId ? { surveyId: props.surveyId } : {}),
          },
          {
            onSuccess: () => {
              setTitle('');
              setOwnerId('');
              setDueOn('');
            },
          },
        );
      }}
    >
      <Stack gap="sm">
        <FormAlert message={create.isError ? failureMessage(create.error) : null} />
        <StatusAlert message={create.isSuccess ? _('checkins.actions.recorded') : null} />
        <TextInput
          label={_('checkins.actions.what')}
          value={title}
          required
          maxLength={surveyLimits.actionTitleMax}
          onChange={(event) => setTitle(event.currentTarget.value)}
          error={fields.title}
        />
        <NativeSelect
          label={_('checkins.actions.owner')}
          value={ownerId}
          onChange={(event) => setOwnerId(event.currentTarget.value)}
          error={fields.ownerId}
          data={[
            { value: '', label: _('checkins.actions.noOwner') },
            ...people.map((person) => ({ value: person.id, label: person.displayName })),
          ]}
        />
        <TextInput
          type="date"
          label={_('checkins.actions.due')}
          value={dueOn}
          onChange={(event) => setDueOn(event.currentTarget.value)}
          error={fields.dueOn}
        />
        <Group>
          <Button type="submit" loading={create.isPending}>
            {_('checkins.actions.record')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
