import { useLingui } from '@lingui/react';
import { Anchor, Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { type Story, valueCycles } from '../../../common/contracts/stories.ts';
import type { MessageId } from '../../../common/i18n/message-id.ts';
import { ApiError } from '../../api/client.ts';
import {
  useCurateStory,
  useDeleteStory,
  usePublishStory,
  useStory,
  useUpdateStory,
} from '../../api/stories.ts';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { FormAlert, StatusAlert } from '../../components/form-alert.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { EmptyState, LoadError, PageLoader } from '../../components/page-states.tsx';
import { useApiAction } from '../../hooks/use-api-action.ts';
import { dateOnly } from '../../lib/dates.ts';
import { noticeFrom } from '../../lib/route-notice.ts';
import { cycleMessages } from '../../lib/story-cycles.ts';
import { StoryForm } from './story-form.tsx';

const linkPaths = { meeting: '/meetings/', thread: '/discussions/', resource: '/resources/' } as const;
const linkKindMessages: Record<keyof typeof linkPaths, MessageId> = {
  meeting: 'stories.links.meeting',
  thread: 'stories.links.thread',
  resource: 'stories.links.resource',
};

/** /stories/:id: a value story in its five cycles, with its links; the author edits, leaders curate. */
export function StoryPage() {
  const { id = '' } = useParams();
  const story = useStory(id);
  const { _ } = useLingui();
  if (story.isPending) {
    return (
      <>
        <PageHeader title={_('stories.page.loadingTitle')} />
        <PageLoader label={_('stories.page.loading')} />
      </>
    );
  }
  if (story.isError) {
    const missing = story.error instanceof ApiError && [400, 404].includes(story.error.status);
    return (
      <>
        <PageHeader title={_('stories.page.loadingTitle')} />
        {missing ? (
          <EmptyState title={_('stories.page.notHere')}>{_('stories.page.gone')}</EmptyState>
        ) : (
          <LoadError error={story.error} onRetry={() => void story.refetch()} />
        )}
      </>
    );
  }
  return <StoryView story={story.data} />;
}

function StoryView(props: { story: Story }) {
  const { _ } = useLingui();
  const { story } = props;
  const location = useLocation();
  const navigate = useNavigate();
  const [notice, setNotice] = useState<string | null>(noticeFrom(location.state));
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const update = useUpdateStory(story.id);
  const remove = useDeleteStory(story.id);
  const curate = useCurateStory(story.id);
  const publish = usePublishStory(story.id);
  const action = useApiAction();
  const list = `/communities/${story.community.slug}/stories`;
  const curateWith = (body: { featured?: boolean; status?: 'published' | 'hidden' }, done: string) =>
    void action.run(async () => {
      await curate.mutateAsync(body);
      setNotice(done);
      return true;
    });
  return (
    <>
      <PageHeader
        title={story.title}
        documentTitle={`${story.title} · ${story.community.name}`}
        breadcrumbs={[
          { to: `/communities/${story.community.slug}`, label: story.community.name },
          { to: list, label: _('stories.tab.label') },
        ]}
      />
      <Stack gap="lg">
        <StatusAlert message={notice} />
        <FormAlert message={action.message} />
        <Group gap="xs">
          {story.featured ? (
            <Badge color="amber" variant="light" tt="none">
              {_('stories.badge.featured')}
            </Badge>
          ) : null}
          {story.status === 'hidden' ? (
            <Badge color="gray" variant="light" tt="none">
              {_('stories.badge.hidden')}
            </Badge>
          ) : null}
          {story.status === 'draft' ? (
            <Badge color="blue" variant="light" tt="none">
              {_('stories.badge.draft')}
            </Badge>
          ) : null}
          <Text size="sm" c="dimmed">
            {_('stories.page.byline', {
              name: story.author?.displayName ?? _('stories.page.formerMember'),
              date: dateOnly(story.createdAt),
            })}
          </Text>
        </Group>
        {story.status === 'draft' ? <Text size="sm">{_('stories.draft.hint')}</Text> : null}
        {story.abilities.curate || story.abilities.edit ? (
          <Group gap="sm" role="group" aria-label={_('stories.page.actions')}>
            {story.abilities.curate ? (
              <>
                <Button
                  variant="light"
                  loading={action.busy}
                  onClick={() =>
                    curateWith(
                      { featured: !story.featured },
                      story.featured ? _('stories.curate.unfeatured') : _('stories.curate.featured'),
                    )
                  }
                >
                  {story.featured ? _('stories.curate.unfeature') : _('stories.curate.feature')}
                </Button>
                <Button
                  variant="default"
                  loading={action.busy}
                  onClick={() =>
                    curateWith(
                      { status: story.status === 'hidden' ? 'published' : 'hidden' },
                      story.status === 'hidden' ? _('stories.curate.published') : _('stories.curate.hidden'),
                    )
                  }
                >
                  {story.status === 'hidden' ? _('stories.curate.publish') : _('stories.curate.hide')}
                </Button>
              </>
            ) : null}
            {story.abilities.publish ? (
              <Button
                loading={action.busy}
                onClick={() =>
                  void action.run(async () => {
                    await publish.mutateAsync();
                    setNotice(_('stories.draft.published'));
                    return true;
                  })
                }
              >
                {_('stories.draft.publish')}
              </Button>
            ) : null}
            {story.abilities.edit && !editing ? (
              <Button variant="default" onClick={() => setEditing(true)}>
                {_('stories.page.edit')}
              </Button>
            ) : null}
            {story.abilities.delete ? (
              <Button variant="subtle" color="red" onClick={() => setDeleting(true)}>
                {_('stories.page.delete')}
              </Button>
            ) : null}
          </Group>
        ) : null}
        {editing ? (
          <Card component="section" aria-label={_('stories.page.editTitle')}>
            <StoryForm
              slug={story.community.slug}
              initialValues={{
                title: story.title,
                immediate: story.immediate,
                potential: story.potential,
                applied: story.applied,
                realised: story.realised,
                transformative: story.transformative,
                meetingIds: story.links.filter((l) => l.kind === 'meeting').map((l) => l.id),
                threadIds: story.links.filter((l) => l.kind === 'thread').map((l) => l.id),
                resourceIds: story.links.filter((l) => l.kind === 'resource').map((l) => l.id),
              }}
              known={story.links}
              submitLabel={_('stories.page.save')}
              onSubmit={(body) => update.mutateAsync(body)}
              onDone={() => {
                setEditing(false);
                setNotice(_('stories.page.saved'));
              }}
              onCancel={() => setEditing(false)}
            />
          </Card>
        ) : (
          <StoryBody story={story} />
        )}
      </Stack>
      <ConfirmDialog
        opened={deleting}
        title={_('stories.delete.title')}
        message={_('stories.delete.message')}
        confirmLabel={_('stories.delete.confirm')}
        onConfirm={async () => {
          await remove.mutateAsync();
          await navigate(list, { state: { notice: _('stories.delete.done') } });
        }}
        onClose={() => setDeleting(false)}
      />
    </>
  );
}

function StoryBody(props: { story: Story }) {
  const { _ } = useLingui();
  const { story } = props;
  return (
    <>
      {valueCycles
        .filter((cycle) => story[cycle].length > 0)
        .map((cycle) => (
          <Card key={cycle} component="section" aria-labelledby={`cycle-${cycle}`}>
            <Title order={2} size="h4" id={`cycle-${cycle}`}>
              {_(cycleMessages[cycle].name)}
            </Title>
            <Text size="xs" c="dimmed" mb="xs">
              {_(cycleMessages[cycle].question)}
            </Text>
            <Text style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{story[cycle]}</Text>
          </Card>
        ))}
      <Card component="section" aria-labelledby="story-links-title">
        <Title order={2} size="h4" id="story-links-title" mb="xs">
          {_('stories.page.links')}
        </Title>
        {story.fromResourceUse ? (
          <Text size="sm" mb="xs">
            {_('stories.page.fromUse')}{' '}
            <Anchor component={Link} to={`/resources/${story.fromResourceUse.resourceId}`}>
              {story.fromResourceUse.resourceTitle}
            </Anchor>
          </Text>
        ) : null}
        {story.links.length === 0 ? (
          <Text size="sm" c="dimmed">
            {_('stories.page.noLinks')}
          </Text>
        ) : (
          <ul className="row-list">
            {story.links.map((link) => (
              <li key={`${link.kind}-${link.id}`}>
                <Text size="sm" py={4}>
                  {_(linkKindMessages[link.kind])}:{' '}
                  <Anchor
                    component={Link}
                    to={`${linkPaths[link.kind]}${link.id}`}
                    style={{ overflowWrap: 'anywhere' }}
                  >
                    {link.title}
                  </Anchor>
                </Text>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </>
  );
}
