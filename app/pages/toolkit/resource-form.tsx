import {
  Button,
  FileInput,
  Group,
  Modal,
  MultiSelect,
  Radio,
  Select,
  Stack,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useNavigate } from 'react-router';
import { type ResourceKind, resourceKindLabels, resourceKinds } from '../../../common/enums.ts';
import { apiSend } from '../../api/client.ts';
import {
  fileKinds,
  type Resource,
  type Topic,
  type TopicRef,
  toolkitKeys,
  uploadResource,
} from '../../api/toolkit.ts';
import { FormAlert } from '../../components/form-alert.tsx';
import { useFormState } from '../../hooks/use-form-state.ts';
import { MarkdownField } from '../meetings/markdown-field.tsx';

/** Topic choices, sub-topics named under their parent ("Assessment › Feedback"). */
export function topicOptions(
  topics: (TopicRef & { resourceCount?: number })[],
  withCounts = false,
): { value: string; label: string }[] {
  const byId = new Map(topics.map((topic) => [topic.id, topic]));
  const name = (topic: TopicRef) => {
    const parent = topic.parentId ? byId.get(topic.parentId) : undefined;
    return parent ? `${parent.name} › ${topic.name}` : topic.name;
  };
  return topics
    .map((topic) => ({ topic, name: name(topic) }))
    .sort((a, b) => a.name.localeCompare(b.name))
    .map(({ topic, name }) => ({
      value: topic.id,
      label: withCounts && topic.resourceCount !== undefined ? `${name} (${topic.resourceCount})` : name,
    }));
}

/** The server's upload allow-list (its lib/files/allow-list.ts), for the file picker and its hint. */
const allowedFileTypes =
  'PDF, Word, Excel, PowerPoint, OpenDocument, plain text, CSV, Markdown, PNG, JPEG, GIF, WebP, MP4 or MP3';
const acceptedExtensions =
  '.pdf,.docx,.xlsx,.pptx,.odt,.ods,.odp,.txt,.csv,.md,.markdown,.png,.jpg,.jpeg,.gif,.webp,.mp4,.mp3';

const kindOptions = resourceKinds.map((kind) => ({ value: kind, label: resourceKindLabels[kind] }));

/**
 * Adding a resource (a link, a file or an article) or editing one (`resource` set: the file stays).
 * Shown in a dialog; on success it opens the resource.
 */
export function ResourceFormDialog(props: {
  opened: boolean;
  slug: string;
  topics: Topic[];
  resource?: Resource;
  /** The installation's upload limit, from the Toolkit (25 MB unless set otherwise). */
  uploadMaxMb?: number;
  onClose: () => void;
}) {
  const editing = props.resource;
  const form = useFormState();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [kind, setKind] = useState<ResourceKind>(editing?.kind ?? 'link');
  const [title, setTitle] = useState(editing?.title ?? '');
  const [description, setDescription] = useState(editing?.description ?? '');
  const [url, setUrl] = useState(editing?.url ?? '');
  const [body, setBody] = useState(editing?.body ?? '');
  const [file, setFile] = useState<File | null>(null);
  const [source, setSource] = useState<'upload' | 'link'>(editing?.url ? 'link' : 'upload');
  const [topicIds, setTopicIds] = useState<string[]>(editing?.topics.map((topic) => topic.id) ?? []);
  const isFileKind = fileKinds.includes(kind);
  // A new file-kind resource (or a video) is uploaded or linked to; an existing one keeps its file.
  const hasFile = Boolean(editing?.file);
  const choosesSource = (isFileKind || kind === 'video') && !editing;
  const needsFile = choosesSource && source === 'upload';
  const needsUrl = !needsFile && !hasFile && kind !== 'article';
  const close = () => {
    form.reset();
    props.onClose();
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const missing: Record<string, string> = {};
    if (!title.trim()) missing.title = 'Give the resource a title.';
    if (needsUrl && !url.trim()) missing.url = 'Enter the address (https://…).';
    if (needsFile && !file) missing.file = 'Choose the file to share.';
    if (kind === 'article' && !body.trim()) missing.body = 'Write the article (in Markdown).';
    if (Object.keys(missing).length > 0) {
      form.setFields(missing);
      form.setMessage('Please correct the highlighted fields.');
      return;
    }
    const id = await form.run(async () => {
      if (editing) {
        await apiSend('PATCH', `/resources/${editing.id}`, {
          title: title.trim(),
          description,
          ...(kind === 'article' ? { body } : {}),
          ...(needsUrl ? { url: url.trim() } : {}),
          topicIds,
        });
        return editing.id;
      }
      if (needsFile && file) {
        return (await uploadResource(props.slug, { kind, title: title.trim(), description, topicIds }, file))
          .id;
      }
      const created = await apiSend<{ id: string }>('POST', `/communities/${props.slug}/resources`, {
        kind,
        title: title.trim(),
        description,
        ...(kind === 'article' ? { body } : {}),
        ...(needsUrl ? { url: url.trim() } : {}),
        topicIds,
      });
      return created.id;
    });
    if (!id) return;
    await queryClient.invalidateQueries({ queryKey: toolkitKeys.toolkit(props.slug) });
    await queryClient.invalidateQueries({ queryKey: toolkitKeys.resource(id) });
    props.onClose();
    if (!editing) void navigate(`/resources/${id}`);
  };
  return (
    <Modal
      opened={props.opened}
      onClose={close}
      title={editing ? 'Edit the resource' : 'Add a resource'}
      size="xl"
      centered
    >
      <form
        onSubmit={(event) => void submit(event)}
        noValidate
        aria-label={editing ? 'Edit the resource' : 'Add a resource'}
      >
        <Stack gap="md">
          <FormAlert message={form.message} />
          <Select
            label="Kind"
            name="kind"
            data={kindOptions}
            value={kind}
            onChange={(value) => {
              if (!value) return;
              setKind(value as ResourceKind);
              // A video is usually a YouTube or Vimeo link; a document usually a file.
              setSource(value === 'video' ? 'link' : 'upload');
            }}
            allowDeselect={false}
            error={form.error('kind')}
            disabled={Boolean(editing)}
            description={editing ? 'The kind of a resource stays as it was added.' : undefined}
            data-autofocus
          />
          <TextInput
            label="Title"
            name="title"
            required
            maxLength={200}
            value={title}
            onChange={(event) => setTitle(event.currentTarget.value)}
            error={form.error('title')}
          />
          {choosesSource ? (
            <Radio.Group
              label="How do you share it?"
              name="source"
              value={source}
              onChange={(value) => setSource(value === 'link' ? 'link' : 'upload')}
            >
              <Group gap="lg" mt={6}>
                <Radio value="upload" label={kind === 'video' ? 'Upload an MP4 file' : 'Upload a file'} />
                <Radio
                  value="link"
                  label={kind === 'video' ? 'Link to YouTube or Vimeo' : 'Link to the document'}
                />
              </Group>
            </Radio.Group>
          ) : null}
          {needsUrl ? (
            <TextInput
              label={
                kind === 'video'
                  ? 'Video address (YouTube or Vimeo)'
                  : isFileKind
                    ? 'Address of the document'
                    : 'Address'
              }
              name="url"
              type="url"
              required
              placeholder="https://"
              value={url}
              onChange={(event) => setUrl(event.currentTarget.value)}
              error={form.error('url')}
            />
          ) : null}
          {needsFile ? (
            <FileInput
              label="File"
              name="file"
              description={`${allowedFileTypes}; ${props.uploadMaxMb ?? 25} MB at most.`}
              accept={acceptedExtensions}
              required
              clearable
              clearButtonProps={{ 'aria-label': 'Remove the chosen file' }}
              value={file}
              onChange={setFile}
              // The server's reason is shown here too: in a long dialog the alert may be out of view.
              error={form.fields.file}
            />
          ) : null}
          <MarkdownField
            label="Description"
            name="description"
            description="What it is and how you use it. Markdown works: **bold**, lists, links."
            value={description}
            onChange={setDescription}
            error={form.error('description')}
            empty="Your description will show here as it will look."
          />
          {kind === 'article' ? (
            <Textarea
              label="Article text"
              name="body"
              description="Markdown works."
              autosize
              minRows={6}
              maxRows={20}
              value={body}
              onChange={(event) => setBody(event.currentTarget.value)}
              error={form.error('body')}
            />
          ) : null}
          <MultiSelect
            label="Topics"
            name="topicIds"
            data={topicOptions(props.topics)}
            value={topicIds}
            onChange={setTopicIds}
            searchable
            clearable
            placeholder={props.topics.length === 0 ? 'No topics yet' : 'Choose topics'}
            error={form.error('topicIds')}
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={form.busy}>
              {editing ? 'Save changes' : 'Add resource'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
