import { useLingui } from '@lingui/react';
import {
  Alert,
  Anchor,
  Button,
  Card,
  Group,
  NativeSelect,
  NumberInput,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import type { MentoringPair } from '../../../common/contracts/mentoring.ts';
import { ApiError } from '../../api/client.ts';
import {
  useAddPairNote,
  useAnswerRequest,
  useClosePair,
  usePair,
  usePairNotes,
  useReflectionStory,
  useSetPairMeeting,
} from '../../api/mentoring.ts';
import { FormAlert, StatusAlert } from '../../components/form-alert.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { LoadError, PageLoader } from '../../components/page-states.tsx';
import { Prose } from '../../components/prose.tsx';
import { failureMessage } from '../../hooks/form-errors.ts';
import { dateTime } from '../../lib/dates.ts';
import { usePersonName } from './person-name.ts';

/** /mentoring/pairs/:id: the pair's private space: the request, the next meeting, shared notes, closing. */
export function PairPage() {
  const { _ } = useLingui();
  const nameOf = usePersonName();
  const id = useParams().id ?? '';
  const pair = usePair(id);
  if (pair.isPending) return <PageLoader label={_('mentoring.pair.loading')} />;
  if (pair.isError) return <LoadError error={pair.error} onRetry={() => void pair.refetch()} />;
  const data = pair.data;
  const other = data.myRole === 'mentor' ? data.mentee : data.mentor;
  return (
    <Stack gap="lg" maw={760}>
      <PageHeader
        title={_('mentoring.pair.title', {
          mentor: nameOf(data.mentor),
          mentee: nameOf(data.mentee),
        })}
        documentTitle={_('mentoring.pair.documentTitle')}
        description={_('mentoring.pair.private')}
      />
      {data.skills.length > 0 ? (
        <Text>{_('mentoring.pair.skills', { skills: data.skills.join(', ') })}</Text>
      ) : null}
      {data.status === 'requested' ? <RequestCard pair={data} otherName={nameOf(other)} /> : null}
      {data.status === 'declined' ? <Alert variant="light">{_('mentoring.pair.declined')}</Alert> : null}
      {data.status === 'closed' ? (
        <Alert variant="light" title={_('mentoring.pair.closed')}>
          {data.reflection}
        </Alert>
      ) : null}
      {data.abilities.tellStory ? <StoryCard pair={data} /> : null}
      {data.status === 'active' || data.meeting ? <MeetingCard pair={data} /> : null}
      {data.status !== 'requested' && data.status !== 'declined' ? <NotesCard pair={data} /> : null}
      {data.abilities.close && (data.status === 'active' || data.myRole === 'mentee') ? (
        <CloseCard pair={data} />
      ) : null}
    </Stack>
  );
}

function RequestCard(props: { pair: MentoringPair; otherName: string }) {
  const { _ } = useLingui();
  const answer = useAnswerRequest(props.pair.id);
  return (
    <Card>
      <Stack gap="sm">
        <Title order={2} size="h3">
          {_('mentoring.request.title')}
        </Title>
        {props.pair.message ? <Text>{props.pair.message}</Text> : null}
        <FormAlert message={answer.isError ? failureMessage(answer.error) : null} />
        {props.pair.abilities.accept ? (
          <Group>
            <Button onClick={() => answer.mutate(true)} loading={answer.isPending}>
              {_('mentoring.request.accept')}
            </Button>
            <Button variant="default" onClick={() => answer.mutate(false)} disabled={answer.isPending}>
              {_('mentoring.request.decline')}
            </Button>
          </Group>
        ) : (
          <Text c="dimmed">{_('mentoring.request.waiting', { name: props.otherName })}</Text>
        )}
      </Stack>
    </Card>
  );
}

function MeetingCard(props: { pair: MentoringPair }) {
  const { _ } = useLingui();
  const { pair } = props;
  const set = useSetPairMeeting(pair.id);
  const [startsAt, setStartsAt] = useState('');
  const [minutes, setMinutes] = useState<number | string>(60);
  const [place, setPlace] = useState('');
  const [url, setUrl] = useState('');
  const [saved, setSaved] = useState(false);
  const fields = set.error instanceof ApiError ? set.error.fields : {};
  return (
    <Card>
      <Stack gap="sm">
        <Title order={2} size="h3">
          {_('mentoring.meeting.title')}
        </Title>
        <StatusAlert message={saved ? _('mentoring.meeting.saved') : null} />
        {pair.meeting ? (
          <Stack gap={4}>
            <Text fw={600}>{dateTime(pair.meeting.startsAt)}</Text>
            <Text size="sm">{_('mentoring.meeting.length', { minutes: pair.meeting.minutes })}</Text>
            {pair.meeting.place ? <Text size="sm">{pair.meeting.place}</Text> : null}
            {pair.meeting.url ? (
              <Anchor href={pair.meeting.url} size="sm">
                {_('mentoring.meeting.join')}
              </Anchor>
            ) : null}
            <Anchor href={`/api/mentoring/pairs/${pair.id}/meeting.ics`} size="sm">
              {_('mentoring.meeting.ics')}
            </Anchor>
          </Stack>
        ) : (
          <Text c="dimmed">{_('mentoring.meeting.none')}</Text>
        )}
        {pair.abilities.write ? (
          <form
            noValidate
            onSubmit={(event) => {
              event.preventDefault();
              setSaved(false);
              const when = startsAt ? new Date(startsAt) : null;
              set.mutate(
                {
                  startsAt: when && !Number.isNaN(when.getTime()) ? when.toISOString() : startsAt,
                  minutes: Number(minutes),
                  place,
                  url: url || null,
                },
                { onSuccess: () => setSaved(true) },
              );
            }}
          >
            <Stack gap="sm">
              <FormAlert message={set.isError ? failureMessage(set.error) : null} />
              <TextInput
                type="datetime-local"
                label={_('mentoring.meeting.when')}
                value={startsAt}
                onChange={(event) => setStartsAt(event.currentTarget.value)}
                error={fields.startsAt}
                required
              />
              <NumberInput
                label={_('mentoring.meeting.minutes')}
                min={5}
                max={480}
                value={minutes}
                onChange={setMinutes}
                error={fields.minutes}
                maw={200}
              />
              <TextInput
                label={_('mentoring.meeting.place')}
                value={place}
                onChange={(event) => setPlace(event.currentTarget.value)}
                error={fields.place}
              />
              <TextInput
                type="url"
                label={_('mentoring.meeting.url')}
                value={url}
                onChange={(event) => setUrl(event.currentTarget.value)}
                error={fields.url}
              />
              <Group>
                <Button type="submit" loading={set.isPending}>
                  {_('mentoring.meeting.save')}
                </Button>
              </Group>
            </Stack>
          </form>
        ) : null}
      </Stack>
    </Card>
  );
}

function NotesCard(props: { pair: MentoringPair }) {
  const { _ } = useLingui();
  const nameOf = usePersonName();
  const notes = usePairNotes(props.pair.id);
  const add = useAddPairNote(props.pair.id);
  const [body, setBody] = useState('');
  return (
    <Card>
      <Stack gap="sm">
        <Title order={2} size="h3">
          {_('mentoring.notes.title')}
        </Title>
        {props.pair.abilities.write ? (
          <form
            noValidate
            onSubmit={(event) => {
              event.preventDefault();
              add.mutate(body, { onSuccess: () => setBody('') });
            }}
          >
            <Stack gap="xs">
              <FormAlert message={add.isError ? failureMessage(add.error) : null} />
              <Textarea
                label={_('mentoring.notes.add')}
                description={_('mentoring.notes.markdown')}
                value={body}
                onChange={(event) => setBody(event.currentTarget.value)}
                autosize
                minRows={3}
              />
              <Group>
                <Button type="submit" loading={add.isPending}>
                  {_('mentoring.notes.save')}
                </Button>
              </Group>
            </Stack>
          </form>
        ) : null}
        {notes.isPending ? <PageLoader label={_('mentoring.notes.loading')} /> : null}
        {notes.isError ? <LoadError error={notes.error} onRetry={() => void notes.refetch()} /> : null}
        {notes.data?.data.length === 0 ? <Text c="dimmed">{_('mentoring.notes.none')}</Text> : null}
        {notes.data?.data.map((note) => (
          <Card key={note.id} withBorder component="article">
            <Text size="sm" c="dimmed">
              {_('mentoring.notes.by', {
                name: nameOf(note.author),
                when: dateTime(note.createdAt),
              })}
            </Text>
            <Prose html={note.bodyHtml} empty="" />
          </Card>
        ))}
      </Stack>
    </Card>
  );
}

function CloseCard(props: { pair: MentoringPair }) {
  const { _ } = useLingui();
  const close = useClosePair(props.pair.id);
  const [reflection, setReflection] = useState('');
  const fields = close.error instanceof ApiError ? close.error.fields : {};
  const withdrawing = props.pair.status === 'requested';
  return (
    <Card>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          close.mutate(reflection);
        }}
      >
        <Stack gap="sm">
          <Title order={2} size="h3">
            {withdrawing ? _('mentoring.close.withdrawTitle') : _('mentoring.close.title')}
          </Title>
          <FormAlert message={close.isError ? failureMessage(close.error) : null} />
          {withdrawing ? null : (
            <Textarea
              label={_('mentoring.close.reflection')}
              description={_('mentoring.close.reflectionHelp')}
              value={reflection}
              onChange={(event) => setReflection(event.currentTarget.value)}
              error={fields.reflection}
              autosize
              minRows={3}
            />
          )}
          <Group>
            <Button type="submit" variant="default" color="red" loading={close.isPending}>
              {withdrawing ? _('mentoring.close.withdraw') : _('mentoring.close.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

/** "Turn this into a value story": who wrote the reflection picks one of their communities (#18 §2). */
function StoryCard(props: { pair: MentoringPair }) {
  const { _ } = useLingui();
  const navigate = useNavigate();
  const story = useReflectionStory(props.pair.id);
  const [slug, setSlug] = useState('');
  const fields = story.error instanceof ApiError ? story.error.fields : {};
  const communities = props.pair.storyCommunities;
  return (
    <Card component="section" aria-labelledby="reflection-story-title">
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          story.mutate(
            { slug },
            {
              onSuccess: (made) =>
                void navigate(`/stories/${made.id}`, { state: { notice: _('mentoring.story.made') } }),
            },
          );
        }}
      >
        <Stack gap="sm">
          <Title order={2} size="h3" id="reflection-story-title">
            {_('mentoring.story.title')}
          </Title>
          <Text size="sm">{_('mentoring.story.help')}</Text>
          <FormAlert message={story.isError && !fields.slug ? failureMessage(story.error) : null} />
          {communities.length === 0 ? (
            <Text c="dimmed">{_('mentoring.story.noCommunities')}</Text>
          ) : (
            <Group gap="sm" align="flex-end" wrap="wrap">
              <NativeSelect
                label={_('mentoring.story.community')}
                value={slug}
                onChange={(event) => setSlug(event.currentTarget.value)}
                error={fields.slug}
                style={{ flex: '1 1 12rem' }}
                data={[
                  { value: '', label: _('mentoring.story.communityNone') },
                  ...communities.map((community) => ({ value: community.slug, label: community.name })),
                ]}
              />
              <Button type="submit" variant="light" loading={story.isPending}>
                {_('mentoring.story.submit')}
              </Button>
            </Group>
          )}
        </Stack>
      </form>
    </Card>
  );
}
