import { useLingui } from '@lingui/react';
import { Alert, Anchor, Button, Stack, Text, Title } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { errorMessage } from '../../api/client.ts';
import { useAnswerByLink, useAnswerLink } from '../../api/pings.ts';
import { AuthCard } from '../../components/auth-card.tsx';
import { PageLoader } from '../../components/page-states.tsx';
import { dateTime } from '../../lib/dates.ts';

/**
 * /pings/answer/:token, a choice's link in a Ping's email: shows the question and the choice and asks
 * once (a mail scanner opening the link answers nothing); works signed out.
 */
export function AnswerLinkPage() {
  const { _ } = useLingui();
  const token = useParams().token ?? '';
  const link = useAnswerLink(token);
  const answer = useAnswerByLink(token);

  if (link.isPending) return <PageLoader label={_('pings.link.loading')} />;
  if (link.isError) {
    return (
      <AuthCard title={_('pings.link.title')}>
        <Stack gap="md">
          <Alert color="red" variant="light" role="alert">
            {errorMessage(link.error)}
          </Alert>
          <Anchor component={Link} to="/">
            {_('pings.link.home')}
          </Anchor>
        </Stack>
      </AuthCard>
    );
  }
  const { question, choice, communityName, anonymous, closesAt } = link.data;
  return (
    <AuthCard title={_('pings.link.title')} description={_('pings.link.from', { community: communityName })}>
      <Stack gap="md">
        <Title order={2} size="h4">
          {question}
        </Title>
        {answer.isSuccess ? (
          <Alert color="forest" variant="light" role="status">
            {_('pings.link.done', { choice })}
          </Alert>
        ) : (
          <>
            <Text>{_('pings.link.yourAnswer', { choice })}</Text>
            {anonymous ? <Text size="sm">{_('pings.anonymousNote')}</Text> : null}
            {answer.isError ? (
              <Alert color="red" variant="light" role="alert">
                {errorMessage(answer.error)}
              </Alert>
            ) : null}
            <Button onClick={() => answer.mutate()} loading={answer.isPending}>
              {_('pings.link.send', { choice })}
            </Button>
            <Text size="sm" c="dimmed">
              {_('pings.closes', { closes: dateTime(closesAt) })}
            </Text>
          </>
        )}
      </Stack>
    </AuthCard>
  );
}
