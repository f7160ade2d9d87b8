import { useLingui } from '@lingui/react';
import { Box, Button, Checkbox, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import type { FormEvent } from 'react';
import { z } from 'zod';
import { charterSectionMessages } from '../../../common/enums.ts';
import { shortMessageField } from '../../../common/fields.ts';
import { useJoinMutation, useJoinRequestMutation, useLeaveMutation } from '../../api/communities.ts';
import type { CommunityHome } from '../../api/types.ts';
import { FormAlert } from '../../components/form-alert.tsx';
import { useApiAction } from '../../hooks/use-api-action.ts';
import { useApiForm } from '../../hooks/use-api-form.ts';

// The dialogs of MembershipActions, in a chunk of their own: loaded just after the community page is
// drawn rather than with it (they bring zod and Mantine's Modal).

const joinSchema = z.object({ acceptGuidelines: z.literal(true) });
const requestSchema = z.object({ message: shortMessageField });

export function JoinDialog(props: {
  home: CommunityHome;
  opened: boolean;
  onClose: () => void;
  onJoined: () => void;
}) {
  const { _ } = useLingui();
  const { community, charter } = props.home;
  const { form, field, message, setMessage, busy, submit } = useApiForm({
    initialValues: { acceptGuidelines: false },
    schema: joinSchema,
  });
  const join = useJoinMutation(community.slug);
  const sendJoin = submit((body) => join.mutateAsync(body), props.onJoined);
  // Unticked, the alert itself says what to do (not "correct the highlighted fields").
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!form.getValues().acceptGuidelines) {
      const text = _('communities.joinDialog.acceptRequired');
      form.setErrors({ acceptGuidelines: text });
      setMessage(text);
      return;
    }
    sendJoin();
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
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="md">
          <FormAlert message={message} />
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
            {...field('acceptGuidelines', { type: 'checkbox' })}
            data-autofocus
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>
              {_('common.action.cancel')}
            </Button>
            <Button type="submit" loading={busy}>
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
  const { field, message, busy, submit } = useApiForm({
    initialValues: { message: '' },
    schema: requestSchema,
  });
  const ask = useJoinRequestMutation(community.slug);
  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      title={_('communities.requestDialog.title', { name: community.name })}
      centered
    >
      <form onSubmit={submit((body) => ask.mutateAsync(body), props.onSent)} noValidate>
        <Stack gap="md">
          <FormAlert message={message} />
          <Text size="sm">{_('communities.requestDialog.intro')}</Text>
          <Textarea
            label={_('communities.requestDialog.message')}
            description={_('communities.requestDialog.messageDescription')}
            name="message"
            autosize
            minRows={3}
            maxRows={8}
            {...field('message')}
            data-autofocus
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>
              {_('common.action.cancel')}
            </Button>
            <Button type="submit" loading={busy}>
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
  const action = useApiAction();
  const leaveNow = useLeaveMutation(community.slug);
  const leave = async () => {
    const done = await action.run(() => leaveNow.mutateAsync());
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
        <FormAlert message={action.message} />
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
          <Button color="red" onClick={() => void leave()} loading={action.busy}>
            {_('communities.leaveDialog.submit')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
