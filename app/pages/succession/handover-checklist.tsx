import { useLingui } from '@lingui/react';
import { Button, Group, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { type Succession, successionLimits } from '../../../common/contracts/succession.ts';
import { useSuccessionActions } from '../../api/succession.ts';
import { FormAlert } from '../../components/form-alert.tsx';
import { failureMessage } from '../../hooks/form-errors.ts';
import { handoverLabels } from './succession-text.ts';

/**
 * The hand-over checklist: each item ticked by the outgoing and by the new leader (the outgoing
 * leader's note is written with its item). Each shows who has ticked it; the viewer's side has a button.
 */
export function HandoverChecklist(props: { slug: string; succession: Succession }) {
  const { _ } = useLingui();
  const { succession } = props;
  const side = succession.viewer.side;
  const tick = useSuccessionActions(props.slug).tick;
  const [note, setNote] = useState('');
  const handover = succession.handover;
  if (!handover) return null;
  return (
    <Stack gap="xs" component="section" aria-labelledby="handover-title">
      <Title order={3} size="h4" id="handover-title">
        {_('succession.handover.title')}
      </Title>
      <Text size="sm" c="dimmed">
        {_('succession.handover.intro')}
      </Text>
      <FormAlert message={tick.isError ? failureMessage(tick.error) : null} />
      {handover.note ? (
        <Text size="sm" style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }}>
          {_('succession.handover.noteShown', { note: handover.note })}
        </Text>
      ) : null}
      <Stack gap="sm" component="ul" className="plain-list" aria-label={_('succession.handover.title')}>
        {handover.items.map((item) => {
          const label = _(handoverLabels[item.key]);
          const mine = side === 'outgoing' ? item.outgoingAt : side === 'incoming' ? item.incomingAt : 'none';
          const withNote = item.key === 'outgoing_note' && side === 'outgoing';
          // The new leader ticks the note once the outgoing leader has written it.
          const noteToCome = item.key === 'outgoing_note' && side === 'incoming' && !handover.note;
          return (
            <Stack component="li" key={item.key} gap={4}>
              <Text fw={600}>{label}</Text>
              <Text size="sm">
                {[
                  item.outgoingAt
                    ? _('succession.handover.outgoingDone')
                    : _('succession.handover.outgoingWaiting'),
                  item.incomingAt
                    ? _('succession.handover.incomingDone')
                    : _('succession.handover.incomingWaiting'),
                ].join(' · ')}
              </Text>
              {mine === null && noteToCome ? (
                <Text size="sm" c="dimmed">
                  {_('succession.handover.noteToCome')}
                </Text>
              ) : null}
              {mine === null && !noteToCome ? (
                <form
                  noValidate
                  onSubmit={(event) => {
                    event.preventDefault();
                    tick.mutate({ key: item.key, ...(withNote ? { note } : {}) });
                  }}
                >
                  <Stack gap="xs" maw={520}>
                    {withNote ? (
                      <Textarea
                        label={_('succession.handover.note')}
                        value={note}
                        autosize
                        minRows={2}
                        maxLength={successionLimits.noteMax}
                        onChange={(event) => setNote(event.currentTarget.value)}
                      />
                    ) : null}
                    <Group>
                      <Button type="submit" variant="light" loading={tick.isPending}>
                        {_('succession.handover.tick', { item: label })}
                      </Button>
                    </Group>
                  </Stack>
                </form>
              ) : null}
            </Stack>
          );
        })}
      </Stack>
    </Stack>
  );
}
