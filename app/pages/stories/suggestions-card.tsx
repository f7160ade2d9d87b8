import { useLingui } from '@lingui/react';
import { Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useRef, useState } from 'react';
import { Link } from 'react-router';
import type { Suggestion } from '../../../common/contracts/stories.ts';
import { type CommunityStage, communityStageMessages } from '../../../common/enums.ts';
import type { MessageId } from '../../../common/i18n/message-id.ts';
import { useDismissSuggestion, useSuggestions } from '../../api/stories.ts';
import type { CommunityHome } from '../../api/types.ts';
import { deferred } from '../../components/deferred.tsx';
import { FormAlert, StatusAlert } from '../../components/form-alert.tsx';
import { LoadError, PageLoader } from '../../components/page-states.tsx';
import { useApiAction } from '../../hooks/use-api-action.ts';
import { dateOnly } from '../../lib/dates.ts';

const ChangeStageDialog = deferred(
  async () => (await import('../communities/change-stage-dialog.tsx')).ChangeStageDialog,
);

const stepMessages: Record<Suggestion['kind'], MessageId> = {
  participation_down: 'suggestions.participation.step',
  question_unanswered: 'suggestions.question.step',
  no_meeting: 'suggestions.noMeeting.step',
  action_overdue: 'suggestions.overdue.step',
  checkin_due: 'suggestions.checkin.step',
  stage: 'suggestions.stage.step',
  term_ending: 'suggestions.termEnding.step',
};

/** A suggestion's title and what moved, in the language shown. */
function useWords(suggestion: Suggestion): { title: string; body: string } {
  const { _ } = useLingui();
  const v = suggestion.values;
  const text = (key: string) => String(v[key] ?? '');
  switch (suggestion.kind) {
    case 'participation_down':
      return {
        title: _('suggestions.participation.title'),
        body: _('suggestions.participation.body', { now: Number(v.now ?? 0), before: Number(v.before ?? 0) }),
      };
    case 'question_unanswered':
      return {
        title: _('suggestions.question.title'),
        body: _('suggestions.question.body', { title: text('title'), date: dateOnly(text('asked')) }),
      };
    case 'no_meeting':
      return {
        title: _('suggestions.noMeeting.title'),
        body: text('last')
          ? _('suggestions.noMeeting.body', { date: dateOnly(text('last')) })
          : _('suggestions.noMeeting.never'),
      };
    case 'action_overdue':
      return {
        title: _('suggestions.overdue.title'),
        body: _('suggestions.overdue.body', { title: text('title'), date: dateOnly(text('due')) }),
      };
    case 'checkin_due':
      return text('title')
        ? {
            title: _('suggestions.checkin.roundTitle'),
            body: _('suggestions.checkin.roundBody', { title: text('title'), date: dateOnly(text('opens')) }),
          }
        : { title: _('suggestions.checkin.termTitle'), body: _('suggestions.checkin.termBody') };
    case 'term_ending':
      return {
        title: _('suggestions.termEnding.title', { name: text('name') }),
        body: _('suggestions.termEnding.body', { date: dateOnly(`${text('endsOn')}T12:00:00`) }),
      };
    case 'stage':
      return {
        title: _('suggestions.stage.title', {
          stage: _(communityStageMessages[text('stage') as CommunityStage]),
        }),
        body: _('suggestions.stage.body', {
          stage: _(communityStageMessages[text('stage') as CommunityStage]),
          current: _(communityStageMessages[text('current') as CommunityStage]),
        }),
      };
  }
}

function SuggestionItem(props: {
  home: CommunityHome;
  suggestion: Suggestion;
  onDismiss: () => void;
  onStage: (stage: CommunityStage) => void;
  busy: boolean;
}) {
  const { _ } = useLingui();
  const { suggestion } = props;
  const words = useWords(suggestion);
  const id = `suggestion-${suggestion.kind}-${suggestion.subject}`.replace(/[^\w-]/g, '-');
  return (
    <Stack gap={6} py="xs" component="article" aria-labelledby={id}>
      <Text fw={700} id={id} style={{ overflowWrap: 'anywhere' }}>
        {words.title}
      </Text>
      <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
        {words.body}
      </Text>
      <Group gap="xs" wrap="wrap">
        {suggestion.proposedStage ? (
          props.home.viewer.canChangeStage ? (
            <Button size="compact-sm" onClick={() => props.onStage(suggestion.proposedStage ?? 'maturing')}>
              {_(stepMessages.stage)}
            </Button>
          ) : null
        ) : (
          <Button size="compact-sm" component={Link} to={suggestion.link}>
            {_(stepMessages[suggestion.kind])}
          </Button>
        )}
        <Button
          size="compact-sm"
          variant="default"
          loading={props.busy}
          onClick={props.onDismiss}
          aria-label={_('suggestions.dismissLabel', { title: words.title })}
        >
          {_('suggestions.dismiss')}
        </Button>
      </Group>
    </Stack>
  );
}

/**
 * The leaders' suggestions when signals move (#17 §3), self-contained (it loads its own): each with its
 * next step and Dismiss; a proposed stage opens the stage dialog with it chosen. Shows nothing to those
 * who are not the community's leaders or coordinators.
 */
export function SuggestionsCard(props: { home: CommunityHome }) {
  if (!props.home.viewer.canManage && !props.home.viewer.canSendPing) return null;
  return <Suggestions home={props.home} />;
}

function Suggestions(props: { home: CommunityHome }) {
  const { _ } = useLingui();
  const { slug } = props.home.community;
  const suggestions = useSuggestions(slug);
  const dismiss = useDismissSuggestion(slug);
  const action = useApiAction();
  const [notice, setNotice] = useState<string | null>(null);
  const [stage, setStage] = useState<CommunityStage | null>(null);
  const [busyKey, setBusyKey] = useState<string | null>(null);
  // A dismissed suggestion's button is gone: focus goes to the card's heading, not to the page's top.
  const heading = useRef<HTMLHeadingElement>(null);
  return (
    <Card component="section" aria-labelledby="suggestions-title">
      <Stack gap="xs">
        <Title order={2} size="h3" id="suggestions-title" ref={heading} tabIndex={-1}>
          {_('suggestions.title')}
        </Title>
        <Text size="xs" c="dimmed">
          {_('suggestions.intro')}
        </Text>
        <StatusAlert message={notice} />
        <FormAlert message={action.message} />
        {suggestions.isPending ? (
          <PageLoader label={_('suggestions.loading')} />
        ) : suggestions.isError ? (
          <LoadError error={suggestions.error} onRetry={() => void suggestions.refetch()} />
        ) : suggestions.data.suggestions.length === 0 ? (
          <Text size="sm" c="dimmed">
            {_('suggestions.empty')}
          </Text>
        ) : (
          <ul className="row-list">
            {suggestions.data.suggestions.map((suggestion) => {
              const key = `${suggestion.kind}|${suggestion.subject}`;
              return (
                <li key={key}>
                  <SuggestionItem
                    home={props.home}
                    suggestion={suggestion}
                    busy={busyKey === key}
                    onStage={setStage}
                    onDismiss={() => {
                      setBusyKey(key);
                      void action
                        .run(async () => {
                          await dismiss.mutateAsync({ kind: suggestion.kind, subject: suggestion.subject });
                          setNotice(_('suggestions.dismissed'));
                          heading.current?.focus();
                          return true;
                        })
                        .finally(() => setBusyKey(null));
                    }}
                  />
                </li>
              );
            })}
          </ul>
        )}
        {suggestions.data ? (
          <Text size="xs" c="dimmed">
            {_('suggestions.how', {
              now: suggestions.data.signals.activeNow,
              before: suggestions.data.signals.activeBefore,
            })}
          </Text>
        ) : null}
      </Stack>
      {stage ? (
        <ChangeStageDialog
          home={props.home}
          opened
          initialStage={stage}
          onClose={() => setStage(null)}
          onChanged={() => {
            setStage(null);
            setNotice(_('suggestions.stage.changed'));
            void suggestions.refetch();
          }}
        />
      ) : null}
    </Card>
  );
}
