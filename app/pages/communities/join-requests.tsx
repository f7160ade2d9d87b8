import { Trans, useLingui } from '@lingui/react';
import { Button, Card, Group, Modal, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { z } from 'zod';
import { shortMessageField } from '../../../common/fields.ts';
import { useDecideJoinRequestMutation, useJoinRequests } from '../../api/communities.ts';
import type { JoinRequest } from '../../api/types.ts';
import { FormAlert, StatusAlert } from '../../components/form-alert.tsx';
import { LoadError, PageLoader } from '../../components/page-states.tsx';
import { PersonAvatar } from '../../components/person-avatar.tsx';
import { useApiForm } from '../../hooks/use-api-form.ts';
import { dateTime, relativeTime } from '../../lib/dates.ts';

type Decision = 'approve' | 'decline';
const decisionSchema = z.object({ message: shortMessageField });

function DecisionDialog(props: {
  slug: string;
  request: JoinRequest | null;
  decision: Decision;
  onClose: () => void;
  onDone: (name: string) => void;
}) {
  const { _ } = useLingui();
  const { request, decision } = props;
  const { field, message, busy, submit } = useApiForm({
    initialValues: { message: '' },
    schema: decisionSchema,
  });
  const decide = useDecideJoinRequestMutation(props.slug);
  const name = request?.person.displayName ?? '';
  const onSubmit = submit(
    async (body) => {
      if (!request) return false;
      await decide.mutateAsync({ id: request.id, decision, ...body });
      return true;
    },
    (decided) => {
      if (decided) props.onDone(name);
    },
  );
  return (
    <Modal
      opened={request !== null}
      onClose={props.onClose}
      title={
        decision === 'approve'
          ? _('communities.requests.dialog.approveTitle', { name })
          : _('communities.requests.dialog.declineTitle', { name })
      }
      centered
    >
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="md">
          <FormAlert message={message} />
          <Textarea
            label={_('communities.requests.dialog.message', { name })}
            description={
              decision === 'approve'
                ? _('communities.requests.dialog.approveHint')
                : _('communities.requests.dialog.declineHint')
            }
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
            <Button type="submit" loading={busy} color={decision === 'decline' ? 'red' : undefined}>
              {decision === 'approve' ? _('communities.requests.approve') : _('communities.requests.decline')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** Leaders: the pending requests to join, each approved or declined with a message. */
export function JoinRequests(props: { slug: string; moderated: boolean }) {
  const { _ } = useLingui();
  const { slug } = props;
  const [deciding, setDeciding] = useState<{ request: JoinRequest; decision: Decision } | null>(null);
  // The last decision, for the confirmation (written when shown, in the language shown).
  const [decided, setDecided] = useState<{ decision: Decision; name: string } | null>(null);
  const status =
    decided === null
      ? null
      : decided.decision === 'approve'
        ? _('communities.requests.approved', { name: decided.name })
        : _('communities.requests.declined', { name: decided.name });
  const requests = useJoinRequests(slug);
  const count = requests.data?.length ?? 0;
  // Open and invitation-only communities get requests only from before a policy change: hide the empty card.
  if (!props.moderated && count === 0 && !status) return null;
  return (
    <Card component="section" aria-labelledby="requests-title">
      <Title order={2} size="h3" mb="sm" id="requests-title">
        {_('communities.requests.title', { count })}
      </Title>
      <Stack gap="sm">
        <StatusAlert message={status} />
        {requests.isPending ? (
          <PageLoader label={_('communities.requests.loading')} />
        ) : requests.isError ? (
          <LoadError error={requests.error} onRetry={() => void requests.refetch()} />
        ) : count === 0 ? (
          <Text size="sm" c="dimmed">
            {_('communities.requests.empty')}
          </Text>
        ) : (
          <ul className="row-list" aria-label={_('communities.requests.list')}>
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
                        <Trans
                          id="communities.requests.asked"
                          values={{ when: relativeTime(request.createdAt) }}
                          components={{
                            time: <time dateTime={request.createdAt} title={dateTime(request.createdAt)} />,
                          }}
                        />
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
                        setDecided(null);
                        setDeciding({ request, decision: 'approve' });
                      }}
                      aria-label={_('communities.requests.approvePerson', {
                        name: request.person.displayName,
                      })}
                    >
                      {_('communities.requests.approve')}
                    </Button>
                    <Button
                      size="xs"
                      variant="default"
                      onClick={() => {
                        setDecided(null);
                        setDeciding({ request, decision: 'decline' });
                      }}
                      aria-label={_('communities.requests.declinePerson', {
                        name: request.person.displayName,
                      })}
                    >
                      {_('communities.requests.decline')}
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
        onDone={(name) => {
          setDecided({ decision: deciding?.decision ?? 'approve', name });
          setDeciding(null);
        }}
      />
    </Card>
  );
}
