import { useLingui } from '@lingui/react';
import { Anchor, Badge, Button, Card, Group, NativeSelect, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { type Circle, circleLimits } from '../../../common/contracts/circles.ts';
import { useCircle, useCircleActions } from '../../api/circles.ts';
import { ApiError } from '../../api/client.ts';
import { useCommunityMembers } from '../../api/communities.ts';
import { FormAlert, StatusAlert } from '../../components/form-alert.tsx';
import { LoadError, PageLoader } from '../../components/page-states.tsx';
import { failureMessage } from '../../hooks/form-errors.ts';
import { useDocumentTitle } from '../../hooks/use-document-title.ts';
import { CircleSpace } from './circle-space.tsx';
import { circleStateLabels, timeBoxText } from './circle-text.ts';

/**
 * /circles/:id: a peer learning circle. Everyone who may know of it sees its purpose, time box and
 * members, and joins, leaves, accepts or declines from here; its members also see and add to its
 * discussion, meetings and closing reflections.
 */
export function CirclePage() {
  const { _ } = useLingui();
  const id = useParams().id ?? '';
  const circle = useCircle(id);
  useDocumentTitle(circle.data?.name ?? _('circles.tab.title'));
  if (circle.isPending) return <PageLoader label={_('circles.tab.title')} />;
  if (circle.isError) {
    // A circle that is gone or private says so; only other failures offer to try again.
    const missing = circle.error instanceof ApiError && circle.error.status === 404;
    return (
      <LoadError
        error={circle.error}
        title={_('circles.errorLoading')}
        {...(missing ? {} : { onRetry: () => void circle.refetch() })}
      />
    );
  }
  return <CircleView circle={circle.data} />;
}

function CircleView(props: { circle: Circle }) {
  const { _ } = useLingui();
  const { circle } = props;
  return (
    <Stack gap="lg">
      <Stack gap="xs">
        <Anchor component={Link} to={`/communities/${circle.community.slug}/circles`} size="sm">
          {_('circles.page.back', { community: circle.community.name })}
        </Anchor>
        <Group gap="sm" wrap="wrap">
          <Title order={1} tabIndex={-1} data-page-title style={{ overflowWrap: 'anywhere' }}>
            {circle.name}
          </Title>
          <Badge variant="light" color={circle.state === 'active' ? 'forest' : 'gray'}>
            {_(circleStateLabels[circle.state])}
          </Badge>
        </Group>
      </Stack>
      <Card component="section" aria-labelledby="circle-about">
        <Stack gap="sm">
          <Title order={2} size="h3" id="circle-about">
            {_('circles.page.purpose')}
          </Title>
          <Text style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }}>{circle.purpose}</Text>
          <Text size="sm">
            <strong>{_('circles.page.timeBox')}:</strong> {timeBoxText(_, circle)}
          </Text>
          <Text size="sm" c="dimmed">
            {_('circles.page.private')}
          </Text>
        </Stack>
      </Card>
      <Members circle={circle} />
      {circle.posts ? <CircleSpace circle={circle} /> : null}
    </Stack>
  );
}

function Members(props: { circle: Circle }) {
  const { _ } = useLingui();
  const { circle } = props;
  const actions = useCircleActions(circle.id);
  const can = circle.abilities;
  const invited = circle.viewerStatus === 'invited';
  const pending = [actions.join, actions.leave, actions.start, actions.close].find((m) => m.isError);
  return (
    <Card component="section" aria-labelledby="circle-members">
      <Stack gap="sm">
        <Title order={2} size="h3" id="circle-members">
          {_('circles.page.members')} ({_('circles.list.members', { count: circle.memberCount })})
        </Title>
        <Stack component="ul" gap={4} className="plain-list">
          {circle.members.map((member) => (
            <li key={member.id}>
              <Anchor component={Link} to={`/people/${member.id}`}>
                {member.displayName}
              </Anchor>
              {member.status === 'invited' ? (
                <Text span size="sm" c="dimmed">
                  {' '}
                  ({_('circles.page.invitedTag')})
                </Text>
              ) : null}
            </li>
          ))}
        </Stack>
        <FormAlert message={pending ? failureMessage(pending.error) : null} />
        <Group gap="sm" wrap="wrap">
          {can.join ? (
            <Button onClick={() => actions.join.mutate()} loading={actions.join.isPending}>
              {invited ? _('circles.page.accept') : _('circles.page.join')}
            </Button>
          ) : null}
          {can.start ? (
            <Button onClick={() => actions.start.mutate()} loading={actions.start.isPending}>
              {_('circles.page.start')}
            </Button>
          ) : null}
          {can.close ? (
            <Button
              variant="default"
              onClick={() => actions.close.mutate()}
              loading={actions.close.isPending}
            >
              {_('circles.page.close')}
            </Button>
          ) : null}
          {can.leave ? (
            <Button
              variant="default"
              onClick={() => actions.leave.mutate()}
              loading={actions.leave.isPending}
            >
              {invited ? _('circles.page.decline') : _('circles.page.leave')}
            </Button>
          ) : null}
        </Group>
        {circle.state === 'forming' && circle.viewerStatus === 'member' && !can.start ? (
          <Text size="sm" c="dimmed">
            {_('circles.page.startHint')}
          </Text>
        ) : null}
        {can.invite && circle.members.length < circleLimits.membersMax ? (
          <InviteForm circle={circle} />
        ) : null}
        {can.invite && circle.members.length >= circleLimits.membersMax ? (
          <Text size="sm" c="dimmed">
            {_('circles.errors.full')}
          </Text>
        ) : null}
      </Stack>
    </Card>
  );
}

/** A circle's member invites a member of the community (the first page of its member list). */
function InviteForm(props: { circle: Circle }) {
  const { _ } = useLingui();
  const { circle } = props;
  const invite = useCircleActions(circle.id).invite;
  const members = useCommunityMembers(circle.community.slug, { q: '', role: '' });
  const inCircle = new Set(circle.members.map((m) => m.id));
  const people = (members.data?.pages.flatMap((page) => page.data) ?? []).filter((m) => !inCircle.has(m.id));
  const [userId, setUserId] = useState('');
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (userId) invite.mutate(userId, { onSuccess: () => setUserId('') });
      }}
    >
      <Stack gap="xs" maw={480}>
        <FormAlert message={invite.isError ? failureMessage(invite.error) : null} />
        <StatusAlert message={invite.isSuccess ? _('circles.page.invited') : null} />
        <Group gap="sm" align="flex-end" wrap="wrap">
          <NativeSelect
            label={_('circles.page.invitePerson')}
            value={userId}
            onChange={(event) => setUserId(event.currentTarget.value)}
            style={{ flex: '1 1 12rem' }}
            data={[
              { value: '', label: _('circles.page.inviteNone') },
              ...people.map((person) => ({ value: person.id, label: person.displayName })),
            ]}
          />
          <Button type="submit" variant="light" loading={invite.isPending}>
            {_('circles.page.inviteSubmit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
