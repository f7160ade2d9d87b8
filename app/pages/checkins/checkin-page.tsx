import { useLingui } from '@lingui/react';
import { Alert, Anchor, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { Link, useLocation, useParams } from 'react-router';
import type { Survey } from '../../../common/contracts/surveys.ts';
import { useCheckin, useCloseCheckin, useStartNextRound } from '../../api/surveys.ts';
import { FormAlert, StatusAlert } from '../../components/form-alert.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { LoadError, PageLoader } from '../../components/page-states.tsx';
import { failureMessage } from '../../hooks/form-errors.ts';
import { dateTime } from '../../lib/dates.ts';
import { noticeFrom } from '../../lib/route-notice.ts';
import { AnswerForm } from './answer-form.tsx';
import { recurrenceText } from './checkins-tab.tsx';

/** /checkins/:id: answer a check-in sent to you; a link to its results; leaders see the rate and close it. */
export function CheckinPage() {
  const { _ } = useLingui();
  const id = useParams().id ?? '';
  const notice = noticeFrom(useLocation().state);
  const checkin = useCheckin(id);
  if (checkin.isPending) return <PageLoader label={_('checkins.loading')} />;
  if (checkin.isError) return <LoadError error={checkin.error} onRetry={() => void checkin.refetch()} />;
  const survey = checkin.data;
  const round = survey.round;
  const mayAnswer = survey.answered ? survey.abilities.changeAnswer : survey.abilities.answer;
  return (
    <Stack gap="lg" maw={760}>
      <PageHeader
        title={survey.title}
        documentTitle={_('checkins.documentTitle')}
        description={[
          round?.open
            ? _('checkins.status.open', { round: round.number, closes: dateTime(round.closesAt) })
            : round
              ? _('checkins.status.closed', { round: round.number })
              : null,
          recurrenceText(_, survey),
        ]
          .filter(Boolean)
          .join(' · ')}
      />
      <Anchor component={Link} to={`/communities/${survey.community.slug}/checkins`} size="sm">
        {_('checkins.backTo', { community: survey.community.name })}
      </Anchor>
      <StatusAlert message={notice} />
      {survey.intro ? <Text style={{ whiteSpace: 'pre-wrap' }}>{survey.intro}</Text> : null}
      {survey.anonymous ? <Text size="sm">{_('checkins.anonymousNote')}</Text> : null}
      {survey.invited ? (
        <Card component="section" aria-labelledby="answer-title">
          <Stack gap="md">
            <Title order={2} size="h3" id="answer-title">
              {_('checkins.answer.title')}
            </Title>
            {survey.answered ? (
              <Alert color="forest" variant="light" role="status">
                {survey.anonymous ? _('checkins.answer.doneAnonymous') : _('checkins.answer.done')}
              </Alert>
            ) : null}
            {mayAnswer ? (
              <AnswerForm key={round?.number ?? 0} survey={survey} />
            ) : !survey.answered ? (
              <Text size="sm" c="dimmed">
                {round?.open ? _('checkins.answer.cannot') : _('checkins.answer.closed')}
              </Text>
            ) : null}
          </Stack>
        </Card>
      ) : null}
      <ResultsLink survey={survey} />
      {survey.abilities.manage ? <ManageCard survey={survey} /> : null}
    </Stack>
  );
}

function ResultsLink(props: { survey: Survey }) {
  const { _ } = useLingui();
  const { survey } = props;
  return (
    <Card component="section" aria-labelledby="results-link-title">
      <Stack gap="xs">
        <Title order={2} size="h3" id="results-link-title">
          {_('checkins.results.title')}
        </Title>
        {survey.round && survey.round.inviteeCount !== null && survey.round.responseCount !== null ? (
          <Text size="sm">
            {_('checkins.rate', { answered: survey.round.responseCount, asked: survey.round.inviteeCount })}
          </Text>
        ) : null}
        {survey.abilities.seeResults ? (
          <Group>
            <Button component={Link} to={`/checkins/${survey.id}/results`} variant="light">
              {_('checkins.results.open')}
            </Button>
          </Group>
        ) : (
          <Text size="sm" c="dimmed">
            {survey.shareResults ? _('checkins.results.afterAnswer') : _('checkins.results.leadersOnly')}
          </Text>
        )}
      </Stack>
    </Card>
  );
}

function ManageCard(props: { survey: Survey }) {
  const { _ } = useLingui();
  const { survey } = props;
  const close = useCloseCheckin(survey.id);
  const next = useStartNextRound(survey.id);
  const failure = close.error ?? next.error;
  const open = survey.round?.open === true || (!survey.stopped && survey.nextRoundOpensAt !== null);
  return (
    <Card component="section" aria-labelledby="manage-checkin-title">
      <Stack gap="sm">
        <Title order={2} size="h3" id="manage-checkin-title">
          {_('checkins.manage.title')}
        </Title>
        <FormAlert message={failure ? failureMessage(failure) : null} />
        <StatusAlert
          message={
            close.isSuccess
              ? _('checkins.manage.closed')
              : next.isSuccess
                ? _('checkins.manage.nextStarted', { round: next.data.number })
                : null
          }
        />
        {survey.nextRoundOpensAt && !survey.stopped ? (
          <Text size="sm">
            {_('checkins.manage.nextRound', { opens: dateTime(survey.nextRoundOpensAt) })}
          </Text>
        ) : null}
        <Group>
          {!survey.stopped ? (
            <Button
              variant="light"
              onClick={() => {
                close.reset();
                next.mutate();
              }}
              loading={next.isPending}
            >
              {_('checkins.manage.nextRound.start')}
            </Button>
          ) : null}
          {open ? (
            <Button
              variant="light"
              color="red"
              onClick={() => {
                next.reset();
                close.mutate();
              }}
              loading={close.isPending}
            >
              {_('checkins.manage.close')}
            </Button>
          ) : null}
          <Button component="a" href={`/api/surveys/${survey.id}/csv`} download variant="default">
            {_('checkins.manage.csv')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
