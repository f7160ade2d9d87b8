import { useLingui } from '@lingui/react';
import { Button, Card, Group, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, useEffect, useRef, useState } from 'react';
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
import { useFormState } from '../../hooks/use-form-state.ts';

function AddTopicForm(props: { slug: string; toolkit: Toolkit }) {
  const { _ } = useLingui();
  const form = useFormState();
  const addTopic = useAddTopicMutation(props.slug);
  const [name, setName] = useState('');
  const [parentId, setParentId] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const parents = props.toolkit.topics.filter((topic) => topic.parentId === null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setDone(null);
    if (!name.trim()) {
      form.setFields({ name: _('toolkit.curator.nameTopic') });
      form.setMessage(_('toolkit.form.correctFields'));
      return;
    }
    const created = await form.run(() =>
      addTopic.mutateAsync({ name: name.trim(), ...(parentId ? { parentId } : {}) }),
    );
    if (!created) return;
    setDone(_('toolkit.curator.topicAdded', { name: name.trim() }));
    setName('');
  };
  return (
    <form onSubmit={(event) => void submit(event)} noValidate aria-label={_('toolkit.curator.addTopic')}>
      <Stack gap="sm">
        <Title order={3} size="h4">
          {_('toolkit.curator.addTopic')}
        </Title>
        <FormAlert message={form.message} />
        <StatusAlert message={done} />
        <TextInput
          label={_('toolkit.curator.topicName')}
          name="name"
          value={name}
          onChange={(event) => setName(event.currentTarget.value)}
          error={form.error('name')}
        />
        <Select
          label={_('toolkit.curator.under')}
          description={_('toolkit.curator.underHint')}
          name="parentId"
          data={[
            { value: '', label: _('toolkit.curator.noParent') },
            ...parents.map((topic) => ({ value: topic.id, label: topic.name })),
          ]}
          value={parentId}
          onChange={(value) => setParentId(value ?? '')}
          allowDeselect={false}
          error={form.error('parentId')}
        />
        <Group>
          <Button type="submit" variant="light" loading={form.busy}>
            {_('toolkit.curator.addTopicButton')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function AddCollectionForm(props: { slug: string }) {
  const { _ } = useLingui();
  const form = useFormState();
  const addCollection = useAddCollectionMutation(props.slug);
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setDone(null);
    if (!title.trim()) {
      form.setFields({ title: _('toolkit.curator.collectionTitleMissing') });
      form.setMessage(_('toolkit.form.correctFields'));
      return;
    }
    const created = await form.run(() => addCollection.mutateAsync({ title: title.trim(), description }));
    if (!created) return;
    setDone(_('toolkit.curator.collectionCreated', { title: title.trim() }));
    setTitle('');
    setDescription('');
  };
  return (
    <form
      onSubmit={(event) => void submit(event)}
      noValidate
      aria-label={_('toolkit.curator.createCollection')}
    >
      <Stack gap="sm">
        <Title order={3} size="h4">
          {_('toolkit.curator.createCollection')}
        </Title>
        <FormAlert message={form.message} />
        <StatusAlert message={done} />
        <TextInput
          label={_('toolkit.curator.collectionTitle')}
          name="title"
          value={title}
          onChange={(event) => setTitle(event.currentTarget.value)}
          error={form.error('title')}
        />
        <TextInput
          label={_('toolkit.curator.collectionDescription')}
          name="description"
          value={description}
          onChange={(event) => setDescription(event.currentTarget.value)}
          error={form.error('description')}
        />
        <Group>
          <Button type="submit" variant="light" loading={form.busy}>
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
  const form = useFormState();
  const renameTopic = useRenameTopicMutation(topic.id, props.slug);
  const deleteTopic = useDeleteTopicMutation(topic.id, props.slug);
  const [renaming, setRenaming] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [name, setName] = useState(topic.name);
  const input = useRef<HTMLInputElement>(null);
  const renameButton = useRef<HTMLButtonElement>(null);
  const opened = useRef(false);
  // Keyboard users land in the field when renaming starts, and back on Rename when it ends.
  useEffect(() => {
    if (renaming) input.current?.focus();
    else if (opened.current) renameButton.current?.focus();
    opened.current = renaming;
  }, [renaming]);
  const rename = async (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) {
      form.setFields({ name: _('toolkit.curator.nameTopic') });
      form.setMessage(_('toolkit.form.correctFields'));
      return;
    }
    const saved = await form.run(() => renameTopic.mutateAsync(name.trim()));
    if (saved === undefined) return;
    setRenaming(false);
  };
  const label = props.parentName ? `${props.parentName} › ${topic.name}` : topic.name;
  return (
    <li>
      {renaming ? (
        <form
          onSubmit={(event) => void rename(event)}
          noValidate
          aria-label={_('toolkit.curator.renameLabel', { label })}
        >
          <Stack gap="xs">
            <FormAlert message={form.message} />
            <Group gap="xs" align="flex-end" wrap="wrap">
              <TextInput
                label={_('toolkit.curator.newName', { label })}
                name="name"
                value={name}
                onChange={(event) => setName(event.currentTarget.value)}
                error={form.error('name')}
                style={{ flex: '1 1 12rem' }}
                ref={input}
              />
              <Button type="submit" size="sm" loading={form.busy}>
                {_('common.action.save')}
              </Button>
              <Button
                size="sm"
                variant="default"
                onClick={() => {
                  form.reset();
                  setName(topic.name);
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
