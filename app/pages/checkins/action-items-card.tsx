import { useLingui } from '@lingui/react';
import { Anchor, Badge, Button, Card, Group, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import type { ActionItem } from '../../../common/contracts/surveys.ts';
import { useActionItems, useUpdateActionItem } from '../../api/surveys.ts';
import { FormAlert } from '../../components/form-alert.tsx';
import { LoadError, PageLoader } from '../../components/page-states.tsx';
import { failureMessage } from '../../hooks/form-errors.ts';
import { dateOnly } from '../../lib/dates.ts';
import { useCommunity } from '../communities/community-context.ts';
import { ActionItemForm } from './action-item-form.tsx';

const rowBorder = { borderTop: '1px solid var(--mantine-color-gray-3)' };

/**
 * On the community's About tab (loaded after the page): the action items not done yet, and "You said,
 * we did", what was done with the members' feedback. Leaders move items on and record new ones.
 */
export function ActionItemsCard(props: { slug: string }) {
  const { home } = useCommunity();
  if (home.viewer.role === null && !home.viewer.canSendPing) return null;
  return <ActionItems slug={props.slug} />;
}

function ActionItems(props: { slug: string }) {
  const { _ } = useLingui();
  const open = useActionItems(props.slug, 'open');
  const done = useActionItems(props.slug, 'done');
  const [adding, setAdding] = useState(false);
  const canManage = open.data?.canManage === true;
  return (
    <>
      <Card component="section" aria-labelledby="action-items-title">
        <Title order={2} size="h3" mb="sm" id="action-items-title">
          {_('checkins.actions.title')}
        </Title>
        {open.isPending ? (
          <PageLoader label={_('checkins.actions.loading')} />
        ) : open.isError ? (
          <LoadError error={open.error} onRetry={() => void open.refetch()} />
        ) : open.data.items.length === 0 ? (
          <Text size="sm" c="dimmed">
            {_('checkins.actions.empty')}
          </Text>
        ) : (
          <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
            {open.data.items.map((item, index) => (
              <li key={item.id} style={index === 0 ? undefined : rowBorder}>
                <OpenItem slug={props.slug} item={item} canManage={canManage} />
              </li>
            ))}
          </ul>
        )}
        {canManage ? (
          adding ? (
            <Stack mt="md">
              <ActionItemForm slug={props.slug} />
            </Stack>
          ) : (
            <Group mt="md">
              <Button variant="light" onClick={() => setAdding(true)}>
                {_('checkins.actions.add')}
              </Button>
            </Group>
          )
        ) : null}
      </Card>
      {done.data && done.data.items.length > 0 ? (
        <Card component="section" aria-labelledby="you-said-title">
          <Title order={2} size="h3" mb="sm" id="you-said-title">
            {_('checkins.actions.youSaid')}
          </Title>
          <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
            {done.data.items.map((item, index) => (
              <li key={item.id} style={index === 0 ? undefined : rowBorder}>
                <Stack gap={2} py="xs">
                  <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
                    {item.title}
                  </Text>
                  {item.note ? (
                    <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                      {item.note}
                    </Text>
                  ) : null}
                  <Text size="xs" c="dimmed">
                    {item.doneAt ? _('checkins.actions.doneOn', { date: dateOnly(item.doneAt) }) : null}
                  </Text>
                </Stack>
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
    </>
  );
}

function OpenItem(props: { slug: string; item: ActionItem; canManage: boolean }) {
  const { _ } = useLingui();
  const { item } = props;
  const update = useUpdateActionItem(props.slug);
  const [finishing, setFinishing] = useState(false);
  const [note, setNote] = useState(item.note);
  return (
    <Stack gap={4} py="xs">
      <Group gap="xs" wrap="wrap">
        <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
          {item.title}
        </Text>
        <Badge variant="light" color={item.status === 'in_progress' ? 'blue' : 'yellow'}>
          {item.status === 'in_progress' ? _('checkins.actions.inProgress') : _('checkins.actions.open')}
        </Badge>
      </Group>
      <Text size="sm" c="dimmed">
        {[
          item.owner ? _('checkins.actions.ownedBy', { name: item.owner.displayName }) : null,
          item.dueOn ? _('checkins.actions.dueOn', { date: dateOnly(item.dueOn) }) : null,
        ]
          .filter(Boolean)
          .join(' · ')}
      </Text>
      {item.survey ? (
        <Anchor component={Link} to={`/checkins/${item.survey.id}`} size="sm">
          {_('checkins.actions.from', { title: item.survey.title })}
        </Anchor>
      ) : null}
      {props.canManage ? (
        <Stack gap="xs" mt={4}>
          <FormAlert message={update.isError ? failureMessage(update.error) : null} />
          {finishing ? (
            <form
              noValidate
              onSubmit={(event) => {
                event.preventDefault();
                update.mutate({ id: item.id, body: { status: 'done', note } });
              }}
            >
              <Stack gap="xs">
                <Textarea
                  label={_('checkins.actions.whatWeDid', { title: item.title })}
                  value={note}
                  autosize
                  minRows={2}
                  onChange={(event) => setNote(event.currentTarget.value)}
                />
                <Group>
                  <Button type="submit" size="xs" loading={update.isPending}>
                    {_('checkins.actions.markDone')}
                  </Button>
                </Group>
              </Stack>
            </form>
          ) : (
            <Group gap="xs">
              {item.status === 'open' ? (
                <Button
                  size="xs"
                  variant="default"
                  onClick={() => update.mutate({ id: item.id, body: { status: 'in_progress' } })}
                >
                  {_('checkins.actions.start', { title: item.title })}
                </Button>
              ) : null}
              <Button size="xs" variant="light" onClick={() => setFinishing(true)}>
                {_('checkins.actions.finish', { title: item.title })}
              </Button>
            </Group>
          )}
        </Stack>
      ) : null}
    </Stack>
  );
}
