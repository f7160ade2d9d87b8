import { Card, Title } from '@mantine/core';
import { type ComponentProps, lazy, Suspense } from 'react';

// Loaded after the page that shows it (threads and resources are landing pages with a size budget).
const Panel = lazy(async () => ({ default: (await import('./kudos-panel.tsx')).KudosPanel }));

/** The kudos under a contribution (./kudos-panel.tsx), loaded after the page. */
export function Kudos(props: ComponentProps<typeof Panel>) {
  return (
    <Suspense fallback={null}>
      <Panel {...props} />
    </Suspense>
  );
}

/** The kudos of a whole page's contribution (a resource, hosting a meeting) as a card with its heading. */
export function KudosCard(props: ComponentProps<typeof Panel> & { headingId: string; title: string }) {
  const { headingId, title, ...panel } = props;
  return (
    <Card component="section" aria-labelledby={headingId}>
      <Title order={2} size="h3" mb="xs" id={headingId}>
        {title}
      </Title>
      <Kudos {...panel} />
    </Card>
  );
}
