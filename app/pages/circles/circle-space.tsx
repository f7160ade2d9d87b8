import { useLingui } from '@lingui/react';
import { Button, Card, Group, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { type Circle, circleLimits } from '../../../common/contracts/circles.ts';
import { useCircleActions } from '../../api/circles.ts';
import { ApiError } from '../../api/client.ts';
import { FormAlert } from '../../components/form-alert.tsx';
import { failureMessage } from '../../hooks/form-errors.ts';
import { dateTime, relativeTime } from '../../lib/dates.ts';

/** The circle's own discussion, meetings and closing reflections (its members only). */
export function CircleSpace(props: { circle: Circle }) {
  return (
    <>
      <Discussion circle={props.circle} />
      <Meetings circle={props.circle} />
      <Reflections circle={props.circle} />
    </>
  );
}

/** One text box that sends and then clears itself. */
function TextForm(props: {
  label: string;
  hint?: string;
  submit: string;
  max: number;
  send: (body: string) => Promise<unknown>;
  error: unknown;
  busy: boolean;
}) {
  const [body, setBody] = useState('');
  const fields = props.error instanceof ApiError ? props.error.fields : {};
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void props.send(body).then(
          () => setBody(''),
          () => undefined,
        );
      }}
    >
      <Stack gap="xs">
        <FormAlert message={props.error ? failureMessage(props.error) : null} />
        <Textarea
          label={props.label}
          description={props.hint}
          value={body}
          autosize
          minRows={2}
          maxLength={props.max}
          onChange={(event) => setBody(event.currentTarget.value)}
          error={fields.body}
        />
        <Group>
          <Button type="submit" loading={props.busy}>
            {props.submit}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function Discussion(props: { circle: Circle }) {
  const { _ } = useLingui();
  const { circle } = props;
  const post = useCircleActions(circle.id).post;
  const posts = circle.posts ?? [];
  return (
    <Card component="section" aria-labelledby="circle-discussion">
      <Stack gap="sm">
        <Title order={2} size="h3" id="circle-discussion">
          {_('circles.discussion.title')}
        </Title>
        {posts.length === 0 ? (
          <Text c="dimmed">{_('circles.discussion.empty')}</Text>
        ) : (
          <Stack component="ul" gap="sm" className="plain-list">
            {posts.map((entry) => (
              <li key={entry.id}>
                <Text size="sm" c="dimmed">
                  {_('circles.discussion.by', {
                    name: entry.author?.displayName ?? _('circles.unknownPerson'),
                    when: relativeTime(entry.createdAt),
                  })}
                </Text>
                <Text style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{entry.body}</Text>
              </li>
            ))}
          </Stack>
        )}
        {circle.abilities.post ? (
          <TextForm
            label={_('circles.discussion.label')}
            submit={_('circles.discussion.submit')}
            max={circleLimits.postMax}
            send={(body) => post.mutateAsync({ body })}
            error={post.error}
            busy={post.isPending}
          />
        ) : null}
      </Stack>
    </Card>
  );
}

function Meetings(props: { circle: Circle }) {
  const { _ } = useLingui();
  const { circle } = props;
  const meetings = circle.meetings ?? [];
  return (
    <Card component="section" aria-labelledby="circle-meetings">
      <Stack gap="sm">
        <Title order={2} size="h3" id="circle-meetings">
          {_('circles.meetings.title')}
        </Title>
        {meetings.length === 0 ? (
          <Text c="dimmed">{_('circles.meetings.empty')}</Text>
        ) : (
          <Stack component="ul" gap="xs" className="plain-list">
            {meetings.map((meeting) => (
              <li key={meeting.id}>
                <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
                  {meeting.title}
                </Text>
                <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                  {[
                    _('circles.meetings.when', {
                      when: dateTime(meeting.startsAt),
                      minutes: meeting.durationMinutes,
                    }),
                    meeting.place,
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </Text>
              </li>
            ))}
          </Stack>
        )}
        {circle.abilities.post ? <MeetingForm circleId={circle.id} /> : null}
      </Stack>
    </Card>
  );
}

function MeetingForm(props: { circleId: string }) {
  const { _ } = useLingui();
  const schedule = useCircleActions(props.circleId).schedule;
  const [title, setTitle] = useState('');
  const [startsAt, setStartsAt] = useState('');
  const [duration, setDuration] = useState('60');
  const [place, setPlace] = useState('');
  const fields = schedule.error instanceof ApiError ? schedule.error.fields : {};
  const local = startsAt ? new Date(startsAt) : null;
  return (
    <form
      noValidate
      aria-labelledby="circle-schedule"
      onSubmit={(event) => {
        event.preventDefault();
        schedule.mutate(
          {
            title,
            startsAt: local && !Number.isNaN(local.getTime()) ? local.toISOString() : startsAt,
            durationMinutes: Number(duration),
            place,
          },
          {
            onSuccess: () => {
              setTitle('');
              setStartsAt('');
              setPlace('');
            },
          },
        );
      }}
    >
      <Stack gap="xs" maw={560}>
        <Title order={3} size="h4" id="circle-schedule">
          {_('circles.meetings.schedule')}
        </Title>
        <FormAlert message={schedule.isError ? failureMessage(schedule.error) : null} />
        <TextInput
          label={_('circles.meetings.name')}
          value={title}
          required
          maxLength={circleLimits.meetingTitleMax}
          onChange={(event) => setTitle(event.currentTarget.value)}
          error={fields.title}
        />
        <Group gap="sm" grow wrap="wrap">
          <TextInput
            label={_('circles.meetings.startsAt')}
            type="datetime-local"
            required
            value={startsAt}
            style={{ minWidth: '12rem' }}
            onChange={(event) => setStartsAt(event.currentTarget.value)}
            error={fields.startsAt}
          />
          <TextInput
            label={_('circles.meetings.duration')}
            type="number"
            inputMode="numeric"
            min={circleLimits.durationMin}
            max={circleLimits.durationMax}
            value={duration}
            style={{ minWidth: '8rem' }}
            onChange={(event) => setDuration(event.currentTarget.value)}
            error={fields.durationMinutes}
          />
        </Group>
        <TextInput
          label={_('circles.meetings.place')}
          value={place}
          maxLength={circleLimits.placeMax}
          onChange={(event) => setPlace(event.currentTarget.value)}
          error={fields.place}
        />
        <Group>
          <Button type="submit" variant="light" loading={schedule.isPending}>
            {_('circles.meetings.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function Reflections(props: { circle: Circle }) {
  const { _ } = useLingui();
  const { circle } = props;
  const reflect = useCircleActions(circle.id).reflect;
  const reflections = circle.reflections ?? [];
  if (circle.state !== 'closed' && reflections.length === 0) return null;
  return (
    <Card component="section" aria-labelledby="circle-reflections">
      <Stack gap="sm">
        <Title order={2} size="h3" id="circle-reflections">
          {_('circles.reflections.title')}
        </Title>
        {reflections.length === 0 ? (
          <Text c="dimmed">{_('circles.reflections.empty')}</Text>
        ) : (
          <Stack component="ul" gap="sm" className="plain-list">
            {reflections.map((entry) => (
              <li key={entry.author.id}>
                <Text size="sm" fw={600}>
                  {entry.author.displayName}
                </Text>
                <Text style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{entry.body}</Text>
              </li>
            ))}
          </Stack>
        )}
        {circle.abilities.reflect ? (
          <TextForm
            label={_('circles.reflections.label')}
            hint={_('circles.reflections.hint')}
            submit={_('circles.reflections.submit')}
            max={circleLimits.reflectionMax}
            send={(body) => reflect.mutateAsync({ body })}
            error={reflect.error}
            busy={reflect.isPending}
          />
        ) : null}
      </Stack>
    </Card>
  );
}
