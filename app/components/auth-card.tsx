import { Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useDocumentTitle } from '../hooks/use-document-title.ts';

/** A narrow centred card for the account pages (sign in, sign up, reset…), with the page's h1. */
export function AuthCard(props: { title: string; description?: ReactNode; children: ReactNode }) {
  useDocumentTitle(props.title);
  return (
    <Paper withBorder shadow="xs" p={{ base: 'lg', sm: 'xl' }} maw={460} mx="auto" mt={{ base: 0, sm: 'lg' }}>
      <Stack gap="lg">
        <Stack gap={6}>
          <Title order={1} tabIndex={-1} data-page-title>
            {props.title}
          </Title>
          {props.description ? <Text c="dimmed">{props.description}</Text> : null}
        </Stack>
        {props.children}
      </Stack>
    </Paper>
  );
}
