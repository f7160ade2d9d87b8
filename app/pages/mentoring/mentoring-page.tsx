import { useLingui } from '@lingui/react';
import { Anchor, Badge, Button, Card, Group, List, Stack, Tabs, Text, Textarea, Title } from '@mantine/core';
import { useRef, useState } from 'react';
import { Link } from 'react-router';
import type { MyMentoring } from '../../../common/contracts/mentoring.ts';
import { useMentoring, useMentorSuggestions, useRequestMentor } from '../../api/mentoring.ts';
import { FormAlert } from '../../components/form-alert.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { EmptyState, LoadError, PageLoader } from '../../components/page-states.tsx';
import { failureMessage, focusFirstInvalid } from '../../hooks/form-errors.ts';
import { dateOnly } from '../../lib/dates.ts';
import { OfferForm, useSlotLabel } from './offer-form.tsx';
import { usePersonName } from './person-name.ts';

/** /mentoring: offer to mentor or ask for a mentor, explained suggestions, requests and pairings (#18 §2). */
export function MentoringPage() {
  const { _ } = useLingui();
  const mine = useMentoring();
  if (mine.isPending) return <PageLoader label={_('mentoring.loading')} />;
  if (mine.isError) return <LoadError error={mine.error} onRetry={() => void mine.refetch()} />;
  const data = mine.data;
  return (
    <Stack gap="lg" maw={820}>
      <PageHeader
        title={_('mentoring.title')}
        documentTitle={_('mentoring.title')}
        description={_('mentoring.intro')}
      />
      <Pairs pairs={data.pairs} />
      <Tabs defaultValue={data.mentee || !data.mentor ? 'mentee' : 'mentor'} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="mentee">{_('mentoring.tab.mentee')}</Tabs.Tab>
          <Tabs.Tab value="mentor">{_('mentoring.tab.mentor')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="mentee" pt="md">
          <Stack gap="lg">
            <Card>
              <OfferForm side="mentee" current={data.mentee} />
            </Card>
            {data.mentee ? <Suggestions /> : null}
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="mentor" pt="md">
          <Card>
            {data.mentor ? (
              <Text size="sm" mb="sm">
                {_('mentoring.offer.mentees', { count: data.mentor.activeCount, cap: data.mentor.cap ?? 0 })}
              </Text>
            ) : null}
            <OfferForm side="mentor" current={data.mentor} />
          </Card>
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

function Suggestions() {
  const { _ } = useLingui();
  const suggestions = useMentorSuggestions(true);
  const slotLabel = useSlotLabel();
  return (
    <section aria-labelledby="suggestions-title">
      <Stack gap="sm">
        <Title order={2} size="h3" id="suggestions-title">
          {_('mentoring.suggestions.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {_('mentoring.suggestions.how')}
        </Text>
        {suggestions.isPending ? <PageLoader label={_('mentoring.suggestions.loading')} /> : null}
        {suggestions.isError ? (
          <LoadError error={suggestions.error} onRetry={() => void suggestions.refetch()} />
        ) : null}
        {suggestions.data?.length === 0 ? (
          <EmptyState title={_('mentoring.suggestions.none')}>
            {_('mentoring.suggestions.noneHelp')}
          </EmptyState>
        ) : null}
        {suggestions.data?.map((suggestion) => (
          <Card key={suggestion.mentor.id} component="article" aria-label={suggestion.mentor.displayName}>
            <Stack gap="xs">
              <Group justify="space-between" wrap="wrap">
                <Title order={3} size="h4">
                  {suggestion.mentor.displayName}
                </Title>
                {suggestion.mentor.unit ? <Badge variant="light">{suggestion.mentor.unit}</Badge> : null}
              </Group>
              <Text>
                {_('mentoring.suggestions.why', {
                  count: suggestion.sharedSkills.length,
                  skills: suggestion.sharedSkills.join(', '),
                })}
                {suggestion.otherUnit ? ` ${_('mentoring.suggestions.otherUnit')}` : ''}
              </Text>
              <Text size="sm" c="dimmed">
                {_('mentoring.suggestions.places', { count: suggestion.openPlaces })}
              </Text>
              {suggestion.availability || suggestion.weekly.length > 0 ? (
                <Text size="sm">
                  {_('mentoring.suggestions.availability', {
                    text: [suggestion.availability, suggestion.weekly.map(slotLabel).join(', ')]
                      .filter(Boolean)
                      .join(' · '),
                  })}
                </Text>
              ) : null}
              {suggestion.pending ? (
                <Text size="sm" fw={600}>
                  {_('mentoring.suggestions.pending')}
                </Text>
              ) : (
                <AskForm mentorId={suggestion.mentor.id} name={suggestion.mentor.displayName} />
              )}
            </Stack>
          </Card>
        ))}
      </Stack>
    </section>
  );
}

function AskForm(props: { mentorId: string; name: string }) {
  const { _ } = useLingui();
  const ask = useRequestMentor();
  const [message, setMessage] = useState('');
  const form = useRef<HTMLFormElement>(null);
  return (
    <form
      noValidate
      ref={form}
      onSubmit={(event) => {
        event.preventDefault();
        ask.mutate({ mentorId: props.mentorId, message }, { onError: () => focusFirstInvalid(form.current) });
      }}
    >
      <Stack gap="xs">
        <FormAlert message={ask.isError ? failureMessage(ask.error) : null} />
        <Textarea
          label={_('mentoring.ask.message', { name: props.name })}
          value={message}
          onChange={(event) => setMessage(event.currentTarget.value)}
          autosize
          minRows={2}
        />
        <Group>
          <Button type="submit" loading={ask.isPending}>
            {_('mentoring.ask.send', { name: props.name })}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function Pairs(props: { pairs: MyMentoring['pairs'] }) {
  const { _ } = useLingui();
  const nameOf = usePersonName();
  const statusLabel = {
    requested: _('mentoring.status.requested'),
    active: _('mentoring.status.active'),
    declined: _('mentoring.status.declined'),
    closed: _('mentoring.status.closed'),
  };
  return (
    <section aria-labelledby="pairs-title">
      <Stack gap="sm">
        <Title order={2} size="h3" id="pairs-title">
          {_('mentoring.pairs.title')}
        </Title>
        {props.pairs.length === 0 ? (
          <Text c="dimmed">{_('mentoring.pairs.none')}</Text>
        ) : (
          <List spacing="xs">
            {props.pairs.map((pair) => {
              const other = pair.myRole === 'mentor' ? pair.mentee : pair.mentor;
              const text =
                pair.myRole === 'mentor'
                  ? _('mentoring.pairs.asMentor', { name: nameOf(other) })
                  : _('mentoring.pairs.asMentee', { name: nameOf(other) });
              return (
                <List.Item key={pair.id}>
                  <Anchor component={Link} to={`/mentoring/pairs/${pair.id}`}>
                    {text}
                  </Anchor>{' '}
                  <Badge variant="light" color={pair.status === 'active' ? 'forest' : 'gray'}>
                    {statusLabel[pair.status]}
                  </Badge>{' '}
                  <Text span size="sm" c="dimmed">
                    {dateOnly(pair.requestedAt)}
                  </Text>
                </List.Item>
              );
            })}
          </List>
        )}
      </Stack>
    </section>
  );
}
