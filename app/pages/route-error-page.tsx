import { Button, Code, Container, Group, Stack, Text, Title } from '@mantine/core';
import { useEffect } from 'react';
import { useRouteError } from 'react-router';

/** Shown when a page fails to render: an apology and a way out, never a blank screen. */
export function RouteErrorPage() {
  const error = useRouteError();
  useEffect(() => {
    document.title = 'Something went wrong · Copse';
  }, []);
  const detail = error instanceof Error ? error.message : null;
  return (
    <Container size="sm" py="xl" component="main">
      <Stack gap="md">
        <Title order={1}>Something went wrong</Title>
        <Text>
          This page could not be shown. Reloading often helps; if it keeps happening, tell your administrator.
        </Text>
        {detail ? <Code block>{detail}</Code> : null}
        <Group>
          <Button onClick={() => window.location.reload()}>Reload the page</Button>
          <Button component="a" href="/" variant="default">
            Go home
          </Button>
        </Group>
      </Stack>
    </Container>
  );
}
