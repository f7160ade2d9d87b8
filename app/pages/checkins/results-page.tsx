import '@mantine/charts/styles.css';
import { useLingui } from '@lingui/react';
import { BarChart, LineChart } from '@mantine/charts';
import {
  Anchor,
  Card,
  Group,
  List,
  NativeSelect,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import type { SurveyResults } from '../../../common/contracts/surveys.ts';
import { useCheckin, useCheckinResults } from '../../api/surveys.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { LoadError, PageLoader } from '../../components/page-states.tsx';
import { dateOnly } from '../../lib/dates.ts';
import { formatNumber } from '../../lib/format.ts';
import { ActionItemForm } from './action-item-form.tsx';

type QuestionResult = SurveyResults['questions'][number];

/**
 * /checkins/:id/results: a round's results, each question as a chart with its data table beside it,
 * the trend across rounds, the free-text answers with a search; leaders record an action item here.
 * Its own chunk: the charting library loads only with this page.
 */
export function CheckinResultsPage() {
  const { _ } = useLingui();
  const id = useParams().id ?? '';
  const [round, setRound] = useState<number | undefined>(undefined);
  const [search, setSearch] = useState('');
  const checkin = useCheckin(id);
  const results = useCheckinResults(id, { ...(round ? { round } : {}), q: search.trim() });
  if (checkin.isPending || results.isPending) return <PageLoader label={_('checkins.results.loading')} />;
  if (checkin.isError) return <LoadError error={checkin.error} onRetry={() => void checkin.refetch()} />;
  if (results.isError) return <LoadError error={results.error} onRetry={() => void results.refetch()} />;
  const survey = checkin.data;
  const data = results.data;
  const shownRound = data.rounds.find((r) => r.number === data.round);
  return (
    <Stack gap="lg" maw={1000}>
      <PageHeader
        title={_('checkins.results.heading', { title: survey.title })}
        documentTitle={_('checkins.results.title')}
      />
      <Anchor component={Link} to={`/checkins/${survey.id}`} size="sm">
        {_('checkins.results.back')}
      </Anchor>
      <Group gap="md" align="flex-end" wrap="wrap">
        {data.rounds.length > 1 ? (
          <NativeSelect
            label={_('checkins.results.round')}
            value={String(data.round ?? '')}
            onChange={(event) => setRound(Number(event.currentTarget.value))}
            data={data.rounds.map((r) => ({
              value: String(r.number),
              label: _('checkins.results.roundOption', { round: r.number, date: dateOnly(r.opensAt) }),
            }))}
          />
        ) : null}
        <TextInput
          type="search"
          label={_('checkins.results.search')}
          value={search}
          onChange={(event) => setSearch(event.currentTarget.value)}
        />
      </Group>
      {shownRound ? (
        <Text role="status">
          {_('checkins.rate', { answered: shownRound.responseCount, asked: shownRound.inviteeCount })}
        </Text>
      ) : null}
      {!data.shown ? (
        <Card>
          <Text size="sm" c="dimmed">
            {survey.anonymous ? _('checkins.results.hiddenAnonymous') : _('checkins.results.hidden')}
          </Text>
        </Card>
      ) : (
        data.questions.map((question, index) => (
          <QuestionCard key={question.id} number={index + 1} question={question} />
        ))
      )}
      {survey.abilities.manage ? (
        <Card component="section" aria-labelledby="record-action-title">
          <Title order={2} size="h3" id="record-action-title" mb="sm">
            {_('checkins.actions.recordTitle')}
          </Title>
          <Text size="sm" c="dimmed" mb="sm">
            {_('checkins.actions.recordHelp')}
          </Text>
          <ActionItemForm slug={survey.community.slug} surveyId={survey.id} />
        </Card>
      ) : null}
    </Stack>
  );
}

function QuestionCard(props: { number: number; question: QuestionResult }) {
  const { _ } = useLingui();
  const { question } = props;
  const headingId = `question-${question.id}`;
  const text = question.kind === 'short_text' || question.kind === 'long_text';
  return (
    <Card component="section" aria-labelledby={headingId}>
      <Stack gap="sm">
        <Title order={2} size="h4" id={headingId}>
          {`${props.number}. ${question.prompt}`}
        </Title>
        <Text size="sm" c="dimmed">
          {_('checkins.results.answers', { count: question.result.answers })}
          {question.result.mean !== null
            ? ` · ${_('checkins.results.mean', { mean: formatNumber(question.result.mean, { maximumFractionDigits: 1 }) })}`
            : ''}
        </Text>
        {text ? <Texts question={question} /> : <Counts question={question} />}
        {question.trend.length > 1 && !text ? <Trend question={question} /> : null}
      </Stack>
    </Card>
  );
}

/** A bar chart of the counts with the same numbers in a table beside it (the table is what screen readers read). */
function Counts(props: { question: QuestionResult }) {
  const { _ } = useLingui();
  const { question } = props;
  const ranking = question.kind === 'ranking';
  const rows = question.options.map((option, index) => ({
    option: question.kind === 'likert' ? `${index + 1} ${option}` : option,
    count: question.result.counts[index] ?? 0,
    position: question.result.averagePositions[index] ?? null,
  }));
  const chartData = rows.map((row) => ({
    option: row.option,
    value: ranking ? Number((row.position ?? 0).toFixed(2)) : row.count,
  }));
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="lg">
      <div aria-hidden="true" inert>
        <BarChart
          h={Math.max(160, rows.length * 36)}
          data={chartData}
          dataKey="option"
          orientation="vertical"
          yAxisProps={{ width: 120 }}
          series={[
            {
              name: 'value',
              label: ranking ? _('checkins.results.averagePosition') : _('checkins.results.count'),
              color: 'forest.6',
            },
          ]}
          withTooltip={false}
        />
      </div>
      <Table withTableBorder striped>
        <Table.Caption>
          {ranking ? _('checkins.results.rankingCaption') : _('checkins.results.countsCaption')}
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{_('checkins.results.option')}</Table.Th>
            <Table.Th scope="col">
              {ranking ? _('checkins.results.averagePosition') : _('checkins.results.count')}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.option}>
              <Table.Th scope="row" fw={400}>
                {row.option}
              </Table.Th>
              <Table.Td>
                {ranking
                  ? row.position === null
                    ? '–'
                    : formatNumber(row.position, { maximumFractionDigits: 2 })
                  : formatNumber(row.count)}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </SimpleGrid>
  );
}

/** The question across rounds: the Likert mean (else the answers) as a line, with its table. */
function Trend(props: { question: QuestionResult }) {
  const { _ } = useLingui();
  const { question } = props;
  const likert = question.kind === 'likert';
  const points = question.trend.map((r) => ({
    round: _('checkins.results.roundShort', { round: r.round }),
    value: likert ? Number((r.mean ?? 0).toFixed(2)) : r.answers,
  }));
  const label = likert ? _('checkins.results.mean.label') : _('checkins.results.count');
  return (
    <Stack gap="xs">
      <Title order={3} size="h5">
        {_('checkins.results.trend')}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="lg">
        <div aria-hidden="true" inert>
          <LineChart
            h={180}
            data={points}
            dataKey="round"
            series={[{ name: 'value', label, color: 'forest.6' }]}
            withTooltip={false}
            {...(likert ? { yAxisProps: { domain: [1, 5] } } : {})}
          />
        </div>
        <Table withTableBorder striped>
          <Table.Caption>{_('checkins.results.trendCaption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{_('checkins.results.round')}</Table.Th>
              <Table.Th scope="col">{label}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {question.trend.map((r) => (
              <Table.Tr key={r.round}>
                <Table.Th scope="row" fw={400}>
                  {_('checkins.results.roundShort', { round: r.round })}
                </Table.Th>
                <Table.Td>
                  {likert
                    ? r.mean === null
                      ? '–'
                      : formatNumber(r.mean, { maximumFractionDigits: 1 })
                    : formatNumber(r.answers)}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </SimpleGrid>
    </Stack>
  );
}

function Texts(props: { question: QuestionResult }) {
  const { _ } = useLingui();
  const { question } = props;
  if (question.texts.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {_('checkins.results.noTexts')}
      </Text>
    );
  return (
    <Stack gap="xs">
      <Text size="sm">
        {_('checkins.results.textsShown', { shown: question.texts.length, count: question.textCount })}
      </Text>
      <List spacing="xs">
        {question.texts.map((text, index) => (
          // Texts may repeat; they are shown in the server's order.
          // biome-ignore lint/suspicious/noArrayIndexKey: see above
          <List.Item key={index} style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }}>
            {text}
          </List.Item>
        ))}
      </List>
    </Stack>
  );
}
