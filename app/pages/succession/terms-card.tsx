import { useLingui } from '@lingui/react';
import { Button, Card, Group, NativeSelect, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import type { Leadership } from '../../../common/contracts/succession.ts';
import { membershipRoleMessages } from '../../../common/enums.ts';
import { ApiError } from '../../api/client.ts';
import { useSuccessionActions } from '../../api/succession.ts';
import { FormAlert, StatusAlert } from '../../components/form-alert.tsx';
import { failureMessage } from '../../hooks/form-errors.ts';
import { dateOnly } from '../../lib/dates.ts';

const shownDay = (day: string) => dateOnly(`${day}T12:00:00`);

/** The leaders and co-leaders with their terms; those who lead set or renew a term. */
export function TermsCard(props: { slug: string; leadership: Leadership }) {
  const { _ } = useLingui();
  const { terms, abilities } = props.leadership;
  return (
    <Card component="section" aria-labelledby="terms-title">
      <Stack gap="sm">
        <Title order={2} size="h3" id="terms-title">
          {_('succession.terms.title')}
        </Title>
        <Stack gap={4} component="ul" className="plain-list" aria-label={_('succession.terms.title')}>
          {terms.map((term) => (
            <Text component="li" key={term.person.id} size="sm" style={{ overflowWrap: 'anywhere' }}>
              <Text span fw={600}>
                {term.person.displayName}
              </Text>
              {` · ${_(membershipRoleMessages[term.role])} · `}
              {term.endsOn && term.startsOn
                ? term.endsInDays !== null && term.endsInDays < 0
                  ? _('succession.terms.ended', { end: shownDay(term.endsOn) })
                  : _('succession.terms.until', {
                      start: shownDay(term.startsOn),
                      end: shownDay(term.endsOn),
                      days: term.endsInDays ?? 0,
                    })
                : term.startsOn
                  ? _('succession.terms.openEnded', { start: shownDay(term.startsOn) })
                  : _('succession.terms.none')}
            </Text>
          ))}
        </Stack>
        {abilities.setTerms && terms.length > 0 ? (
          <TermForm slug={props.slug} leadership={props.leadership} />
        ) : null}
      </Stack>
    </Card>
  );
}

function TermForm(props: { slug: string; leadership: Leadership }) {
  const { _ } = useLingui();
  const setTerm = useSuccessionActions(props.slug).setTerm;
  const { terms } = props.leadership;
  const [userId, setUserId] = useState(terms[0]?.person.id ?? '');
  const [startsOn, setStartsOn] = useState(new Date().toISOString().slice(0, 10));
  const [endsOn, setEndsOn] = useState('');
  const fields = setTerm.error instanceof ApiError ? setTerm.error.fields : {};
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        setTerm.mutate({ userId, startsOn, endsOn: endsOn === '' ? null : endsOn });
      }}
    >
      <Stack gap="xs" maw={520}>
        <Title order={3} size="h4">
          {_('succession.terms.set')}
        </Title>
        <FormAlert message={setTerm.isError ? failureMessage(setTerm.error) : null} />
        <StatusAlert message={setTerm.isSuccess ? _('succession.terms.saved') : null} />
        <NativeSelect
          label={_('succession.terms.leader')}
          value={userId}
          onChange={(event) => setUserId(event.currentTarget.value)}
          data={terms.map((term) => ({ value: term.person.id, label: term.person.displayName }))}
        />
        <Group gap="sm" wrap="wrap">
          <TextInput
            type="date"
            label={_('succession.terms.startsOn')}
            value={startsOn}
            onChange={(event) => setStartsOn(event.currentTarget.value)}
            error={fields.startsOn}
          />
          <TextInput
            type="date"
            label={_('succession.terms.endsOn')}
            description={_('succession.terms.endsOnHint')}
            value={endsOn}
            onChange={(event) => setEndsOn(event.currentTarget.value)}
            error={fields.endsOn}
          />
        </Group>
        <Group>
          <Button type="submit" variant="light" loading={setTerm.isPending}>
            {_('succession.terms.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
