import { useLingui } from '@lingui/react';
import {
  Alert,
  Button,
  Card,
  Group,
  List,
  NativeSelect,
  Progress,
  Radio,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useLocation, useParams } from 'react-router';
import { type Ping, pingLimits } from '../../../common/contracts/pings.ts';
import {
  useAnswerPing,
  useClosePing,
  useDiscussPing,
  useExtendPing,
  usePing,
  usePingResults,
} from '../../api/pings.ts';
import { AttachedDiscussion } from '../../components/attached-discussion.tsx';
import { FormAlert, StatusAlert } from '../../components/form-alert.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { LoadError, PageLoader } from '../../components/page-states.tsx';
import { failureMessage } from '../../hooks/form-errors.ts';
import { dateTime } from '../../lib/dates.ts';
import { noticeFrom } from '../../lib/route-notice.ts';

/** /pings/:id: answer a Ping sent to you; see its results and response rate; leaders close it. */
export function PingPage() {
  const { _ } = useLingui();
  const id = useParams().id ?? '';
  const notice = noticeFrom(useLocation().state);
  const ping = usePing(id);
  if (ping.isPending) return <PageLoader label={_('pings.loading')} />;
  if (ping.isError) return <LoadError error={ping.error} onRetry={() => void ping.refetch()} />;
  const data = ping.data;
  return (
    <Stack gap="lg" maw={720}>
      <PageHeader
        title={data.question}
        documentTitle={_('pings.documentTitle')}
        description={data.open ? _('pings.closes', { closes: dateTime(data.closesAt) }) : _('pings.closed')}
      />
      <StatusAlert message={notice} />
      {data.anonymous ? <Text size="sm">{_('pings.anonymousNote')}</Text> : null}
      <AnswerCard ping={data} />
      {data.abilities.seeResults ? <Results ping={data} /> : null}
      <DiscussionCard ping={data} />
      {data.abilities.manage ? <ManageCard ping={data} /> : null}
    </Stack>
  );
}

function AnswerCard(props: { ping: Ping }) {
  const { _ } = useLingui();
  const { ping } = props;
  const answer = useAnswerPing(ping.id);
  const [choice, setChoice] = useState<string>(ping.yourAnswer?.choice?.toString() ?? '');
  const [text, setText] = useState(ping.yourAnswer?.text ?? '');
  if (!ping.addressedToYou) return null;
  const mayAnswer = ping.answered ? ping.abilities.changeAnswer : ping.abilities.answer;
  return (
    <Card>
      <Stack gap="md">
        <Title order={2} size="h3">
          {_('pings.answer.title')}
        </Title>
        {ping.answered ? (
          <Alert color="forest" variant="light" role="status">
            {ping.anonymous ? _('pings.answer.doneAnonymous') : _('pings.answer.done')}
          </Alert>
        ) : null}
        {mayAnswer ? (
          <form
            noValidate
            onSubmit={(event) => {
              event.preventDefault();
              answer.mutate(ping.kind === 'choice' ? { choice: Number(choice) } : { text });
            }}
          >
            <Stack gap="md">
              <FormAlert message={answer.isError ? failureMessage(answer.error) : null} />
              {ping.kind === 'choice' ? (
                <Radio.Group label={_('pings.answer.choose')} value={choice} onChange={setChoice} required>
                  <Stack gap="xs" mt="xs">
                    {ping.choices.map((label, index) => (
                      <Radio key={label} value={String(index)} label={label} />
                    ))}
                  </Stack>
                </Radio.Group>
              ) : (
                <Textarea
                  label={_('pings.answer.text')}
                  value={text}
                  onChange={(event) => setText(event.currentTarget.value)}
                  autosize
                  minRows={3}
                  required
                />
              )}
              <Group>
                <Button
                  type="submit"
                  loading={answer.isPending}
                  disabled={ping.kind === 'choice' && choice === ''}
                >
                  {ping.answered ? _('pings.answer.change') : _('pings.answer.send')}
                </Button>
              </Group>
            </Stack>
          </form>
        ) : null}
      </Stack>
    </Card>
  );
}

function Results(props: { ping: Ping }) {
  const { _ } = useLingui();
  const { ping } = props;
  const results = usePingResults(ping.id, { enabled: true, live: ping.open });
  return (
    <Card>
      <Stack gap="md">
        <Title order={2} size="h3">
          {_('pings.results.title')}
        </Title>
        {results.isPending ? <PageLoader label={_('pings.results.loading')} /> : null}
        {results.isError ? <LoadError error={results.error} onRetry={() => void results.refetch()} /> : null}
        {results.data ? (
          <>
            <Text>
              {_('pings.results.rate', {
                answered: results.data.answerCount,
                asked: results.data.recipientCount,
                rate: Math.round(results.data.responseRate * 100),
              })}
            </Text>
            <Progress
              value={results.data.responseRate * 100}
              aria-label={_('pings.results.rateLabel')}
              color="forest"
            />
            {results.data.shown ? (
              ping.kind === 'choice' ? (
                <Table>
                  <Table.Caption>
                    {_('pings.results.caption', { count: results.data.countedAnswers })}
                  </Table.Caption>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{_('pings.results.choice')}</Table.Th>
                      <Table.Th>{_('pings.results.count')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {results.data.choices.map((row) => (
                      <Table.Tr key={row.choice}>
                        <Table.Td>{row.choice}</Table.Td>
                        <Table.Td>{row.count}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              ) : (
                <List aria-label={_('pings.results.texts')}>
                  {results.data.texts.map((text, index) => (
                    // Answers may repeat; their order is the server's.
                    // biome-ignore lint/suspicious/noArrayIndexKey: texts have no id
                    <List.Item key={index}>{text}</List.Item>
                  ))}
                </List>
              )
            ) : (
              <Text size="sm" c="dimmed">
                {ping.anonymous ? _('pings.results.hiddenAnonymous') : _('pings.results.hiddenUntilClose')}
              </Text>
            )}
          </>
        ) : null}
      </Stack>
    </Card>
  );
}

/** The thread about the Ping's results: a link once it exists, else "Discuss the results" for those who may start it. */
function DiscussionCard(props: { ping: Ping }) {
  const { _ } = useLingui();
  const { ping } = props;
  const discuss = useDiscussPing(ping.id);
  return (
    <AttachedDiscussion
      headingId="ping-discussion-title"
      title={_('pings.discuss.title')}
      threadId={ping.threadId}
      canStart={ping.abilities.discuss}
      intro={_('pings.discuss.startHelp')}
      startLabel={_('pings.discuss.start')}
      openLabel={_('pings.discuss.open')}
      failedLabel={_('common.error.generic')}
      start={() => discuss.mutateAsync()}
    />
  );
}

/** Hours a leader may add to an open Ping's closing time, as the form offers them. */
const extensions = [24, 72, 168] as const;
const maxWindowMs = pingLimits.windowHoursMax * 3_600_000;

function ManageCard(props: { ping: Ping }) {
  const { _ } = useLingui();
  const { ping } = props;
  const close = useClosePing(ping.id);
  const extend = useExtendPing(ping.id);
  const closesAt = new Date(ping.closesAt).getTime();
  const latest = new Date(ping.opensAt).getTime() + maxWindowMs;
  const offered = extensions.filter((hours) => closesAt + hours * 3_600_000 <= latest);
  const [hours, setHours] = useState<string>(String(offered[0] ?? ''));
  const failure = close.error ?? extend.error;
  return (
    <Card component="section" aria-labelledby="manage-ping-title">
      <Stack gap="sm">
        <Title order={2} size="h3" id="manage-ping-title">
          {_('pings.manage.title')}
        </Title>
        <FormAlert message={failure ? failureMessage(failure) : null} />
        <StatusAlert
          message={extend.isSuccess ? _('pings.manage.extended', { closes: dateTime(ping.closesAt) }) : null}
        />
        {ping.open && offered.length > 0 ? (
          <form
            noValidate
            onSubmit={(event) => {
              event.preventDefault();
              close.reset();
              extend.mutate(new Date(closesAt + Number(hours) * 3_600_000).toISOString());
            }}
          >
            <Group align="flex-end" gap="sm">
              <NativeSelect
                label={_('pings.manage.extendBy')}
                value={hours}
                onChange={(event) => setHours(event.currentTarget.value)}
                data={offered.map((option) => ({
                  value: String(option),
                  label:
                    option % 168 === 0
                      ? _('pings.window.weeks', { count: option / 168 })
                      : _('pings.window.days', { count: option / 24 }),
                }))}
              />
              <Button type="submit" variant="default" loading={extend.isPending}>
                {_('pings.manage.extend')}
              </Button>
            </Group>
          </form>
        ) : null}
        <Group>
          {ping.open ? (
            <Button
              variant="light"
              color="red"
              onClick={() => {
                extend.reset();
                close.mutate();
              }}
              loading={close.isPending}
            >
              {_('pings.manage.close')}
            </Button>
          ) : null}
          <Button component="a" href={`/api/pings/${ping.id}/csv`} download variant="default">
            {_('pings.manage.csv')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
