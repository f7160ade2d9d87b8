import { useLingui } from '@lingui/react';
import { Box, Button, Card, Group, SimpleGrid, Stack, Text, Textarea, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { z } from 'zod';
import { type CharterSectionKey, charterSectionKeys, charterSectionMessages } from '../../../common/enums.ts';
import { charterSectionField } from '../../../common/fields.ts';
import type { MessageId } from '../../../common/i18n/message-id.ts';
import { useCharterTemplate, useCharterTemplateMutation } from '../../api/admin.ts';
import type { CharterTemplate } from '../../api/types.ts';
import { FormAlert, StatusAlert } from '../../components/form-alert.tsx';
import { MarkdownPreview } from '../../components/markdown-preview.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { LoadError, PageLoader } from '../../components/page-states.tsx';
import { useApiForm } from '../../hooks/use-api-form.ts';
import { dateTime } from '../../lib/dates.ts';

type Sections = Record<CharterSectionKey, string>;

const sectionsSchema = z.object({
  sections: z.object(
    Object.fromEntries(charterSectionKeys.map((key) => [key, charterSectionField])) as Record<
      CharterSectionKey,
      typeof charterSectionField
    >,
  ),
});

/** What each section is for, as help under its field. */
const sectionHelp: Record<CharterSectionKey, MessageId> = {
  objectives: 'admin.charter.help.objectives',
  roles: 'admin.charter.help.roles',
  decisionMaking: 'admin.charter.help.decisionMaking',
  participation: 'admin.charter.help.participation',
  conflictResolution: 'admin.charter.help.conflictResolution',
};

function TemplateForm(props: { template: CharterTemplate }) {
  const { _ } = useLingui();
  const save = useCharterTemplateMutation();
  const [saved, setSaved] = useState<Sections>(props.template.sections);
  const [notice, setNotice] = useState<string | null>(null);
  const { form, field, message, busy, submit } = useApiForm({
    initialValues: { sections: props.template.sections },
    schema: sectionsSchema,
    form: { onValuesChange: () => setNotice(null) },
  });
  const { sections } = form.values;
  const dirty = charterSectionKeys.some((key) => sections[key] !== saved[key]);

  const send = submit(
    (body) => save.mutateAsync(body.sections),
    (updated) => {
      setSaved(updated.sections);
      form.setValues({ sections: updated.sections });
      setNotice(_('admin.charter.saved'));
    },
  );

  return (
    <form
      onSubmit={(event: FormEvent) => {
        setNotice(null);
        send(event);
      }}
      noValidate
    >
      <Stack gap="lg">
        <FormAlert message={message} />
        {charterSectionKeys.map((key) => {
          const previewId = `preview-${key}`;
          const title = _(charterSectionMessages[key]);
          return (
            <Card key={key} component="section" aria-labelledby={`section-${key}`}>
              <Title order={2} size="h3" id={`section-${key}`} mb="sm">
                {title}
              </Title>
              <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
                <Textarea
                  label={_('admin.charter.fieldLabel', { title })}
                  description={_(sectionHelp[key])}
                  name={`sections.${key}`}
                  autosize
                  minRows={6}
                  maxRows={20}
                  {...field(`sections.${key}`)}
                />
                <Box>
                  <Text size="sm" fw={500} id={previewId} mb={4}>
                    {_('admin.charter.preview')}
                  </Text>
                  <Box
                    role="region"
                    aria-labelledby={`${previewId} section-${key}`}
                    p="sm"
                    bg="gray.0"
                    style={{
                      border: '1px solid var(--mantine-color-gray-3)',
                      borderRadius: 'var(--mantine-radius-md)',
                      minHeight: 140,
                      overflowWrap: 'anywhere',
                    }}
                  >
                    <MarkdownPreview source={sections[key]} empty={_('admin.charter.empty')} />
                  </Box>
                </Box>
              </SimpleGrid>
            </Card>
          );
        })}
        <StatusAlert message={notice} />
        <Group gap="md">
          <Button type="submit" loading={busy}>
            {_('admin.charter.save')}
          </Button>
          <Text size="sm" c="dimmed" role="status">
            {dirty ? _('admin.charter.unsaved') : ''}
          </Text>
        </Group>
      </Stack>
    </form>
  );
}

/** /admin/charter-template: the five sections every new community's charter starts from. */
export function AdminCharterTemplatePage() {
  const { _ } = useLingui();
  const template = useCharterTemplate();
  const saved = template.data?.updatedAt ? dateTime(template.data.updatedAt) : null;
  const savedBy = template.data?.updatedBy?.displayName;
  const description = !saved
    ? _('admin.charter.description')
    : savedBy
      ? _('admin.charter.descriptionSavedBy', { when: saved, name: savedBy })
      : _('admin.charter.descriptionSaved', { when: saved });
  return (
    <>
      <PageHeader title={_('admin.charter.title')} description={description} />
      {template.isPending ? (
        <PageLoader />
      ) : template.isError ? (
        <LoadError error={template.error} onRetry={() => void template.refetch()} />
      ) : (
        <TemplateForm template={template.data} />
      )}
    </>
  );
}
