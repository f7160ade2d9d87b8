import { useLingui } from '@lingui/react';
import { Button, Group, Modal, Radio, Stack, Text, Textarea } from '@mantine/core';
import type { FormEvent } from 'react';
import { z } from 'zod';
import {
  type CommunityStage,
  communityStageDescriptionMessages,
  communityStageMessages,
  communityStages,
} from '../../../common/enums.ts';
import { shortMessageField } from '../../../common/fields.ts';
import { useChangeStageMutation } from '../../api/communities.ts';
import type { CommunityHome } from '../../api/types.ts';
import { FormAlert } from '../../components/form-alert.tsx';
import { useApiForm } from '../../hooks/use-api-form.ts';

// The stage-change dialog of StageSection, in a chunk of its own (zod, Modal).

const stageSchema = z.object({ stage: z.enum(communityStages), note: shortMessageField });

export function ChangeStageDialog(props: {
  home: CommunityHome;
  opened: boolean;
  onClose: () => void;
  onChanged: (stage: CommunityStage) => void;
  /** The stage chosen when the dialog opens (a suggestion's proposal); the current one otherwise. */
  initialStage?: CommunityStage;
}) {
  const { _ } = useLingui();
  const { community } = props.home;
  const { form, field, message, setMessage, busy, check, send } = useApiForm({
    initialValues: { stage: (props.initialStage ?? community.stage) as string, note: '' },
    schema: stageSchema,
  });
  const changeStage = useChangeStageMutation(community.slug);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const body = check();
    if (!body) return;
    if (body.stage === community.stage) {
      setMessage(_('communities.stage.dialog.sameStage'));
      return;
    }
    const done = await send(() => changeStage.mutateAsync(body));
    if (!done) return;
    props.onChanged(body.stage);
  };
  const { stage } = form.values;
  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      title={_('communities.stage.dialog.title')}
      centered
      size="lg"
    >
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Stack gap="md">
          <FormAlert message={message} />
          <Radio.Group
            label={_('communities.stage.title')}
            description={_('communities.stage.dialog.description')}
            name="stage"
            {...field('stage')}
          >
            <Stack gap="sm" mt="xs">
              {communityStages.map((s) => (
                <Radio
                  key={s}
                  value={s}
                  label={
                    s === community.stage
                      ? _('communities.stage.dialog.current', { stage: _(communityStageMessages[s]) })
                      : _(communityStageMessages[s])
                  }
                  description={_(communityStageDescriptionMessages[s])}
                />
              ))}
            </Stack>
          </Radio.Group>
          <Textarea
            label={_('communities.stage.dialog.note')}
            description={_('communities.stage.dialog.noteDescription')}
            name="note"
            autosize
            minRows={2}
            maxRows={6}
            {...field('note')}
          />
          {stage === 'archived' && community.stage !== 'archived' ? (
            <Text size="sm" c="red.8" fw={600}>
              {_('communities.stage.dialog.archiveWarning')}
            </Text>
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>
              {_('common.action.cancel')}
            </Button>
            <Button type="submit" loading={busy} color={stage === 'archived' ? 'red' : undefined}>
              {stage === 'archived' ? _('communities.stage.dialog.archive') : _('communities.stage.change')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
