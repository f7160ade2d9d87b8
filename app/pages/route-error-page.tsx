import { useLingui } from '@lingui/react';
import { Button, Code, Container, Group, Stack, Text, Title } from '@mantine/core';
import { useEffect } from 'react';
import { useRouteError } from 'react-router';

/** Shown when a page fails to render: an apology and a way out, never a blank screen. */
export function RouteErrorPage() {
  const { _ } = useLingui();
  const error = useRouteError();
  useEffect(() => {
    document.title = _('pages.routeError.documentTitle');
  }, [_]);
  const detail = error instanceof Error ? error.message : null;
  return (
    <Container size="sm" py="xl" component="main">
      <Stack gap="md">
        <Title order={1}>{_('pages.routeError.title')}</Title>
        <Text>{_('pages.routeError.body')}</Text>
        {detail ? <Code block>{detail}</Code> : null}
        <Group>
          <Button onClick={() => window.location.reload()}>{_('pages.routeError.reload')}</Button>
          <Button component="a" href="/" variant="default">
            {_('pages.goHome')}
          </Button>
        </Group>
      </Stack>
    </Container>
  );
}
