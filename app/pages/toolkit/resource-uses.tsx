import { useLingui } from '@lingui/react';
import { Box, Button, Card, Group, Paper, Radio, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { z } from 'zod';
import { type ResourceUseKind, resourceUseKindMessages, resourceUseKinds } from '../../../common/enums.ts';
import {
  type Resource,
  type ResourceUse,
  useDeleteResourceUseMutation,
  useResourceUses,
  useSaveResourceUseMutation,
} from '../../api/toolkit.ts';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { FormActions } from '../../components/form-actions.tsx';
import { FormAlert, StatusAlert } from '../../components/form-alert.tsx';
import { ItemList, PagedList } from '../../components/list-page/index.ts';
import { PostMeta } from '../../components/posts/post-view.tsx';
import { Prose } from '../../components/prose.tsx';
import { useApiForm } from '../../hooks/use-api-form.ts';

const storyLimit = 5000;

/** Recording (or changing) what the viewer did with the resource. */
function UseForm(props: {
  resource: Resource;
  existing?: { id: string; kind: ResourceUseKind; story: string };
  onDone: (message: string) => void;
  onCancel?: () => void;
}) {
  const { _ } = useLingui();
  const saveUse = useSaveResourceUseMutation(props.resource.id);
  const schema = useMemo(
    () =>
      z.object({
        kind: z.enum(resourceUseKinds),
        // The length is checked as typed (as before); the story is sent trimmed.
        story: z
          .string()
          .max(storyLimit, _('toolkit.uses.tooLong'))
          .transform((story) => story.trim()),
      }),
    [_],
  );
  const { field, message, busy, submit } = useApiForm({
    initialValues: { kind: props.existing?.kind ?? 'used', story: props.existing?.story ?? '' },
    schema,
  });
  return (
    <form
      onSubmit={submit(
        (input) => saveUse.mutateAsync({ useId: props.existing?.id, ...input }),
        () => props.onDone(props.existing ? _('toolkit.uses.updated') : _('toolkit.uses.recorded')),
      )}
      noValidate
      aria-label={props.existing ? _('toolkit.uses.changeRecord') : _('toolkit.uses.iUsedThis')}
    >
      <Stack gap="sm">
        <FormAlert message={message} />
        <Radio.Group label={_('toolkit.uses.whatDid')} name="kind" {...field('kind')}>
          <Group gap="lg" mt={6}>
            {resourceUseKinds.map((value) => (
              <Radio key={value} value={value} label={_(resourceUseKindMessages[value])} />
            ))}
          </Group>
        </Radio.Group>
        <Textarea
          label={_('toolkit.uses.whatHappened')}
          name="story"
          description={_('toolkit.uses.storyHint')}
          autosize
          minRows={3}
          maxRows={10}
          {...field('story')}
        />
        <FormActions
          submitLabel={props.existing ? _('common.action.save') : _('toolkit.uses.recordUse')}
          busy={busy}
          onCancel={props.onCancel}
        />
      </Stack>
    </form>
  );
}

/** The viewer's own record, with changing and deleting it. */
function ViewerUse(props: {
  resource: Resource;
  use: { id: string; kind: ResourceUseKind; story: string };
  onNotice: (message: string) => void;
}) {
  const { _ } = useLingui();
  const deleteUse = useDeleteResourceUseMutation(props.resource.id);
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  if (editing) {
    return (
      <UseForm
        resource={props.resource}
        existing={props.use}
        onDone={(message) => {
          setEditing(false);
          props.onNotice(message);
        }}
        onCancel={() => setEditing(false)}
      />
    );
  }
  return (
    <Paper withBorder p="sm" component="section" aria-label={_('toolkit.uses.yourRecord')}>
      <Stack gap="xs">
        <Text size="sm" fw={600}>
          {_('toolkit.uses.youRecorded', { kind: _(resourceUseKindMessages[props.use.kind]) })}
        </Text>
        {props.use.story ? (
          <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            {props.use.story}
          </Text>
        ) : null}
        <Group gap="xs">
          {props.resource.abilities.recordUse ? (
            <Button
              size="compact-sm"
              variant="light"
              component={Link}
              to={`/communities/${props.resource.community.slug}/stories/new?resource=${props.resource.id}&use=${props.use.id}`}
            >
              {_('stories.fromUse.tell')}
            </Button>
          ) : null}
          <Button size="compact-sm" variant="subtle" onClick={() => setEditing(true)}>
            {_('toolkit.uses.changeRecord')}
          </Button>
          <Button size="compact-sm" variant="subtle" color="red" onClick={() => setDeleting(true)}>
            {_('toolkit.uses.deleteRecord')}
          </Button>
        </Group>
      </Stack>
      <ConfirmDialog
        opened={deleting}
        title={_('toolkit.uses.deleteRecordTitle')}
        message={_('toolkit.uses.deleteRecordMessage')}
        confirmLabel={_('toolkit.uses.deleteRecordConfirm')}
        onConfirm={async () => {
          await deleteUse.mutateAsync(props.use.id);
          props.onNotice(_('toolkit.uses.deleted'));
        }}
        onClose={() => setDeleting(false)}
      />
    </Paper>
  );
}

/** One person's record in the list; curators may remove it. */
function UseItem(props: { resource: Resource; use: ResourceUse }) {
  const { _ } = useLingui();
  const { use } = props;
  const deleteUse = useDeleteResourceUseMutation(props.resource.id);
  const [deleting, setDeleting] = useState(false);
  const name = use.person?.displayName ?? _('toolkit.uses.formerMember');
  return (
    <Paper withBorder p="sm" component="article" aria-label={_('toolkit.uses.recordFrom', { name })}>
      <Stack gap="xs">
        <PostMeta author={use.person} createdAt={use.createdAt} editedAt={null} />
        <Text size="sm" fw={600}>
          {_(resourceUseKindMessages[use.kind])}
        </Text>
        {use.storyHtml ? (
          <Box style={{ overflowWrap: 'anywhere' }}>
            <Prose html={use.storyHtml} empty="" />
          </Box>
        ) : null}
        {props.resource.abilities.curate ? (
          <Group gap="xs">
            <Button size="compact-sm" variant="subtle" color="red" onClick={() => setDeleting(true)}>
              {_('common.action.remove')}
            </Button>
          </Group>
        ) : null}
      </Stack>
      <ConfirmDialog
        opened={deleting}
        title={_('toolkit.uses.removeTitle')}
        message={_('toolkit.uses.removeMessage', { name })}
        confirmLabel={_('toolkit.uses.removeConfirm')}
        onConfirm={async () => {
          await deleteUse.mutateAsync(use.id);
        }}
        onClose={() => setDeleting(false)}
      />
    </Paper>
  );
}

function UseList(props: { resource: Resource }) {
  const { _ } = useLingui();
  const list = useResourceUses(props.resource.id);
  const ownId = props.resource.viewerUse?.id;
  return (
    <PagedList
      query={list}
      loadingLabel={_('toolkit.uses.loading')}
      select={(uses) => uses.filter((use) => use.id !== ownId)}
      empty={
        <Text size="sm" c="dimmed">
          {ownId ? _('toolkit.uses.noOneElse') : _('toolkit.uses.noOne')}
        </Text>
      }
      gap="sm"
      more={{ align: 'start' }}
    >
      {(uses) => <ItemList items={uses}>{(use) => <UseItem resource={props.resource} use={use} />}</ItemList>}
    </PagedList>
  );
}

/** "I used this": the viewer's record (or the form to make one) and everyone else's. */
export function ResourceUses(props: { resource: Resource }) {
  const { _ } = useLingui();
  const { resource } = props;
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <Card component="section" aria-labelledby="resource-uses-title">
      <Stack gap="sm">
        <Title order={2} size="h3" id="resource-uses-title">
          {_('toolkit.uses.title', { count: resource.useCount })}
        </Title>
        <StatusAlert message={notice} />
        {resource.viewerUse ? (
          <ViewerUse resource={resource} use={resource.viewerUse} onNotice={setNotice} />
        ) : resource.abilities.recordUse ? (
          <UseForm resource={resource} onDone={setNotice} />
        ) : null}
        <UseList resource={resource} />
      </Stack>
    </Card>
  );
}
