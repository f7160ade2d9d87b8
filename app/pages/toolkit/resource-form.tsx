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
import { type FormEvent, useState } from 'react';
import { useNavigate } from 'react-router';
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
import { useFormState } from '../../hooks/use-form-state.ts';

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
  const form = useFormState();
  const navigate = useNavigate();
  const create = useCreateResourceMutation(props.slug);
  const update = useUpdateResourceMutation(editing?.id ?? '', props.slug);
  const uploaded = useResourceUploaded(props.slug);
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
    if (!title.trim()) missing.title = _('toolkit.resourceForm.titleMissing');
    if (needsUrl && !url.trim()) missing.url = _('toolkit.resourceForm.urlMissing');
    if (needsFile && !file) missing.file = _('toolkit.resourceForm.fileMissing');
    if (kind === 'article' && !body.trim()) missing.body = _('toolkit.resourceForm.bodyMissing');
    if (Object.keys(missing).length > 0) {
      form.setFields(missing);
      form.setMessage(_('toolkit.form.correctFields'));
      return;
    }
    const id = await form.run(async () => {
      if (editing) {
        await update.mutateAsync({
          title: title.trim(),
          description,
          ...(kind === 'article' ? { body } : {}),
          ...(needsUrl ? { url: url.trim() } : {}),
          topicIds,
        });
        return editing.id;
      }
      if (needsFile && file) {
        const { id: newId } = await uploadResource(
          props.slug,
          { kind, title: title.trim(), description, topicIds },
          file,
        );
        await uploaded(newId);
        return newId;
      }
      const created = await create.mutateAsync({
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
        onSubmit={(event) => void submit(event)}
        noValidate
        aria-label={editing ? _('toolkit.resourceForm.editTitle') : _('toolkit.tab.add')}
      >
        <Stack gap="md">
          <FormAlert message={form.message} />
          <Select
            label={_('toolkit.tab.kind')}
            name="kind"
            data={resourceKinds.map((value) => ({ value, label: _(resourceKindMessages[value]) }))}
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
            description={editing ? _('toolkit.resourceForm.kindFixed') : undefined}
            data-autofocus
          />
          <TextInput
            label={_('toolkit.resourceForm.title')}
            name="title"
            required
            maxLength={200}
            value={title}
            onChange={(event) => setTitle(event.currentTarget.value)}
            error={form.error('title')}
          />
          {choosesSource ? (
            <Radio.Group
              label={_('toolkit.resourceForm.source')}
              name="source"
              value={source}
              onChange={(value) => setSource(value === 'link' ? 'link' : 'upload')}
            >
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
          {needsUrl ? (
            <TextInput
              label={
                kind === 'video'
                  ? _('toolkit.resourceForm.videoAddress')
                  : isFileKind
                    ? _('toolkit.resourceForm.documentAddress')
                    : _('toolkit.resourceForm.address')
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
              label={_('toolkit.resourceForm.file')}
              name="file"
              description={_('toolkit.resourceForm.fileHint', { max: props.uploadMaxMb ?? 25 })}
              accept={acceptedExtensions}
              required
              clearable
              clearButtonProps={{ 'aria-label': _('toolkit.resourceForm.removeFile') }}
              value={file}
              onChange={setFile}
              // The server's reason is shown here too: in a long dialog the alert may be out of view.
              error={form.fields.file}
            />
          ) : null}
          <MarkdownField
            label={_('toolkit.resourceForm.description')}
            name="description"
            description={_('toolkit.resourceForm.descriptionHint')}
            value={description}
            onChange={setDescription}
            error={form.error('description')}
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
              value={body}
              onChange={(event) => setBody(event.currentTarget.value)}
              error={form.error('body')}
            />
          ) : null}
          <MultiSelect
            label={_('toolkit.resourceForm.topics')}
            name="topicIds"
            data={topicOptions(props.topics)}
            value={topicIds}
            onChange={setTopicIds}
            searchable
            clearable
            placeholder={
              props.topics.length === 0
                ? _('toolkit.resourceForm.noTopics')
                : _('toolkit.resourceForm.chooseTopics')
            }
            error={form.error('topicIds')}
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close}>
              {_('common.action.cancel')}
            </Button>
            <Button type="submit" loading={form.busy}>
              {editing ? _('common.action.saveChanges') : _('toolkit.resourceForm.submitAdd')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
