import { Box, Button, Checkbox, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useState } from 'react';
import { Link } from 'react-router';
import { z } from 'zod';
import type { MembershipRole } from '../../../common/enums.ts';
import { shortMessageField } from '../../../common/fields.ts';
import { apiSend } from '../../api/client.ts';
import { keys, useMe } from '../../api/queries.ts';
import type { CommunityHome } from '../../api/types.ts';
import { FormAlert, StatusAlert } from '../../components/form-alert.tsx';
import { useFormState } from '../../hooks/use-form-state.ts';

const roleSentence: Record<MembershipRole, string> = {
  leader: 'You lead this community',
  co_leader: 'You co-lead this community',
  sponsor: 'You are its sponsor',
  member: 'You are a member',
  guest: 'You are a guest',
};

const requestSchema = z.object({ message: shortMessageField });

/** Refreshes what depends on someone's membership: this community (and its tabs) and the directory. */
function useRefreshMembership(slug: string) {
  const queryClient = useQueryClient();
  return async () => {
    await queryClient.invalidateQueries({ queryKey: keys.community(slug) });
    await queryClient.invalidateQueries({ queryKey: keys.communities });
  };
}

function JoinDialog(props: {
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

function RequestDialog(props: {
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

function LeaveDialog(props: {
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

/**
 * The join / ask to join / request pending / leave button, as the viewer's rights allow; visitors are
 * offered to sign in and come back here.
 */
export function MembershipActions(props: { home: CommunityHome }) {
  const { home } = props;
  const { community, viewer } = home;
  const me = useMe();
  const refresh = useRefreshMembership(community.slug);
  const [dialog, setDialog] = useState<'join' | 'request' | 'leave' | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const join = useFormState();

  const joinAtOnce = async () => {
    setStatus(null);
    const done = await join.run(() => apiSend('POST', `/communities/${community.slug}/join`, {}));
    if (!done) return;
    await refresh();
    setStatus(`Welcome! You are now a member of ${community.name}.`);
  };
  const close = () => setDialog(null);

  let actions: ReactNode = null;
  if (me.data === null && community.stage !== 'archived' && community.joinPolicy !== 'invitation') {
    actions = (
      <Button component={Link} to={`/signin?next=${encodeURIComponent(`/communities/${community.slug}`)}`}>
        Sign in to join
      </Button>
    );
  } else if (viewer.role) {
    actions = (
      <>
        <Text size="sm" fw={600}>
          {roleSentence[viewer.role]}
        </Text>
        {viewer.canLeave ? (
          <Button variant="default" onClick={() => setDialog('leave')}>
            Leave
          </Button>
        ) : null}
      </>
    );
  } else if (viewer.canJoin) {
    actions = (
      <Button
        onClick={() => (community.requireGuidelines ? setDialog('join') : void joinAtOnce())}
        loading={join.busy}
      >
        Join community
      </Button>
    );
  } else if (viewer.requestStatus === 'pending') {
    actions = (
      <>
        <Button disabled>Request pending</Button>
        <Text size="sm" c="dimmed">
          The leaders will answer your request.
        </Text>
      </>
    );
  } else if (viewer.canRequest) {
    actions = <Button onClick={() => setDialog('request')}>Ask to join</Button>;
  } else if (community.joinPolicy === 'invitation' && community.stage !== 'archived') {
    actions = (
      <Text size="sm" c="dimmed">
        Membership is by invitation only.
      </Text>
    );
  }

  return (
    <Stack gap="xs" align="flex-start">
      {actions ? (
        <Group gap="sm" wrap="wrap">
          {actions}
        </Group>
      ) : null}
      <FormAlert message={join.message} />
      <StatusAlert message={status} />
      <JoinDialog
        home={home}
        opened={dialog === 'join'}
        onClose={close}
        onJoined={() => {
          close();
          setStatus(`Welcome! You are now a member of ${community.name}.`);
        }}
      />
      <RequestDialog
        home={home}
        opened={dialog === 'request'}
        onClose={close}
        onSent={() => {
          close();
          setStatus('Your request is sent. The leaders will answer you by email.');
        }}
      />
      <LeaveDialog
        home={home}
        opened={dialog === 'leave'}
        onClose={close}
        onLeft={() => {
          close();
          setStatus(`You left ${community.name}.`);
        }}
      />
    </Stack>
  );
}
