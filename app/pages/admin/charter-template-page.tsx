import { Box, Button, Card, Group, SimpleGrid, Stack, Text, Textarea, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { z } from 'zod';
import { type CharterSectionKey, charterSectionKeys, charterSectionTitles } from '../../../common/enums.ts';
import { charterSectionField } from '../../../common/fields.ts';
import { apiGet, apiSend } from '../../api/client.ts';
import { keys } from '../../api/queries.ts';
import type { CharterTemplate } from '../../api/types.ts';
import { FormAlert, StatusAlert } from '../../components/form-alert.tsx';
import { MarkdownPreview } from '../../components/markdown-preview.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { LoadError, PageLoader } from '../../components/page-states.tsx';
import { useFormState } from '../../hooks/use-form-state.ts';
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
const sectionHelp: Record<CharterSectionKey, string> = {
  objectives:
    'What the community wants to achieve. A proposal’s own objectives replace this section when it is approved.',
  roles: 'Who leads, co-leads, facilitates, takes notes or hosts, and how those roles rotate.',
  decisionMaking: 'How the community decides: consensus, consent, a vote, or the leaders after consultation.',
  participation: 'How members take part: respect, confidentiality, sharing, attendance and time commitments.',
  conflictResolution: 'What happens when people disagree, and whom to turn to when that is not enough.',
};

function TemplateForm(props: { template: CharterTemplate }) {
  const queryClient = useQueryClient();
  const form = useFormState();
  const [sections, setSections] = useState<Sections>(props.template.sections);
  const [saved, setSaved] = useState<Sections>(props.template.sections);
  const [notice, setNotice] = useState<string | null>(null);
  const dirty = charterSectionKeys.some((key) => sections[key] !== saved[key]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setNotice(null);
    const body = form.check(sectionsSchema, { sections });
    if (!body) return;
    const updated = await form.run(() => apiSend<CharterTemplate>('PUT', '/admin/charter-template', body));
    if (!updated) return;
    queryClient.setQueryData(keys.charterTemplate, updated);
    setSaved(updated.sections);
    setSections(updated.sections);
    setNotice('The template is saved. Communities approved from now on start from it.');
  };

  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <Stack gap="lg">
        <FormAlert message={form.message} />
        {charterSectionKeys.map((key) => {
          const previewId = `preview-${key}`;
          return (
            <Card key={key} component="section" aria-labelledby={`section-${key}`}>
              <Title order={2} size="h3" id={`section-${key}`} mb="sm">
                {charterSectionTitles[key]}
              </Title>
              <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
                <Textarea
                  label={`${charterSectionTitles[key]} (Markdown)`}
                  description={sectionHelp[key]}
                  name={`sections.${key}`}
                  autosize
                  minRows={6}
                  maxRows={20}
                  value={sections[key]}
                  onChange={(event) => {
                    const value = event.currentTarget.value;
                    setNotice(null);
                    setSections((current) => ({ ...current, [key]: value }));
                  }}
                  error={form.error(`sections.${key}`)}
                />
                <Box>
                  <Text size="sm" fw={500} id={previewId} mb={4}>
                    Preview
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
                    <MarkdownPreview source={sections[key]} empty="This section is empty." />
                  </Box>
                </Box>
              </SimpleGrid>
            </Card>
          );
        })}
        <StatusAlert message={notice} />
        <Group gap="md">
          <Button type="submit" loading={form.busy}>
            Save template
          </Button>
          <Text size="sm" c="dimmed" role="status">
            {dirty ? 'You have unsaved changes.' : ''}
          </Text>
        </Group>
      </Stack>
    </form>
  );
}

/** /admin/charter-template: the five sections every new community's charter starts from. */
export function AdminCharterTemplatePage() {
  const template = useQuery({
    queryKey: keys.charterTemplate,
    queryFn: () => apiGet<CharterTemplate>('/admin/charter-template'),
  });
  const updated = template.data?.updatedAt
    ? ` Last saved ${dateTime(template.data.updatedAt)}${template.data.updatedBy ? ` by ${template.data.updatedBy.displayName}` : ''}.`
    : '';
  return (
    <>
      <PageHeader
        title="Charter template"
        description={`Each approved community starts its charter from these sections; its leaders then adapt it. Changes here do not alter existing charters.${updated}`}
      />
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
