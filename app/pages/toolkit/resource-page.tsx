import { Trans, useLingui } from '@lingui/react';
import {
  Anchor,
  AspectRatio,
  Badge,
  Box,
  Button,
  Card,
  Group,
  Image,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { resourceKindMessages } from '../../../common/enums.ts';
import { errorMessage } from '../../api/client.ts';
import {
  fileSize,
  type Resource,
  useDeleteResourceMutation,
  useFeatureResourceMutation,
  useRefreshResource,
  useResource,
  useToolkit,
} from '../../api/toolkit.ts';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { FormAlert } from '../../components/form-alert.tsx';
import { KudosCard } from '../../components/kudos.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { CommunityItemPageState } from '../../components/page-states.tsx';
import { Prose } from '../../components/prose.tsx';
import { dateTime, relativeTime } from '../../lib/dates.ts';
import { ResourceCounts } from './resource-card.tsx';
import { ResourceDiscussion } from './resource-discussion.tsx';
import { ResourceFormDialog } from './resource-form.tsx';
import { ResourceUses } from './resource-uses.tsx';

/** The link, video, image or file the resource carries. */
function ResourceContent(props: { resource: Resource }) {
  const { _ } = useLingui();
  const { resource } = props;
  const refreshResource = useRefreshResource(resource.id);
  const { embed, file } = resource;
  const linkLabel =
    resource.kind === 'tool'
      ? _('toolkit.resource.openTool')
      : resource.kind === 'video'
        ? _('toolkit.resource.watchVideo')
        : file === null && resource.kind !== 'link' && resource.kind !== 'article'
          ? _('toolkit.resource.openDocument')
          : _('toolkit.resource.openLink');
  return (
    <Stack gap="sm">
      {embed ? (
        <AspectRatio ratio={16 / 9} maw={720}>
          <iframe
            src={embed.embedUrl}
            title={_('toolkit.resource.videoTitle', { title: embed.title || resource.title })}
            sandbox="allow-scripts allow-same-origin allow-presentation"
            allow="fullscreen; picture-in-picture"
            referrerPolicy="strict-origin-when-cross-origin"
            loading="lazy"
            style={{ border: 0 }}
          />
        </AspectRatio>
      ) : null}
      {file?.isImage && file.viewUrl ? (
        <Image
          src={file.viewUrl}
          alt={_('toolkit.resource.preview', { title: resource.title })}
          maw={720}
          radius="sm"
          fit="contain"
          mah={480}
        />
      ) : null}
      <Group gap="sm" wrap="wrap">
        {file ? (
          <Button
            component="a"
            href={file.downloadUrl}
            download={file.name}
            onClick={() => {
              // The server counts the download; show the new count once it has.
              window.setTimeout(() => {
                void refreshResource();
              }, 1500);
            }}
          >
            {_('toolkit.resource.download')}
          </Button>
        ) : null}
        {resource.url ? (
          <Button
            component="a"
            href={embed ? embed.watchUrl : resource.url}
            target="_blank"
            rel="noopener nofollow ugc"
            variant={file ? 'default' : 'filled'}
          >
            {embed
              ? _('toolkit.resource.watchOn', {
                  provider: embed.provider === 'youtube' ? 'YouTube' : 'Vimeo',
                })
              : linkLabel}
            <Box component="span" className="visually-hidden">
              {' '}
              {_('toolkit.resource.newTab')}
            </Box>
          </Button>
        ) : null}
      </Group>
      {file ? (
        <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
          {file.name} · {fileSize(file.size)}
        </Text>
      ) : resource.url ? (
        <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
          {resource.url}
        </Text>
      ) : null}
    </Stack>
  );
}

/** Editing needs the community's topics; the dialog opens once they are loaded. */
function EditResourceDialog(props: { resource: Resource; onClose: () => void }) {
  const { _ } = useLingui();
  const toolkit = useToolkit(props.resource.community.slug);
  if (toolkit.isError) {
    return <FormAlert message={_('toolkit.resource.formFailed', { error: errorMessage(toolkit.error) })} />;
  }
  if (toolkit.isPending) return null;
  return (
    <ResourceFormDialog
      opened
      slug={props.resource.community.slug}
      topics={toolkit.data.topics}
      resource={props.resource}
      onClose={props.onClose}
    />
  );
}

function FeatureButton(props: { resource: Resource; onError: (message: string) => void }) {
  const { _ } = useLingui();
  const { resource } = props;
  const feature = useFeatureResourceMutation(resource.id, resource.community.slug);
  const [busy, setBusy] = useState(false);
  const toggle = async () => {
    setBusy(true);
    try {
      await feature.mutateAsync(!resource.featured);
    } catch (caught) {
      props.onError(errorMessage(caught));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button variant="default" onClick={() => void toggle()} loading={busy}>
      {resource.featured ? _('toolkit.resource.unfeature') : _('toolkit.resource.feature')}
    </Button>
  );
}

function ResourceView(props: { resource: Resource }) {
  const { _ } = useLingui();
  const { resource } = props;
  const navigate = useNavigate();
  const deleteResource = useDeleteResourceMutation(resource.id, resource.community.slug);
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [actionError, setActionError] = useState<string | null>(null);
  const location = useLocation();
  const toolkitPath = `/communities/${resource.community.slug}/toolkit`;
  // Opened from a collection (and still in it): the trail leads back to that collection.
  const fromId = collectionFrom(location.state);
  const fromCollection = resource.collections.find((collection) => collection.id === fromId);
  const breadcrumbs = [
    { label: resource.community.name, to: `/communities/${resource.community.slug}` },
    { label: 'Toolkit', to: toolkitPath },
    ...(fromCollection
      ? [{ label: fromCollection.title, to: `/toolkit/collections/${fromCollection.id}` }]
      : []),
  ];
  // Edit, then feature, then delete (the one that cannot be undone) last, as on collections.
  const actions =
    resource.abilities.feature || resource.abilities.edit || resource.abilities.delete ? (
      <>
        {resource.abilities.edit ? (
          <Button variant="default" onClick={() => setEditing(true)}>
            {_('common.action.edit')}
          </Button>
        ) : null}
        {resource.abilities.feature ? <FeatureButton resource={resource} onError={setActionError} /> : null}
        {resource.abilities.delete ? (
          <Button variant="default" color="red" onClick={() => setDeleting(true)}>
            {_('common.action.delete')}
          </Button>
        ) : null}
      </>
    ) : null;
  return (
    <>
      <PageHeader
        title={resource.title}
        documentTitle={`${resource.title} · ${resource.community.name}`}
        description={
          <Trans
            id="toolkit.resource.kindIn"
            values={{ kind: _(resourceKindMessages[resource.kind]), community: resource.community.name }}
            components={{ link: <Anchor component={Link} to={toolkitPath} /> }}
          />
        }
        actions={actions}
        actionsLabel={_('toolkit.resource.manage')}
        breadcrumbs={breadcrumbs}
      />
      <Stack gap="lg">
        <FormAlert message={actionError} />
        <Card component="section" aria-label={_('toolkit.resource.about')}>
          <Stack gap="md">
            <Group gap="xs" wrap="wrap">
              <Badge variant="light" tt="none">
                {_(resourceKindMessages[resource.kind])}
              </Badge>
              {resource.featured ? (
                <Badge color="amber" variant="light" tt="none">
                  {_('toolkit.card.featured')}
                </Badge>
              ) : null}
              {resource.topics.map((topic) => (
                <Badge key={topic.id} color="gray" variant="outline" tt="none">
                  {topic.name}
                </Badge>
              ))}
            </Group>
            <Text size="sm">
              <Trans
                id="toolkit.resource.addedBy"
                values={{
                  name: resource.author?.displayName ?? _('toolkit.resource.formerMember'),
                  when: relativeTime(resource.createdAt),
                }}
                components={{
                  name: <Text span fw={600} inherit />,
                  dimmed: <Text span c="dimmed" inherit />,
                  time: <time dateTime={resource.createdAt} title={dateTime(resource.createdAt)} />,
                }}
              />
            </Text>
            <ResourceCounts resource={resource} />
            <Box style={{ overflowWrap: 'anywhere' }}>
              <Prose html={resource.descriptionHtml} empty={_('toolkit.resource.noDescription')} />
            </Box>
            <ResourceContent resource={resource} />
          </Stack>
        </Card>
        {resource.kind === 'article' ? (
          <Card component="section" aria-labelledby="resource-article-title">
            <Title order={2} size="h3" id="resource-article-title" mb="sm">
              {_('toolkit.resource.article')}
            </Title>
            <Box style={{ overflowWrap: 'anywhere' }}>
              <Prose html={resource.bodyHtml} empty={_('toolkit.resource.noArticle')} />
            </Box>
          </Card>
        ) : null}
        {resource.collections.length > 0 ? (
          <Card component="section" aria-labelledby="resource-collections-title">
            <Title order={2} size="h3" id="resource-collections-title" mb="sm">
              {_('toolkit.resource.inCollections')}
            </Title>
            <Stack component="ul" gap={4} style={{ margin: 0, paddingLeft: '1.25rem' }}>
              {resource.collections.map((collection) => (
                <li key={collection.id}>
                  <Anchor component={Link} to={`/toolkit/collections/${collection.id}`}>
                    {collection.title}
                  </Anchor>
                </li>
              ))}
            </Stack>
          </Card>
        ) : null}
        <ResourceUses resource={resource} />
        <KudosCard
          headingId="resource-kudos-title"
          title={_('kudos.title')}
          subjectType="resource"
          subjectId={resource.id}
          receiver={resource.author}
          canGive={resource.abilities.comment}
          empty={_('kudos.empty')}
        />
        <ResourceDiscussion resource={resource} />
      </Stack>
      {editing ? <EditResourceDialog resource={resource} onClose={() => setEditing(false)} /> : null}
      <ConfirmDialog
        opened={deleting}
        title={_('toolkit.resource.deleteTitle')}
        message={_('toolkit.resource.deleteMessage')}
        confirmLabel={_('toolkit.resource.deleteConfirm')}
        onConfirm={async () => {
          await deleteResource.mutateAsync();
          void navigate(toolkitPath);
        }}
        onClose={() => setDeleting(false)}
      />
    </>
  );
}

/** The collection a resource page was opened from (ResourceCard's link state), if any. */
function collectionFrom(state: unknown): string | undefined {
  if (typeof state !== 'object' || state === null || !('fromCollection' in state)) return undefined;
  return typeof state.fromCollection === 'string' ? state.fromCollection : undefined;
}

/** /resources/:id: a Toolkit resource, its file or link, who used it and its discussion. */
export function ResourcePage() {
  const { id = '' } = useParams();
  const resource = useResource(id);
  if (!resource.data) return <CommunityItemPageState noun="Resource" query={resource} />;
  return <ResourceView key={resource.data.id} resource={resource.data} />;
}
