import { Button, Card, Group, Modal, Stack, Text, Textarea, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { z } from 'zod';
import { shortMessageField } from '../../../common/fields.ts';
import { apiGet, apiSend } from '../../api/client.ts';
import { keys } from '../../api/queries.ts';
import type { JoinRequest } from '../../api/types.ts';
import { FormAlert, StatusAlert } from '../../components/form-alert.tsx';
import { LoadError, PageLoader } from '../../components/page-states.tsx';
import { PersonAvatar } from '../../components/person-avatar.tsx';
import { useFormState } from '../../hooks/use-form-state.ts';
import { dateTime, relativeTime } from '../../lib/dates.ts';

type Decision = 'approve' | 'decline';
const decisionSchema = z.object({ message: shortMessageField });

function DecisionDialog(props: {
  slug: string;
  request: JoinRequest | null;
  decision: Decision;
  onClose: () => void;
  onDone: (text: string) => void;
}) {
  const { request, decision } = props;
  const [message, setMessage] = useState('');
  const form = useFormState();
  const queryClient = useQueryClient();
  const name = request?.person.displayName ?? '';
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!request) return;
    const body = form.check(decisionSchema, { message });
    if (!body) return;
    const done = await form.run(() =>
      apiSend('POST', `/communities/${props.slug}/requests/${request.id}/decision`, { decision, ...body }),
    );
    if (!done) return;
    await queryClient.invalidateQueries({ queryKey: keys.community(props.slug) });
    await queryClient.invalidateQueries({ queryKey: keys.communities });
    props.onDone(decision === 'approve' ? `${name} is now a member.` : `${name}’s request is declined.`);
  };
  return (
    <Modal
      opened={request !== null}
      onClose={props.onClose}
      title={decision === 'approve' ? `Approve ${name}’s request?` : `Decline ${name}’s request?`}
      centered
    >
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Stack gap="md">
          <FormAlert message={form.message} />
          <Textarea
            label={`Message to ${name}`}
            description={
              decision === 'approve'
                ? 'Optional: a welcome, and where to start.'
                : 'Optional, but kind: why, and what they could do instead.'
            }
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
            <Button type="submit" loading={form.busy} color={decision === 'decline' ? 'red' : undefined}>
              {decision === 'approve' ? 'Approve' : 'Decline'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** Leaders: the pending requests to join, each approved or declined with a message. */
export function JoinRequests(props: { slug: string; moderated: boolean }) {
  const { slug } = props;
  const [deciding, setDeciding] = useState<{ request: JoinRequest; decision: Decision } | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const requests = useQuery({
    queryKey: keys.communityRequests(slug),
    queryFn: () => apiGet<JoinRequest[]>(`/communities/${slug}/requests`),
  });
  const count = requests.data?.length ?? 0;
  // Open and invitation-only communities get requests only from before a policy change: hide the empty card.
  if (!props.moderated && count === 0 && !status) return null;
  return (
    <Card component="section" aria-labelledby="requests-title">
      <Title order={2} size="h3" mb="sm" id="requests-title">
        Requests to join{count > 0 ? ` (${count})` : ''}
      </Title>
      <Stack gap="sm">
        <StatusAlert message={status} />
        {requests.isPending ? (
          <PageLoader label="Loading requests…" />
        ) : requests.isError ? (
          <LoadError error={requests.error} onRetry={() => void requests.refetch()} />
        ) : count === 0 ? (
          <Text size="sm" c="dimmed">
            No one is waiting for an answer.
          </Text>
        ) : (
          <ul className="row-list" aria-label="Pending requests">
            {requests.data.map((request) => (
              <li key={request.id}>
                <Stack gap="xs" py="sm">
                  <Group gap="sm" wrap="nowrap">
                    <PersonAvatar
                      name={request.person.displayName}
                      photoUrl={request.person.photoUrl}
                      size={36}
                    />
                    <Stack gap={0} style={{ minWidth: 0 }}>
                      <Text fw={600} size="sm">
                        {request.person.displayName}
                      </Text>
                      <Text size="xs" c="dimmed">
                        Asked{' '}
                        <time dateTime={request.createdAt} title={dateTime(request.createdAt)}>
                          {relativeTime(request.createdAt)}
                        </time>
                      </Text>
                    </Stack>
                  </Group>
                  {request.message ? (
                    <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                      “{request.message}”
                    </Text>
                  ) : null}
                  <Group gap="xs">
                    <Button
                      size="xs"
                      onClick={() => {
                        setStatus(null);
                        setDeciding({ request, decision: 'approve' });
                      }}
                      aria-label={`Approve ${request.person.displayName}`}
                    >
                      Approve
                    </Button>
                    <Button
                      size="xs"
                      variant="default"
                      onClick={() => {
                        setStatus(null);
                        setDeciding({ request, decision: 'decline' });
                      }}
                      aria-label={`Decline ${request.person.displayName}`}
                    >
                      Decline
                    </Button>
                  </Group>
                </Stack>
              </li>
            ))}
          </ul>
        )}
      </Stack>
      <DecisionDialog
        key={deciding ? `${deciding.request.id}-${deciding.decision}` : 'none'}
        slug={slug}
        request={deciding?.request ?? null}
        decision={deciding?.decision ?? 'approve'}
        onClose={() => setDeciding(null)}
        onDone={(text) => {
          setDeciding(null);
          setStatus(text);
        }}
      />
    </Card>
  );
}
