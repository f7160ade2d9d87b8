import { useLingui } from '@lingui/react';
import { Badge, Button, Card, Group, NativeSelect, Stack, Text, Textarea, Title } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import type { Leadership, Succession } from '../../../common/contracts/succession.ts';
import { successionLimits } from '../../../common/contracts/succession.ts';
import { membershipRoleMessages } from '../../../common/enums.ts';
import type { OutgoingRole } from '../../../common/succession-enums.ts';
import { ApiError } from '../../api/client.ts';
import { useLeadership, useSuccessionActions } from '../../api/succession.ts';
import { FormAlert } from '../../components/form-alert.tsx';
import { EmptyState, LoadError, PageLoader } from '../../components/page-states.tsx';
import { failureMessage, focusFirstInvalid } from '../../hooks/form-errors.ts';
import { useDocumentTitle } from '../../hooks/use-document-title.ts';
import { dateOnly, dateTime } from '../../lib/dates.ts';
import { useCommunity } from '../communities/community-context.ts';
import { HandoverChecklist } from './handover-checklist.tsx';
import { decisionText, nominationStatusLabels, processLabels, statusLabels } from './succession-text.ts';
import { TermsCard } from './terms-card.tsx';

/**
 * /communities/:slug/leadership (#18 §1): the leaders' terms, how the charter says a new leader is
 * chosen, the succession under way with each step the viewer may take, and the past ones.
 */
export function LeadershipTab() {
  const { _ } = useLingui();
  const { home, slug } = useCommunity();
  useDocumentTitle(`${_('succession.tab.title')} · ${home.community.name}`);
  const leadership = useLeadership(slug);
  if (leadership.isPending) return <PageLoader label={_('succession.tab.title')} />;
  if (leadership.isError)
    return (
      <LoadError
        error={leadership.error}
        title={_('succession.errorLoading')}
        onRetry={() => void leadership.refetch()}
      />
    );
  const data = leadership.data;
  return (
    <Stack gap="md">
      <FocusAfterStep stateKey={`${data.current?.id ?? 'none'} ${data.current?.status ?? ''}`} />
      <Card component="section" aria-labelledby="leadership-title">
        <Stack gap="xs">
          <Title order={2} size="h3" id="leadership-title">
            {_('succession.tab.title')}
          </Title>
          <Text size="sm">{decisionText(_, data.decision)}</Text>
        </Stack>
      </Card>
      <TermsCard slug={slug} leadership={data} />
      {data.current ? (
        <CurrentSuccession slug={slug} succession={data.current} candidates={data.candidates} />
      ) : (
        <StartCard slug={slug} leadership={data} />
      )}
      <PastCard leadership={data} />
    </Stack>
  );
}

/**
 * A step (start, cancel, decide, hand over) swaps the succession card, and the button pressed goes with
 * it: focus then goes to the card's heading, not to the top of the page.
 */
function FocusAfterStep(props: { stateKey: string }) {
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    if (props.stateKey && (!document.activeElement || document.activeElement === document.body))
      document.getElementById('succession-title')?.focus();
  }, [props.stateKey]);
  return null;
}

function roleOptions(_: ReturnType<typeof useLingui>['_']) {
  return (['co_leader', 'member'] as const).map((role) => ({
    value: role,
    label: _(membershipRoleMessages[role]),
  }));
}

/** No succession under way: a leader starts one (naming a successor or not) or steps down at once. */
function StartCard(props: { slug: string; leadership: Leadership }) {
  const { _ } = useLingui();
  const { abilities, candidates } = props.leadership;
  const actions = useSuccessionActions(props.slug);
  const [role, setRole] = useState<OutgoingRole>('co_leader');
  const [successorId, setSuccessorId] = useState('');
  const failure = actions.start.error ?? actions.stepDown.error;
  const form = useRef<HTMLFormElement>(null);
  const refocus = { onError: () => focusFirstInvalid(form.current) };
  return (
    <Card component="section" aria-labelledby="succession-title">
      <Stack gap="sm">
        <Title order={2} size="h3" id="succession-title" tabIndex={-1}>
          {_('succession.current.title')}
        </Title>
        <EmptyState title={_('succession.current.none')}>{_('succession.current.noneHint')}</EmptyState>
        {abilities.start ? (
          <form
            noValidate
            ref={form}
            onSubmit={(event) => {
              event.preventDefault();
              actions.start.mutate({ outgoingRole: role, ...(successorId ? { successorId } : {}) }, refocus);
            }}
          >
            <Stack gap="xs" maw={520}>
              <FormAlert message={failure ? failureMessage(failure) : null} />
              <NativeSelect
                label={_('succession.start.role')}
                value={role}
                onChange={(event) => setRole(event.currentTarget.value as OutgoingRole)}
                data={roleOptions(_)}
              />
              <NativeSelect
                label={_('succession.start.successor')}
                description={_('succession.start.successorHint')}
                value={successorId}
                onChange={(event) => setSuccessorId(event.currentTarget.value)}
                data={[
                  { value: '', label: _('succession.start.openNominations') },
                  ...candidates.map((person) => ({ value: person.id, label: person.displayName })),
                ]}
              />
              <Group gap="sm" wrap="wrap">
                <Button type="submit" loading={actions.start.isPending}>
                  {_('succession.start.submit')}
                </Button>
                {abilities.stepDown ? (
                  <Button
                    variant="default"
                    loading={actions.stepDown.isPending}
                    onClick={() => actions.stepDown.mutate(role, refocus)}
                  >
                    {_('succession.start.stepDownNow')}
                  </Button>
                ) : null}
              </Group>
            </Stack>
          </form>
        ) : null}
      </Stack>
    </Card>
  );
}

/** The succession under way: its state, nominations and the viewer's possible steps. */
function CurrentSuccession(props: {
  slug: string;
  succession: Succession;
  candidates: { id: string; displayName: string }[];
}) {
  const { _ } = useLingui();
  const { succession } = props;
  const can = succession.viewer;
  const actions = useSuccessionActions(props.slug);
  const accepted = succession.nominations.filter((n) => n.status === 'accepted').map((n) => n.nominee);
  const failure =
    actions.answer.error ?? actions.cancel.error ?? actions.close.error ?? actions.decide.error ?? null;
  const card = useRef<HTMLDivElement>(null);
  const refocus = { onError: () => focusFirstInvalid(card.current) };
  return (
    <Card component="section" aria-labelledby="succession-title" ref={card}>
      <Stack gap="sm">
        <Group justify="space-between" gap="sm" wrap="wrap">
          <Title order={2} size="h3" id="succession-title" tabIndex={-1}>
            {_('succession.current.title')}
          </Title>
          <Badge variant="light" color={succession.status === 'decided' ? 'forest' : 'yellow'}>
            {_(statusLabels[succession.status])}
          </Badge>
        </Group>
        <Text size="sm">
          {_('succession.current.summary', {
            name: succession.outgoing?.displayName ?? _('succession.someone'),
            process: _(processLabels[succession.process]),
          })}
        </Text>
        {succession.status === 'deciding' && succession.closesAt ? (
          <Text size="sm">
            {succession.process === 'consent'
              ? _('succession.current.consentRunning', {
                  name: succession.candidate?.displayName ?? '',
                  until: dateTime(succession.closesAt),
                })
              : _('succession.current.voteRunning', {
                  until: dateTime(succession.closesAt),
                  count: succession.votesCast,
                })}
          </Text>
        ) : null}
        {succession.successor ? (
          <Text fw={600}>
            {_('succession.current.successor', { name: succession.successor.displayName })}
          </Text>
        ) : null}
        <FormAlert message={failure ? failureMessage(failure) : null} />
        <Nominations succession={succession} />
        {can.answer ? (
          <Group gap="sm" wrap="wrap">
            <Button loading={actions.answer.isPending} onClick={() => actions.answer.mutate(true, refocus)}>
              {_('succession.nominations.accept')}
            </Button>
            <Button variant="default" onClick={() => actions.answer.mutate(false, refocus)}>
              {_('succession.nominations.decline')}
            </Button>
          </Group>
        ) : null}
        {can.nominate ? (
          <NominateForm
            slug={props.slug}
            candidates={props.candidates.filter(
              (person) =>
                person.id !== succession.outgoing?.id &&
                !succession.nominations.some((n) => n.nominee.id === person.id),
            )}
          />
        ) : null}
        {can.decide ? <DecideForm slug={props.slug} succession={succession} accepted={accepted} /> : null}
        {can.object ? <ObjectForm slug={props.slug} /> : null}
        {can.vote ? <VoteForm slug={props.slug} accepted={accepted} /> : null}
        {succession.viewer.voted ? <Text size="sm">{_('succession.vote.done')}</Text> : null}
        {succession.objections.length > 0 ? <Objections succession={succession} /> : null}
        {succession.tally ? <Tally succession={succession} /> : null}
        <Group gap="sm" wrap="wrap">
          {can.close ? (
            <Button
              loading={actions.close.isPending}
              onClick={() => actions.close.mutate(undefined, refocus)}
            >
              {_('succession.close.submit')}
            </Button>
          ) : null}
          {can.cancel ? (
            <Button variant="default" color="red" onClick={() => actions.cancel.mutate(undefined, refocus)}>
              {_('succession.cancel.submit')}
            </Button>
          ) : null}
        </Group>
        {succession.handover ? <HandoverChecklist slug={props.slug} succession={succession} /> : null}
      </Stack>
    </Card>
  );
}

function Nominations(props: { succession: Succession }) {
  const { _ } = useLingui();
  const { nominations } = props.succession;
  return (
    <Stack gap={4}>
      <Title order={3} size="h4">
        {_('succession.nominations.title')}
      </Title>
      {nominations.length === 0 ? (
        <Text size="sm" c="dimmed">
          {_('succession.nominations.none')}
        </Text>
      ) : (
        <Stack gap={4} component="ul" className="plain-list" aria-label={_('succession.nominations.title')}>
          {nominations.map((nomination) => (
            <Group component="li" key={nomination.nominee.id} gap="xs" wrap="wrap">
              <Text>{nomination.nominee.displayName}</Text>
              <Badge variant="outline" color={nomination.status === 'accepted' ? 'forest' : 'gray'}>
                {_(nominationStatusLabels[nomination.status])}
              </Badge>
            </Group>
          ))}
        </Stack>
      )}
    </Stack>
  );
}

function NominateForm(props: { slug: string; candidates: { id: string; displayName: string }[] }) {
  const { _ } = useLingui();
  const nominate = useSuccessionActions(props.slug).nominate;
  const [userId, setUserId] = useState('');
  const form = useRef<HTMLFormElement>(null);
  const [missing, setMissing] = useState(false);
  return (
    <form
      noValidate
      ref={form}
      onSubmit={(event) => {
        event.preventDefault();
        // Nobody chosen: said on the field, which gets focus.
        setMissing(!userId);
        if (!userId) return focusFirstInvalid(form.current);
        nominate.mutate(userId, {
          onSuccess: () => setUserId(''),
          onError: () => focusFirstInvalid(form.current),
        });
      }}
    >
      <Stack gap="xs" maw={520}>
        <FormAlert message={nominate.isError ? failureMessage(nominate.error) : null} />
        <Group gap="sm" align="flex-end" wrap="wrap">
          <NativeSelect
            label={_('succession.nominate.person')}
            value={userId}
            error={
              missing
                ? _('succession.validation.nomineeMember')
                : nominate.error instanceof ApiError
                  ? nominate.error.fields.userId
                  : undefined
            }
            onChange={(event) => setUserId(event.currentTarget.value)}
            style={{ flex: '1 1 12rem' }}
            data={[
              { value: '', label: _('succession.nominate.none') },
              ...props.candidates.map((person) => ({ value: person.id, label: person.displayName })),
            ]}
          />
          <Button type="submit" variant="light" loading={nominate.isPending}>
            {_('succession.nominate.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Consent: propose a successor; vote: open the vote; leaders' decision: choose the successor. */
function DecideForm(props: {
  slug: string;
  succession: Succession;
  accepted: { id: string; displayName: string }[];
}) {
  const { _ } = useLingui();
  const decide = useSuccessionActions(props.slug).decide;
  const [successorId, setSuccessorId] = useState(props.accepted[0]?.id ?? '');
  const { process } = props.succession;
  if (process === 'vote')
    return (
      <Group>
        <Button loading={decide.isPending} onClick={() => decide.mutate(undefined)}>
          {_('succession.decide.openVote')}
        </Button>
      </Group>
    );
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        decide.mutate(successorId || undefined);
      }}
    >
      <Group gap="sm" align="flex-end" wrap="wrap" maw={520}>
        <NativeSelect
          label={_('succession.decide.nominee')}
          value={successorId}
          onChange={(event) => setSuccessorId(event.currentTarget.value)}
          style={{ flex: '1 1 12rem' }}
          data={props.accepted.map((person) => ({ value: person.id, label: person.displayName }))}
        />
        <Button type="submit" loading={decide.isPending}>
          {process === 'consent' ? _('succession.decide.propose') : _('succession.decide.choose')}
        </Button>
      </Group>
    </form>
  );
}

function ObjectForm(props: { slug: string }) {
  const { _ } = useLingui();
  const object = useSuccessionActions(props.slug).object;
  const [reason, setReason] = useState('');
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        object.mutate(reason, { onSuccess: () => setReason('') });
      }}
    >
      <Stack gap="xs" maw={520}>
        <FormAlert message={object.isError ? failureMessage(object.error) : null} />
        <Textarea
          label={_('succession.object.reason')}
          description={_('succession.object.hint')}
          value={reason}
          autosize
          minRows={2}
          maxLength={successionLimits.reasonMax}
          onChange={(event) => setReason(event.currentTarget.value)}
        />
        <Group>
          <Button type="submit" variant="default" loading={object.isPending}>
            {_('succession.object.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function VoteForm(props: { slug: string; accepted: { id: string; displayName: string }[] }) {
  const { _ } = useLingui();
  const vote = useSuccessionActions(props.slug).vote;
  const [nomineeId, setNomineeId] = useState(props.accepted[0]?.id ?? '');
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (nomineeId) vote.mutate(nomineeId);
      }}
    >
      <Stack gap="xs" maw={520}>
        <FormAlert message={vote.isError ? failureMessage(vote.error) : null} />
        <Group gap="sm" align="flex-end" wrap="wrap">
          <NativeSelect
            label={_('succession.vote.nominee')}
            description={_('succession.vote.secret')}
            value={nomineeId}
            onChange={(event) => setNomineeId(event.currentTarget.value)}
            style={{ flex: '1 1 12rem' }}
            data={props.accepted.map((person) => ({ value: person.id, label: person.displayName }))}
          />
          <Button type="submit" loading={vote.isPending}>
            {_('succession.vote.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function Objections(props: { succession: Succession }) {
  const { _ } = useLingui();
  return (
    <Stack gap={4}>
      <Title order={3} size="h4">
        {_('succession.objections.title')}
      </Title>
      <Stack gap={4} component="ul" className="plain-list" aria-label={_('succession.objections.title')}>
        {props.succession.objections.map((objection) => (
          <Text component="li" size="sm" key={objection.createdAt} style={{ overflowWrap: 'anywhere' }}>
            {_('succession.objections.item', {
              name: objection.by?.displayName ?? _('succession.someone'),
              reason: objection.reason,
            })}
          </Text>
        ))}
      </Stack>
    </Stack>
  );
}

function Tally(props: { succession: Succession }) {
  const { _ } = useLingui();
  return (
    <Stack gap={4}>
      <Title order={3} size="h4">
        {_('succession.tally.title')}
      </Title>
      <Stack gap={4} component="ul" className="plain-list" aria-label={_('succession.tally.title')}>
        {(props.succession.tally ?? []).map((row) => (
          <Text component="li" size="sm" key={row.nominee.id}>
            {_('succession.tally.item', { name: row.nominee.displayName, count: row.votes })}
          </Text>
        ))}
      </Stack>
    </Stack>
  );
}

function PastCard(props: { leadership: Leadership }) {
  const { _ } = useLingui();
  const { past } = props.leadership;
  if (past.length === 0) return null;
  return (
    <Card component="section" aria-labelledby="succession-past">
      <Stack gap="xs">
        <Title order={2} size="h3" id="succession-past">
          {_('succession.past.title')}
        </Title>
        <Stack gap={4} component="ul" className="plain-list" aria-label={_('succession.past.title')}>
          {past.map((row) => (
            <Text component="li" size="sm" key={row.id}>
              {row.status === 'handed_over'
                ? _('succession.past.handedOver', {
                    outgoing: row.outgoing?.displayName ?? _('succession.someone'),
                    successor: row.successor?.displayName ?? _('succession.someone'),
                    process: _(processLabels[row.process]),
                    date: dateOnly(row.handedOverAt ?? row.decidedAt ?? ''),
                  })
                : _('succession.past.cancelled', {
                    outgoing: row.outgoing?.displayName ?? _('succession.someone'),
                  })}
            </Text>
          ))}
        </Stack>
      </Stack>
    </Card>
  );
}
