import { Button, Card, Group, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { apiSend } from '../../api/client.ts';
import { type Toolkit, toolkitKeys } from '../../api/toolkit.ts';
import { FormAlert, StatusAlert } from '../../components/form-alert.tsx';
import { useFormState } from '../../hooks/use-form-state.ts';

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
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <AddTopicForm slug={props.slug} toolkit={props.toolkit} />
        <AddCollectionForm slug={props.slug} />
      </SimpleGrid>
    </Card>
  );
}
