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
