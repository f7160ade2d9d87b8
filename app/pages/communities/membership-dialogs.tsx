import { Box, Button, Checkbox, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { z } from 'zod';
import { shortMessageField } from '../../../common/fields.ts';
import { apiSend } from '../../api/client.ts';
import type { CommunityHome } from '../../api/types.ts';
import { FormAlert } from '../../components/form-alert.tsx';
import { useFormState } from '../../hooks/use-form-state.ts';
import { useRefreshMembership } from './use-refresh-membership.ts';

// The dialogs of MembershipActions, in a chunk of their own: loaded just after the community page is
// drawn rather than with it (they bring zod and Mantine's Modal).

const requestSchema = z.object({ message: shortMessageField });

export function JoinDialog(props: {
  home: CommunityHome;
  opened: boolean;
  onClose: () => void;
  onJoined: () => void;
}) {
  const { community, charter } = props.home;
  const [accepted, setAccepted] = useState(false);
  const form = useFormState();
  const refresh = useRefreshMembership(community.slug);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!accepted) {
      form.setFields({ acceptGuidelines: 'Accept the participation guidelines to join.' });
      form.setMessage('Accept the participation guidelines to join.');
      return;
    }
    const done = await form.run(() =>
      apiSend('POST', `/communities/${community.slug}/join`, { acceptGuidelines: true }),
    );
    if (!done) return;
    await refresh();
    props.onJoined();
  };
  const guidelines = charter?.sectionsHtml.participation.trim();
  return (
    <Modal opened={props.opened} onClose={props.onClose} title={`Join ${community.name}`} centered size="lg">
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Stack gap="md">
          <FormAlert message={form.message} />
          <Text>Members of this community agree to its participation guidelines.</Text>
          <Box
            component="section"
            aria-label="Participation guidelines"
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
                The leaders have not written the guidelines yet: ask them in the community.
              </Text>
            )}
          </Box>
          <Checkbox
            label="I accept the participation guidelines"
            name="acceptGuidelines"
            checked={accepted}
            onChange={(event) => setAccepted(event.currentTarget.checked)}
            error={form.error('acceptGuidelines')}
            data-autofocus
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={form.busy}>
              Join
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
  const { community } = props.home;
  const [message, setMessage] = useState('');
  const form = useFormState();
  const refresh = useRefreshMembership(community.slug);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const body = form.check(requestSchema, { message });
    if (!body) return;
    const done = await form.run(() => apiSend('POST', `/communities/${community.slug}/requests`, body));
    if (!done) return;
    await refresh();
    props.onSent();
  };
  return (
    <Modal opened={props.opened} onClose={props.onClose} title={`Ask to join ${community.name}`} centered>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Stack gap="md">
          <FormAlert message={form.message} />
          <Text size="sm">
            The leaders approve new members of this community. They receive your request and answer you by
            email.
          </Text>
          <Textarea
            label="Message to the leaders"
            description="Optional: who you are and why you would like to join."
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
              Cancel
            </Button>
            <Button type="submit" loading={form.busy}>
              Send request
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
  const { community } = props.home;
  const form = useFormState();
  const refresh = useRefreshMembership(community.slug);
  const leave = async () => {
    const done = await form.run(() => apiSend('POST', `/communities/${community.slug}/leave`));
    if (!done) return;
    await refresh();
    props.onLeft();
  };
  return (
    <Modal opened={props.opened} onClose={props.onClose} title={`Leave ${community.name}?`} centered>
      <Stack gap="md">
        <FormAlert message={form.message} />
        <Text>
          You will no longer be a member.{' '}
          {community.joinPolicy === 'open'
            ? 'You can join again at any time.'
            : community.joinPolicy === 'request'
              ? 'To come back, you will ask the leaders again.'
              : 'To come back, you will need a new invitation.'}
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose} data-autofocus>
            Stay
          </Button>
          <Button color="red" onClick={() => void leave()} loading={form.busy}>
            Leave community
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
