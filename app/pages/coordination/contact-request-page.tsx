import { Trans, useLingui } from '@lingui/react';
import { Anchor, Badge, Button, Card, Group, Stack, Text, Textarea, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { Link, useParams } from 'react-router';
import { z } from 'zod';
import { contactTopicMessages } from '../../../common/enums.ts';
import { messageBodyField } from '../../../common/fields.ts';
import { ApiError } from '../../api/client.ts';
import {
  useContactReplyMutation,
  useContactRequest,
  useContactStatusMutation,
} from '../../api/coordination.ts';
import type { ContactRequest } from '../../api/types.ts';
import { FormAlert, StatusAlert } from '../../components/form-alert.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { EmptyState, LoadError, PageLoader } from '../../components/page-states.tsx';
import { PersonAvatar } from '../../components/person-avatar.tsx';
import { useApiAction } from '../../hooks/use-api-action.ts';
import { useApiForm } from '../../hooks/use-api-form.ts';
import { dateTime, relativeTime } from '../../lib/dates.ts';
import '../proposals/proposals.css';

const replySchema = z.object({ body: messageBodyField });

function When(props: { iso: string }) {
  return (
    <time dateTime={props.iso} title={dateTime(props.iso)}>
      {relativeTime(props.iso)}
    </time>
  );
}

function RequestView(props: { request: ContactRequest }) {
  const { _ } = useLingui();
  const { request } = props;
  const sendReply = useContactReplyMutation(request.id);
  const changeStatus = useContactStatusMutation(request.id);
  const reply = useApiForm({ initialValues: { body: '' }, schema: replySchema });
  const status = useApiAction();
  const [notice, setNotice] = useState<string | null>(null);

  const sendAnswer = reply.submit(
    (checked) => sendReply.mutateAsync(checked),
    () => {
      reply.reset();
      setNotice(_('coordination.request.answerSent', { email: request.email }));
    },
  );

  const setStatus = async (path: 'done' | 'reopen') => {
    setNotice(null);
    const updated = await status.run(() => changeStatus.mutateAsync(path));
    if (!updated) return;
    setNotice(_(path === 'done' ? 'coordination.request.markedDone' : 'coordination.request.reopened'));
  };

  return (
    <>
      <PageHeader
        title={_('coordination.request.titleFrom', { name: request.name })}
        description={_(contactTopicMessages[request.topic])}
        actions={
          <>
            <Badge variant="light" color={request.status === 'open' ? 'amber' : 'forest'} tt="none">
              {_(
                request.status === 'open'
                  ? 'coordination.request.status.open'
                  : 'coordination.request.status.done',
              )}
            </Badge>
            {request.status === 'open' ? (
              <Button variant="default" onClick={() => void setStatus('done')} loading={status.busy}>
                {_('coordination.request.markDone')}
              </Button>
            ) : (
              <Button variant="default" onClick={() => void setStatus('reopen')} loading={status.busy}>
                {_('coordination.request.reopen')}
              </Button>
            )}
          </>
        }
      />
      <Stack gap="lg">
        <FormAlert message={status.message} />
        <StatusAlert message={notice} />
        <Card component="section" aria-labelledby="message-title">
          <Title order={2} size="h3" id="message-title" mb="xs">
            {_('coordination.request.messageTitle')}
          </Title>
          <Text size="sm" c="dimmed" mb="md" style={{ overflowWrap: 'anywhere' }}>
            <Trans
              id="coordination.request.from"
              components={{
                sender: request.sender ? (
                  <Anchor component={Link} to={`/people/${request.sender.id}`} size="sm">
                    {request.sender.displayName}
                  </Anchor>
                ) : (
                  _('coordination.request.noAccount', { name: request.name })
                ),
                email: (
                  <Anchor href={`mailto:${request.email}`} size="sm">
                    {request.email}
                  </Anchor>
                ),
                when: <When iso={request.createdAt} />,
              }}
            />
          </Text>
          <Text className="plain-text">{request.message}</Text>
        </Card>

        <Card component="section" aria-labelledby="answers-title">
          <Title order={2} size="h3" id="answers-title" mb="md">
            {_('coordination.request.answersTitle')}
          </Title>
          {request.replies.length === 0 ? (
            <Text size="sm" c="dimmed">
              {_('coordination.request.noAnswers')}
            </Text>
          ) : (
            <ol className="conversation" aria-label={_('coordination.request.answersLabel')}>
              {request.replies.map((item) => {
                const name = item.author?.displayName ?? _('coordination.request.formerCoordinator');
                return (
                  <li key={item.id} className="conversation-item">
                    <Group gap="sm" wrap="nowrap" align="flex-start">
                      <PersonAvatar name={name} photoUrl={null} size={32} />
                      <Stack gap={2} style={{ minWidth: 0, flex: 1 }}>
                        <Text size="sm">
                          <Trans
                            id="coordination.request.answered"
                            components={{
                              name: (
                                <Text span fw={650}>
                                  {name}
                                </Text>
                              ),
                            }}
                          />
                          <Text span c="dimmed" size="xs">
                            {' · '}
                            <When iso={item.createdAt} />
                          </Text>
                        </Text>
                        <Text size="sm" className="plain-text">
                          {item.body}
                        </Text>
                      </Stack>
                    </Group>
                  </li>
                );
              })}
            </ol>
          )}
          <form
            onSubmit={(event: FormEvent) => {
              setNotice(null);
              sendAnswer(event);
            }}
            noValidate
          >
            <Stack gap="sm" mt="lg">
              <FormAlert message={reply.message} />
              <Textarea
                label={_('coordination.request.yourAnswer')}
                name="body"
                description={_('coordination.request.answerDescription', { email: request.email })}
                autosize
                minRows={4}
                maxRows={14}
                {...reply.field('body')}
              />
              <Group>
                <Button type="submit" loading={reply.busy}>
                  {_('coordination.request.send')}
                </Button>
              </Group>
            </Stack>
          </form>
        </Card>
      </Stack>
    </>
  );
}

/** /coordination/inbox/:id: one contact request, its answers, a reply form, done and reopen. */
export function ContactRequestPage() {
  const { _ } = useLingui();
  const { id = '' } = useParams();
  const request = useContactRequest(id);
  if (request.isPending) {
    return (
      <>
        <PageHeader title={_('coordination.request.title')} />
        <PageLoader />
      </>
    );
  }
  if (request.isError) {
    const missing =
      request.error instanceof ApiError && (request.error.status === 404 || request.error.status === 400);
    return (
      <>
        <PageHeader title={missing ? _('coordination.request.notFound') : _('coordination.request.title')} />
        {missing ? (
          <EmptyState
            title={_('coordination.request.notHereTitle')}
            action={
              <Button component={Link} to="/coordination/inbox" variant="light" mt="sm">
                {_('coordination.request.back')}
              </Button>
            }
          >
            {_('coordination.request.notHereText')}
          </EmptyState>
        ) : (
          <LoadError error={request.error} onRetry={() => void request.refetch()} />
        )}
      </>
    );
  }
  return <RequestView key={request.data.id} request={request.data} />;
}
