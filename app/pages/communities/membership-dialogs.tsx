import { useLingui } from '@lingui/react';
import { Box, Button, Checkbox, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { z } from 'zod';
import { charterSectionMessages } from '../../../common/enums.ts';
import { shortMessageField } from '../../../common/fields.ts';
import { useJoinMutation, useJoinRequestMutation, useLeaveMutation } from '../../api/communities.ts';
import type { CommunityHome } from '../../api/types.ts';
import { FormAlert } from '../../components/form-alert.tsx';
import { useFormState } from '../../hooks/use-form-state.ts';

// The dialogs of MembershipActions, in a chunk of their own: loaded just after the community page is
// drawn rather than with it (they bring zod and Mantine's Modal).

const requestSchema = z.object({ message: shortMessageField });

export function JoinDialog(props: {
  home: CommunityHome;
  opened: boolean;
  onClose: () => void;
  onJoined: () => void;
}) {
  const { _ } = useLingui();
  const { community, charter } = props.home;
  const [accepted, setAccepted] = useState(false);
  const form = useFormState();
  const join = useJoinMutation(community.slug);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!accepted) {
      form.setFields({ acceptGuidelines: _('communities.joinDialog.acceptRequired') });
      form.setMessage(_('communities.joinDialog.acceptRequired'));
      return;
    }
    const done = await form.run(() => join.mutateAsync({ acceptGuidelines: true }));
    if (!done) return;
    props.onJoined();
  };
  const guidelines = charter?.sectionsHtml.participation.trim();
  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      title={_('communities.joinDialog.title', { name: community.name })}
      centered
      size="lg"
    >
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Stack gap="md">
          <FormAlert message={form.message} />
          <Text>{_('communities.joinDialog.intro')}</Text>
          <Box
            component="section"
            aria-label={_(charterSectionMessages.participation)}
            p="md"
            bg="gray.0"
            style={{ borderRadius: 'var(--mantine-radius-md)', maxHeight: 320, overflowY: 'auto' }}
            tabIndex={0}
          >
            {guidelines ? (
              // Charter sections are Markdown rendered and sanitised on the server.
              // biome-ignore lint/security/noDangerouslySetInnerHtml: server-sanitised Markdown
              <div className="prose" dangerouslySetInnerHTML={{ __html: guidelines }} />
            ) : (
              <Text size="sm" c="dimmed">
                {_('communities.joinDialog.noGuidelines')}
              </Text>
            )}
          </Box>
          <Checkbox
            label={_('communities.joinDialog.accept')}
            name="acceptGuidelines"
            checked={accepted}
            onChange={(event) => setAccepted(event.currentTarget.checked)}
            error={form.error('acceptGuidelines')}
            data-autofocus
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>
              {_('common.action.cancel')}
            </Button>
            <Button type="submit" loading={form.busy}>
              {_('communities.joinDialog.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

export function RequestDialog(props: {
  home: CommunityHome;
  opened: boolean;
  onClose: () => void;
  onSent: () => void;
}) {
  const { _ } = useLingui();
  const { community } = props.home;
  const [message, setMessage] = useState('');
  const form = useFormState();
  const ask = useJoinRequestMutation(community.slug);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const body = form.check(requestSchema, { message });
    if (!body) return;
    const done = await form.run(() => ask.mutateAsync(body));
    if (!done) return;
    props.onSent();
  };
  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      title={_('communities.requestDialog.title', { name: community.name })}
      centered
    >
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Stack gap="md">
          <FormAlert message={form.message} />
          <Text size="sm">{_('communities.requestDialog.intro')}</Text>
          <Textarea
            label={_('communities.requestDialog.message')}
            description={_('communities.requestDialog.messageDescription')}
            name="message"
            autosize
            minRows={3}
            maxRows={8}
            value={message}
            onChange={(event) => setMessage(event.currentTarget.value)}
            error={form.error('message')}
            data-autofocus
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>
              {_('common.action.cancel')}
            </Button>
            <Button type="submit" loading={form.busy}>
              {_('communities.requestDialog.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

export function LeaveDialog(props: {
  home: CommunityHome;
  opened: boolean;
  onClose: () => void;
  onLeft: () => void;
}) {
  const { _ } = useLingui();
  const { community } = props.home;
  const form = useFormState();
  const leaveNow = useLeaveMutation(community.slug);
  const leave = async () => {
    const done = await form.run(() => leaveNow.mutateAsync());
    if (!done) return;
    props.onLeft();
  };
  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      title={_('communities.leaveDialog.title', { name: community.name })}
      centered
    >
      <Stack gap="md">
        <FormAlert message={form.message} />
        <Text>
          {community.joinPolicy === 'open'
            ? _('communities.leaveDialog.text.open')
            : community.joinPolicy === 'request'
              ? _('communities.leaveDialog.text.request')
              : _('communities.leaveDialog.text.invitation')}
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose} data-autofocus>
            {_('communities.leaveDialog.stay')}
          </Button>
          <Button color="red" onClick={() => void leave()} loading={form.busy}>
            {_('communities.leaveDialog.submit')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
