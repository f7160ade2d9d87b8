import { useLingui } from '@lingui/react';
import { Box, SimpleGrid, Text, Textarea } from '@mantine/core';
import { type ReactNode, useId } from 'react';
import { MarkdownPreview } from './markdown-preview.tsx';

/**
 * A Markdown textarea with a live preview beside it (below it on small screens), titled "Preview of the
 * description", or "Preview of your reply" for a label that already says whose. Takes useApiForm's
 * `field(…)` props: `<MarkdownField label={…} name="body" empty={…} {...field('body')} />`.
 */
export function MarkdownField(props: {
  label: string;
  name: string;
  description?: string;
  /** Optional only because Mantine's input props type it so; a missing value is empty. */
  value?: string;
  onChange: (value: string) => void;
  /** A message, or `true` for the invalid state alone (what useApiForm's `field` gives). */
  error?: ReactNode;
  empty: string;
}) {
  const { _ } = useLingui();
  const id = useId();
  const labelId = `${id}-preview`;
  const value = props.value ?? '';
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
      <Textarea
        label={props.label}
        name={props.name}
        description={props.description}
        autosize
        minRows={4}
        maxRows={16}
        value={value}
        onChange={(event) => props.onChange(event.currentTarget.value)}
        error={props.error}
      />
      <Box>
        <Text size="sm" fw={500} id={labelId} mb={4}>
          {_('meetings.markdownField.preview', {
            label: props.label.toLowerCase(),
            whose: /^(your|my|our) /i.test(props.label) ? 'own' : 'other',
          })}
        </Text>
        <Box role="region" aria-labelledby={labelId} p="sm" bg="gray.0" className="markdown-preview-box">
          <MarkdownPreview source={value} empty={props.empty} />
        </Box>
      </Box>
    </SimpleGrid>
  );
}
