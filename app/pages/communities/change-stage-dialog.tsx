import { Button, Group, Modal, Radio, Stack, Text, Textarea } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { z } from 'zod';
import {
  type CommunityStage,
  communityStageDescriptions,
  communityStageLabels,
  communityStages,
} from '../../../common/enums.ts';
import { shortMessageField } from '../../../common/fields.ts';
import { apiSend } from '../../api/client.ts';
import { keys } from '../../api/queries.ts';
import type { CommunityHome } from '../../api/types.ts';
import { FormAlert } from '../../components/form-alert.tsx';
import { useFormState } from '../../hooks/use-form-state.ts';

// The stage-change dialog of StageSection, in a chunk of its own (zod, Modal).

const stageSchema = z.object({ stage: z.enum(communityStages), note: shortMessageField });

export function ChangeStageDialog(props: {
  home: CommunityHome;
  opened: boolean;
  onClose: () => void;
  onChanged: (stage: CommunityStage) => void;
}) {
  const { community } = props.home;
  const [stage, setStage] = useState<string>(community.stage);
  const [note, setNote] = useState('');
  const form = useFormState();
  const queryClient = useQueryClient();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const body = form.check(stageSchema, { stage, note });
    if (!body) return;
    if (body.stage === community.stage) {
      form.setMessage('Choose another stage than the current one.');
      return;
    }
    const done = await form.run(() => apiSend('POST', `/communities/${community.slug}/stage`, body));
    if (!done) return;
    await queryClient.invalidateQueries({ queryKey: keys.community(community.slug) });
    await queryClient.invalidateQueries({ queryKey: keys.communities });
    props.onChanged(body.stage);
  };
  return (
    <Modal opened={props.opened} onClose={props.onClose} title="Change the stage" centered size="lg">
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Stack gap="md">
          <FormAlert message={form.message} />
          <Radio.Group
            label="Stage"
            description="Where the community is in its life. Archiving makes it read-only."
            name="stage"
            value={stage}
            onChange={setStage}
            error={form.error('stage')}
          >
            <Stack gap="sm" mt="xs">
              {communityStages.map((s) => (
                <Radio
                  key={s}
                  value={s}
                  label={`${communityStageLabels[s]}${s === community.stage ? ' (current)' : ''}`}
                  description={communityStageDescriptions[s]}
                />
              ))}
            </Stack>
          </Radio.Group>
          <Textarea
            label="Note"
            description="Why the community moves on: members see it in the stage history."
            name="note"
            autosize
            minRows={2}
            maxRows={6}
            value={note}
            onChange={(event) => setNote(event.currentTarget.value)}
            error={form.error('note')}
          />
          {stage === 'archived' && community.stage !== 'archived' ? (
            <Text size="sm" c="red.8" fw={600}>
              An archived community is read-only: no one can join, post or change anything, until a
              coordinator brings it back.
            </Text>
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={form.busy} color={stage === 'archived' ? 'red' : undefined}>
              {stage === 'archived' ? 'Archive community' : 'Change stage'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
