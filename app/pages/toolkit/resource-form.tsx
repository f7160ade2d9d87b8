import { useLingui } from '@lingui/react';
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
import { useMemo } from 'react';
import { useNavigate } from 'react-router';
import { z } from 'zod';
import { type ResourceKind, resourceKindMessages, resourceKinds } from '../../../common/enums.ts';
import {
  fileKinds,
  type Resource,
  type Topic,
  type TopicRef,
  uploadResource,
  useCreateResourceMutation,
  useResourceUploaded,
  useUpdateResourceMutation,
} from '../../api/toolkit.ts';
import { FormAlert } from '../../components/form-alert.tsx';
import { MarkdownField } from '../../components/markdown-field.tsx';
import { useApiForm } from '../../hooks/use-api-form.ts';

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

/**
 * The server's upload allow-list (its lib/files/allow-list.ts), for the file picker; the hint names the
 * same types (toolkit.resourceForm.fileHint).
 */
const acceptedExtensions =
  '.pdf,.docx,.xlsx,.pptx,.odt,.ods,.odp,.txt,.csv,.md,.markdown,.png,.jpg,.jpeg,.gif,.webp,.mp4,.mp3';

/** Where a new file-kind resource or video comes from. */
type Source = 'upload' | 'link';

/** What the form asks for, from the kind and source chosen (and, when editing, the resource). */
function needsOf(values: { kind: ResourceKind; source: Source }, editing: Resource | undefined) {
  const isFileKind = fileKinds.includes(values.kind);
  // A new file-kind resource (or a video) is uploaded or linked to; an existing one keeps its file.
  const choosesSource = (isFileKind || values.kind === 'video') && !editing;
  const file = choosesSource && values.source === 'upload';
  const url = !file && !editing?.file && values.kind !== 'article';
  return { isFileKind, choosesSource, file, url };
}

/**
 * The form's rules: a title always; an address, a file or the article's text as the kind and source
 * ask; the title and address are sent trimmed.
 */
function resourceSchema(
  editing: Resource | undefined,
  messages: { title: string; url: string; file: string; body: string },
) {
  return z
    .object({
      kind: z.enum(resourceKinds),
      title: z.string(),
      description: z.string(),
      url: z.string(),
      body: z.string(),
      file: z.instanceof(File).nullable(),
      source: z.enum(['upload', 'link']),
      topicIds: z.array(z.string()),
    })
    .superRefine((values, context) => {
      const needs = needsOf(values, editing);
      const missing = (path: keyof typeof messages) =>
        context.addIssue({ code: 'custom', path: [path], message: messages[path] });
      if (!values.title.trim()) missing('title');
      if (needs.url && !values.url.trim()) missing('url');
      if (needs.file && !values.file) missing('file');
      if (values.kind === 'article' && !values.body.trim()) missing('body');
    })
    .transform((values) => ({ ...values, title: values.title.trim(), url: values.url.trim() }));
}

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
  const { _ } = useLingui();
  const editing = props.resource;
  const navigate = useNavigate();
  const create = useCreateResourceMutation(props.slug);
  const update = useUpdateResourceMutation(editing?.id ?? '', props.slug);
  const uploaded = useResourceUploaded(props.slug);
  const schema = useMemo(
    () =>
      resourceSchema(editing, {
        title: _('toolkit.resourceForm.titleMissing'),
        url: _('toolkit.resourceForm.urlMissing'),
        file: _('toolkit.resourceForm.fileMissing'),
        body: _('toolkit.resourceForm.bodyMissing'),
      }),
    [editing, _],
  );
  const source: Source = editing?.url ? 'link' : 'upload';
  const { form, field, message, busy, submit, clear } = useApiForm({
    initialValues: {
      kind: editing?.kind ?? ('link' as ResourceKind),
      title: editing?.title ?? '',
      description: editing?.description ?? '',
      url: editing?.url ?? '',
      body: editing?.body ?? '',
      file: null as File | null,
      source,
      topicIds: editing?.topics.map((topic) => topic.id) ?? [],
    },
    schema,
  });
  const { kind } = form.getValues();
  const needs = needsOf(form.getValues(), editing);
  const close = () => {
    // What was typed stays for when the dialog opens again; its messages go.
    clear();
    props.onClose();
  };
  const send = async (input: z.output<typeof schema>) => {
    const { title, description, topicIds } = input;
    const text = {
      ...(input.kind === 'article' ? { body: input.body } : {}),
      ...(needs.url ? { url: input.url } : {}),
    };
    if (editing) {
      await update.mutateAsync({ title, description, ...text, topicIds });
      return editing.id;
    }
    if (needs.file && input.file) {
      const { id } = await uploadResource(
        props.slug,
        { kind: input.kind, title, description, topicIds },
        input.file,
      );
      await uploaded(id);
      return id;
    }
    const created = await create.mutateAsync({ kind: input.kind, title, description, ...text, topicIds });
    return created.id;
  };
  const sent = (id: string) => {
    props.onClose();
    if (!editing) void navigate(`/resources/${id}`);
  };
  return (
    <Modal
      opened={props.opened}
      onClose={close}
      title={editing ? _('toolkit.resourceForm.editTitle') : _('toolkit.tab.add')}
      size="xl"
      centered
    >
      <form
        onSubmit={submit(send, sent)}
        noValidate
        aria-label={editing ? _('toolkit.resourceForm.editTitle') : _('toolkit.tab.add')}
      >
        <Stack gap="md">
          <FormAlert message={message} />
          <Select
            label={_('toolkit.tab.kind')}
            name="kind"
            data={resourceKinds.map((value) => ({ value, label: _(resourceKindMessages[value]) }))}
            {...field('kind')}
            onChange={(value) => {
              if (!value) return;
              // A video is usually a YouTube or Vimeo link; a document usually a file.
              form.setFieldValue('kind', value as ResourceKind);
              form.setFieldValue('source', value === 'video' ? 'link' : 'upload');
            }}
            allowDeselect={false}
            disabled={Boolean(editing)}
            description={editing ? _('toolkit.resourceForm.kindFixed') : undefined}
            data-autofocus
          />
          <TextInput
            label={_('toolkit.resourceForm.title')}
            name="title"
            required
            maxLength={200}
            {...field('title')}
          />
          {needs.choosesSource ? (
            <Radio.Group label={_('toolkit.resourceForm.source')} name="source" {...field('source')}>
              <Group gap="lg" mt={6}>
                <Radio
                  value="upload"
                  label={
                    kind === 'video'
                      ? _('toolkit.resourceForm.uploadMp4')
                      : _('toolkit.resourceForm.uploadFile')
                  }
                />
                <Radio
                  value="link"
                  label={
                    kind === 'video'
                      ? _('toolkit.resourceForm.linkVideo')
                      : _('toolkit.resourceForm.linkDocument')
                  }
                />
              </Group>
            </Radio.Group>
          ) : null}
          {needs.url ? (
            <TextInput
              label={
                kind === 'video'
                  ? _('toolkit.resourceForm.videoAddress')
                  : needs.isFileKind
                    ? _('toolkit.resourceForm.documentAddress')
                    : _('toolkit.resourceForm.address')
              }
              name="url"
              type="url"
              required
              placeholder="https://"
              {...field('url')}
            />
          ) : null}
          {needs.file ? (
            <FileInput
              label={_('toolkit.resourceForm.file')}
              name="file"
              description={_('toolkit.resourceForm.fileHint', { max: props.uploadMaxMb ?? 25 })}
              accept={acceptedExtensions}
              required
              clearable
              clearButtonProps={{ 'aria-label': _('toolkit.resourceForm.removeFile') }}
              // The server's reason is shown here too, even when the alert says the same: in a long
              // dialog the alert may be out of view (so Mantine's own props, not field()).
              {...form.getInputProps('file')}
            />
          ) : null}
          <MarkdownField
            label={_('toolkit.resourceForm.description')}
            name="description"
            description={_('toolkit.resourceForm.descriptionHint')}
            {...field('description')}
            empty={_('toolkit.resourceForm.descriptionEmpty')}
          />
          {kind === 'article' ? (
            <Textarea
              label={_('toolkit.resourceForm.article')}
              name="body"
              description={_('toolkit.resourceForm.articleHint')}
              autosize
              minRows={6}
              maxRows={20}
              {...field('body')}
            />
          ) : null}
          <MultiSelect
            label={_('toolkit.resourceForm.topics')}
            name="topicIds"
            data={topicOptions(props.topics)}
            {...field('topicIds')}
            searchable
            clearable
            placeholder={
              props.topics.length === 0
                ? _('toolkit.resourceForm.noTopics')
                : _('toolkit.resourceForm.chooseTopics')
            }
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close}>
              {_('common.action.cancel')}
            </Button>
            <Button type="submit" loading={busy}>
              {editing ? _('common.action.saveChanges') : _('toolkit.resourceForm.submitAdd')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
