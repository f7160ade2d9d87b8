import { useLingui } from '@lingui/react';
import { Button, Card, Group, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useMemo, useRef, useState } from 'react';
import { z } from 'zod';
import {
  type Toolkit,
  type Topic,
  useAddCollectionMutation,
  useAddTopicMutation,
  useDeleteTopicMutation,
  useRenameTopicMutation,
} from '../../api/toolkit.ts';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { FormAlert, StatusAlert } from '../../components/form-alert.tsx';
import { useApiForm } from '../../hooks/use-api-form.ts';

/** A name or title a curator must give (trimmed), with what to say when it is missing. */
function given(missing: string) {
  return z.string().trim().min(1, missing);
}

function AddTopicForm(props: { slug: string; toolkit: Toolkit }) {
  const { _ } = useLingui();
  const addTopic = useAddTopicMutation(props.slug);
  const schema = useMemo(
    () => z.object({ name: given(_('toolkit.curator.nameTopic')), parentId: z.string() }),
    [_],
  );
  const { form, field, message, busy, submit } = useApiForm({
    initialValues: { name: '', parentId: '' },
    schema,
  });
  const [done, setDone] = useState<string | null>(null);
  const parents = props.toolkit.topics.filter((topic) => topic.parentId === null);
  const send = submit(
    async ({ name, parentId }) => {
      await addTopic.mutateAsync({ name, ...(parentId ? { parentId } : {}) });
      return name;
    },
    (name) => {
      setDone(_('toolkit.curator.topicAdded', { name }));
      form.setFieldValue('name', '');
    },
  );
  return (
    <form
      onSubmit={(event) => {
        setDone(null);
        send(event);
      }}
      noValidate
      aria-label={_('toolkit.curator.addTopic')}
    >
      <Stack gap="sm">
        <Title order={3} size="h4">
          {_('toolkit.curator.addTopic')}
        </Title>
        <FormAlert message={message} />
        <StatusAlert message={done} />
        <TextInput label={_('toolkit.curator.topicName')} name="name" {...field('name')} />
        <Select
          label={_('toolkit.curator.under')}
          description={_('toolkit.curator.underHint')}
          name="parentId"
          data={[
            { value: '', label: _('toolkit.curator.noParent') },
            ...parents.map((topic) => ({ value: topic.id, label: topic.name })),
          ]}
          {...field('parentId')}
          allowDeselect={false}
        />
        <Group>
          <Button type="submit" variant="light" loading={busy}>
            {_('toolkit.curator.addTopicButton')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function AddCollectionForm(props: { slug: string }) {
  const { _ } = useLingui();
  const addCollection = useAddCollectionMutation(props.slug);
  const schema = useMemo(
    () => z.object({ title: given(_('toolkit.curator.collectionTitleMissing')), description: z.string() }),
    [_],
  );
  const { field, message, busy, submit, reset } = useApiForm({
    initialValues: { title: '', description: '' },
    schema,
  });
  const [done, setDone] = useState<string | null>(null);
  const send = submit(
    async (input) => {
      await addCollection.mutateAsync(input);
      return input.title;
    },
    (title) => {
      setDone(_('toolkit.curator.collectionCreated', { title }));
      reset();
    },
  );
  return (
    <form
      onSubmit={(event) => {
        setDone(null);
        send(event);
      }}
      noValidate
      aria-label={_('toolkit.curator.createCollection')}
    >
      <Stack gap="sm">
        <Title order={3} size="h4">
          {_('toolkit.curator.createCollection')}
        </Title>
        <FormAlert message={message} />
        <StatusAlert message={done} />
        <TextInput label={_('toolkit.curator.collectionTitle')} name="title" {...field('title')} />
        <TextInput
          label={_('toolkit.curator.collectionDescription')}
          name="description"
          {...field('description')}
        />
        <Group>
          <Button type="submit" variant="light" loading={busy}>
            {_('toolkit.curator.createCollectionButton')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** One topic in the curators' list: its name and count, renaming it in place, and deleting it. */
function TopicRow(props: { slug: string; topic: Topic; parentName: string | null }) {
  const { topic } = props;
  const { _ } = useLingui();
  const renameTopic = useRenameTopicMutation(topic.id, props.slug);
  const deleteTopic = useDeleteTopicMutation(topic.id, props.slug);
  const schema = useMemo(() => z.object({ name: given(_('toolkit.curator.nameTopic')) }), [_]);
  const { form, field, message, busy, submit, reset } = useApiForm({
    initialValues: { name: topic.name },
    schema,
  });
  const [renaming, setRenaming] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const renameButton = useRef<HTMLButtonElement>(null);
  const opened = useRef(false);
  // Keyboard users land in the field when renaming starts, and back on Rename when it ends.
  useEffect(() => {
    if (renaming) input.current?.focus();
    else if (opened.current) renameButton.current?.focus();
    opened.current = renaming;
  }, [renaming]);
  const label = props.parentName ? `${props.parentName} › ${topic.name}` : topic.name;
  return (
    <li>
      {renaming ? (
        <form
          onSubmit={submit(
            (values) => renameTopic.mutateAsync(values.name),
            () => setRenaming(false),
          )}
          noValidate
          aria-label={_('toolkit.curator.renameLabel', { label })}
        >
          <Stack gap="xs">
            <FormAlert message={message} />
            <Group gap="xs" align="flex-end" wrap="wrap">
              <TextInput
                label={_('toolkit.curator.newName', { label })}
                name="name"
                {...field('name')}
                style={{ flex: '1 1 12rem' }}
                ref={input}
              />
              <Button type="submit" size="sm" loading={busy}>
                {_('common.action.save')}
              </Button>
              <Button
                size="sm"
                variant="default"
                onClick={() => {
                  // Back to the topic's name now (it may have been renamed since the row was drawn).
                  reset();
                  form.setValues({ name: topic.name });
                  setRenaming(false);
                }}
              >
                {_('common.action.cancel')}
              </Button>
            </Group>
          </Stack>
        </form>
      ) : (
        <Group gap="xs" justify="space-between" wrap="wrap" pl={props.parentName ? 'lg' : 0}>
          <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
            {topic.name}{' '}
            <Text span c="dimmed" inherit>
              ({topic.resourceCount})
            </Text>
          </Text>
          <Group gap={4}>
            <Button
              ref={renameButton}
              size="compact-sm"
              variant="subtle"
              onClick={() => setRenaming(true)}
              aria-label={_('toolkit.curator.renameLabel', { label })}
            >
              {_('toolkit.curator.rename')}
            </Button>
            <Button
              size="compact-sm"
              variant="subtle"
              color="red"
              onClick={() => setDeleting(true)}
              aria-label={_('toolkit.curator.deleteLabel', { label })}
            >
              {_('common.action.delete')}
            </Button>
          </Group>
        </Group>
      )}
      <ConfirmDialog
        opened={deleting}
        title={_('toolkit.curator.deleteTitle', { label })}
        message={_('toolkit.curator.deleteMessage')}
        confirmLabel={_('toolkit.curator.deleteConfirm')}
        onConfirm={async () => {
          await deleteTopic.mutateAsync();
        }}
        onClose={() => setDeleting(false)}
      />
    </li>
  );
}

/** The topics with their sub-topics under them, for renaming and deleting. */
function TopicList(props: { slug: string; topics: Topic[] }) {
  const { _ } = useLingui();
  const parents = props.topics
    .filter((topic) => topic.parentId === null)
    .sort((a, b) => a.name.localeCompare(b.name));
  if (parents.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {_('toolkit.curator.noTopics')}
      </Text>
    );
  }
  const children = (id: string) =>
    props.topics.filter((topic) => topic.parentId === id).sort((a, b) => a.name.localeCompare(b.name));
  return (
    <Stack
      component="ul"
      gap={6}
      aria-label={_('toolkit.card.topics')}
      style={{ listStyle: 'none', margin: 0, padding: 0 }}
    >
      {parents.flatMap((parent) => [
        <TopicRow key={parent.id} slug={props.slug} topic={parent} parentName={null} />,
        ...children(parent.id).map((child) => (
          <TopicRow key={child.id} slug={props.slug} topic={child} parentName={parent.name} />
        )),
      ])}
    </Stack>
  );
}

/** For curators: topics (with sub-topics) and collections. Resources join collections on each collection's page. */
export function CuratorPanel(props: { slug: string; toolkit: Toolkit }) {
  const { _ } = useLingui();
  return (
    <Card component="section" aria-labelledby="curate-title">
      <Title order={2} size="h3" id="curate-title" mb="xs">
        {_('toolkit.curator.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {_('toolkit.curator.intro')}
      </Text>
      <Title order={3} size="h4" mb="xs">
        {_('toolkit.card.topics')}
      </Title>
      <TopicList slug={props.slug} topics={props.toolkit.topics} />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg" mt="lg">
        <AddTopicForm slug={props.slug} toolkit={props.toolkit} />
        <AddCollectionForm slug={props.slug} />
      </SimpleGrid>
    </Card>
  );
}
