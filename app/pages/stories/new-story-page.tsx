import { useLingui } from '@lingui/react';
import { Button, Card, Stack, Text, Title } from '@mantine/core';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { StoryLink } from '../../../common/contracts/stories.ts';
import { useRecordStory } from '../../api/stories.ts';
import { useResource } from '../../api/toolkit.ts';
import { EmptyState, LoadError, PageLoader } from '../../components/page-states.tsx';
import { useDocumentTitle } from '../../hooks/use-document-title.ts';
import { useCommunity } from '../communities/community-context.ts';
import { emptyStory, StoryForm, type StoryFormValues } from './story-form.tsx';

/**
 * /communities/:slug/stories/new: a member records a value story. From a resource's "Tell the story of
 * how you used it" (`?resource=…&use=…`) the resource is linked and "what you did differently" starts
 * from their "I used this" record.
 */
export function NewStoryPage() {
  const { _ } = useLingui();
  const { home, slug } = useCommunity();
  useDocumentTitle(_('stories.new.documentTitle', { community: home.community.name }));
  const [params] = useSearchParams();
  const resourceId = params.get('resource') ?? '';
  const back = `/communities/${slug}/stories`;
  const mayRecord =
    home.community.stage !== 'archived' &&
    !home.viewer.suspended &&
    (home.viewer.role !== null || home.viewer.canSendPing);
  if (!mayRecord) {
    return (
      <EmptyState
        title={_('stories.new.cannotTitle')}
        action={
          <Button component={Link} to={back} variant="light" mt="sm">
            {_('stories.new.back')}
          </Button>
        }
      >
        {_('stories.new.membersOnly')}
      </EmptyState>
    );
  }
  return resourceId ? (
    <FromResource slug={slug} resourceId={resourceId} useId={params.get('use') ?? undefined} />
  ) : (
    <NewStory slug={slug} initialValues={emptyStory} known={[]} />
  );
}

function FromResource(props: { slug: string; resourceId: string; useId: string | undefined }) {
  const { _ } = useLingui();
  const resource = useResource(props.resourceId);
  if (resource.isPending) return <PageLoader label={_('stories.new.loadingResource')} />;
  if (resource.isError) return <LoadError error={resource.error} onRetry={() => void resource.refetch()} />;
  const { data } = resource;
  const use = props.useId && data.viewerUse?.id === props.useId ? data.viewerUse : undefined;
  const known: StoryLink[] = [{ kind: 'resource', id: data.id, title: data.title, at: data.createdAt }];
  return (
    <NewStory
      slug={props.slug}
      initialValues={{ ...emptyStory, applied: use?.story ?? '', resourceIds: [data.id] }}
      known={known}
      resourceUseId={use?.id}
      resourceTitle={data.title}
    />
  );
}

function NewStory(props: {
  slug: string;
  initialValues: StoryFormValues;
  known: StoryLink[];
  resourceUseId?: string | undefined;
  resourceTitle?: string;
}) {
  const { _ } = useLingui();
  const navigate = useNavigate();
  const record = useRecordStory(props.slug);
  const back = `/communities/${props.slug}/stories`;
  return (
    <Card component="section" aria-labelledby="new-story-title">
      <Stack gap="md">
        <Title order={2} id="new-story-title">
          {_('stories.new.title')}
        </Title>
        <Text size="sm">{_('stories.new.intro')}</Text>
        {props.resourceTitle ? (
          <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
            {_('stories.new.fromResource', { title: props.resourceTitle })}
          </Text>
        ) : null}
        <StoryForm
          slug={props.slug}
          initialValues={props.initialValues}
          known={props.known}
          submitLabel={_('stories.new.submit')}
          onSubmit={async (body) => {
            const created = await record.mutateAsync({
              ...body,
              ...(props.resourceUseId ? { resourceUseId: props.resourceUseId } : {}),
            });
            await navigate(`/stories/${created.id}`, { state: { notice: _('stories.new.recorded') } });
          }}
          onDone={() => undefined}
          onCancel={() => void navigate(back)}
        />
      </Stack>
    </Card>
  );
}
