import { Button, Card, Group, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { apiSend } from '../../api/client.ts';
import { type Toolkit, type Topic, toolkitKeys } from '../../api/toolkit.ts';
import { FormAlert, StatusAlert } from '../../components/form-alert.tsx';
import { useFormState } from '../../hooks/use-form-state.ts';
import { ConfirmDialog } from '../discussions/confirm-dialog.tsx';

function AddTopicForm(props: { slug: string; toolkit: Toolkit }) {
  const form = useFormState();
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [parentId, setParentId] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const parents = props.toolkit.topics.filter((topic) => topic.parentId === null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setDone(null);
    if (!name.trim()) {
      form.setFields({ name: 'Name the topic.' });
      form.setMessage('Please correct the highlighted fields.');
      return;
    }
    const created = await form.run(() =>
      apiSend<{ id: string }>('POST', `/communities/${props.slug}/toolkit/topics`, {
        name: name.trim(),
        ...(parentId ? { parentId } : {}),
      }),
    );
    if (!created) return;
    setDone(`Topic “${name.trim()}” added.`);
    setName('');
    await queryClient.invalidateQueries({ queryKey: toolkitKeys.toolkit(props.slug) });
  };
  return (
    <form onSubmit={(event) => void submit(event)} noValidate aria-label="Add a topic">
      <Stack gap="sm">
        <Title order={3} size="h4">
          Add a topic
        </Title>
        <FormAlert message={form.message} />
        <StatusAlert message={done} />
        <TextInput
          label="Topic name"
          name="name"
          value={name}
          onChange={(event) => setName(event.currentTarget.value)}
          error={form.error('name')}
        />
        <Select
          label="Under"
          description="Leave as “No parent” for a main topic, or choose one to make a sub-topic."
          name="parentId"
          data={[
            { value: '', label: 'No parent' },
            ...parents.map((topic) => ({ value: topic.id, label: topic.name })),
          ]}
          value={parentId}
          onChange={(value) => setParentId(value ?? '')}
          allowDeselect={false}
          error={form.error('parentId')}
        />
        <Group>
          <Button type="submit" variant="light" loading={form.busy}>
            Add topic
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function AddCollectionForm(props: { slug: string }) {
  const form = useFormState();
  const queryClient = useQueryClient();
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setDone(null);
    if (!title.trim()) {
      form.setFields({ title: 'Give the collection a title.' });
      form.setMessage('Please correct the highlighted fields.');
      return;
    }
    const created = await form.run(() =>
      apiSend<{ id: string }>('POST', `/communities/${props.slug}/toolkit/collections`, {
        title: title.trim(),
        description,
      }),
    );
    if (!created) return;
    setDone(`Collection “${title.trim()}” created.`);
    setTitle('');
    setDescription('');
    await queryClient.invalidateQueries({ queryKey: toolkitKeys.toolkit(props.slug) });
  };
  return (
    <form onSubmit={(event) => void submit(event)} noValidate aria-label="Create a collection">
      <Stack gap="sm">
        <Title order={3} size="h4">
          Create a collection
        </Title>
        <FormAlert message={form.message} />
        <StatusAlert message={done} />
        <TextInput
          label="Collection title"
          name="title"
          value={title}
          onChange={(event) => setTitle(event.currentTarget.value)}
          error={form.error('title')}
        />
        <TextInput
          label="Collection description"
          name="description"
          value={description}
          onChange={(event) => setDescription(event.currentTarget.value)}
          error={form.error('description')}
        />
        <Group>
          <Button type="submit" variant="light" loading={form.busy}>
            Create collection
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** One topic in the curators' list: its name and count, renaming it in place, and deleting it. */
function TopicRow(props: { slug: string; topic: Topic; parentName: string | null }) {
  const { topic } = props;
  const form = useFormState();
  const queryClient = useQueryClient();
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
  const refresh = () => queryClient.invalidateQueries({ queryKey: toolkitKeys.toolkit(props.slug) });
  const rename = async (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) {
      form.setFields({ name: 'Name the topic.' });
      form.setMessage('Please correct the highlighted fields.');
      return;
    }
    const saved = await form.run(() =>
      apiSend('PATCH', `/toolkit/topics/${topic.id}`, { name: name.trim() }),
    );
    if (saved === undefined) return;
    setRenaming(false);
    await refresh();
  };
  const label = props.parentName ? `${props.parentName} › ${topic.name}` : topic.name;
  return (
    <li>
      {renaming ? (
        <form onSubmit={(event) => void rename(event)} noValidate aria-label={`Rename ${label}`}>
          <Stack gap="xs">
            <FormAlert message={form.message} />
            <Group gap="xs" align="flex-end" wrap="wrap">
              <TextInput
                label={`New name for ${label}`}
                name="name"
                value={name}
                onChange={(event) => setName(event.currentTarget.value)}
                error={form.error('name')}
                style={{ flex: '1 1 12rem' }}
                ref={input}
              />
              <Button type="submit" size="sm" loading={form.busy}>
                Save
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
                Cancel
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
              aria-label={`Rename ${label}`}
            >
              Rename
            </Button>
            <Button
              size="compact-sm"
              variant="subtle"
              color="red"
              onClick={() => setDeleting(true)}
              aria-label={`Delete ${label}`}
            >
              Delete
            </Button>
          </Group>
        </Group>
      )}
      <ConfirmDialog
        opened={deleting}
        title={`Delete the topic “${label}”?`}
        message="Resources keep everything else; they are no longer filed under this topic."
        confirmLabel="Delete topic"
        onConfirm={async () => {
          await apiSend('DELETE', `/toolkit/topics/${topic.id}`);
          await refresh();
        }}
        onClose={() => setDeleting(false)}
      />
    </li>
  );
}

/** The topics with their sub-topics under them, for renaming and deleting. */
function TopicList(props: { slug: string; topics: Topic[] }) {
  const parents = props.topics
    .filter((topic) => topic.parentId === null)
    .sort((a, b) => a.name.localeCompare(b.name));
  if (parents.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        No topics yet.
      </Text>
    );
  }
  const children = (id: string) =>
    props.topics.filter((topic) => topic.parentId === id).sort((a, b) => a.name.localeCompare(b.name));
  return (
    <Stack component="ul" gap={6} aria-label="Topics" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
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
  return (
    <Card component="section" aria-labelledby="curate-title">
      <Title order={2} size="h3" id="curate-title" mb="xs">
        Curate the Toolkit
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        Topics group resources for the filter; a collection is an ordered list you put together on its page.
      </Text>
      <Title order={3} size="h4" mb="xs">
        Topics
      </Title>
      <TopicList slug={props.slug} topics={props.toolkit.topics} />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg" mt="lg">
        <AddTopicForm slug={props.slug} toolkit={props.toolkit} />
        <AddCollectionForm slug={props.slug} />
      </SimpleGrid>
    </Card>
  );
}
