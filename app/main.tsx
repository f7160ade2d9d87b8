import '@mantine/core/styles.css';
import './styles.css';
import { I18nProvider } from '@lingui/react';
import { MantineProvider } from '@mantine/core';
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { ApiError } from './api/client.ts';
import { institutionQuery, keys, meQuery } from './api/queries.ts';
import { markSessionEnded } from './api/session.ts';
import type { Institution, Me } from './api/types.ts';
import { activateLocale, chooseLocale, i18n, loadLocale } from './i18n/i18n.ts';
import { router } from './routes.tsx';
import { cssVariablesResolver, theme } from './theme.ts';

/** A 401 while signed in means the server ended the session: forget the person, guards send them to sign in. */
function onApiError(error: unknown): void {
  if (!(error instanceof ApiError) || error.status !== 401) return;
  if (queryClient.getQueryData(keys.me)) {
    markSessionEnded();
    queryClient.setQueryData(keys.me, null);
  }
}

const queryClient = new QueryClient({
  queryCache: new QueryCache({ onError: onApiError }),
  mutationCache: new MutationCache({ onError: onApiError }),
  defaultOptions: {
    queries: {
      retry: (failures, error) => !(error instanceof ApiError && error.status < 500) && failures < 2,
      refetchOnWindowFocus: true,
    },
  },
});

const container = document.getElementById('root');
if (!container) throw new Error('The page has no #root element.');
const root = createRoot(container);

/** Resolves once the router has loaded the lazy chunks of the routes that the address matches. */
function routerReady(): Promise<void> {
  if (router.state.initialized) return Promise.resolve();
  return new Promise((resolve) => {
    const unsubscribe = router.subscribe((state) => {
      if (!state.initialized) return;
      unsubscribe();
      resolve();
    });
  });
}

// The first render waits for the page's chunk, the signed-in person, the institution and the catalog of
// the language this browser most likely shows, fetched side by side: the header and the page are drawn
// once as they stay, instead of shifting as each arrives. No retry here: a failed answer renders at once
// and the component's own query shows or retries it. When the profile or the institution's default then
// asks for another language (rare), its catalog follows before the first render.
void Promise.allSettled([
  routerReady(),
  queryClient.prefetchQuery({ ...meQuery(queryClient), retry: false }),
  queryClient.prefetchQuery({ ...institutionQuery, retry: false }),
  loadLocale(chooseLocale(undefined)),
])
  .then(() => {
    const me = queryClient.getQueryData<Me | null>(keys.me);
    const institution = queryClient.getQueryData<Institution>(keys.institution);
    return activateLocale(chooseLocale(me?.language, institution?.defaultLanguage)).catch(() =>
      activateLocale('en'),
    );
  })
  .then(() =>
    root.render(
      <StrictMode>
        <I18nProvider i18n={i18n}>
          <MantineProvider
            theme={theme}
            cssVariablesResolver={cssVariablesResolver}
            defaultColorScheme="light"
          >
            <QueryClientProvider client={queryClient}>
              <RouterProvider router={router} />
            </QueryClientProvider>
          </MantineProvider>
        </I18nProvider>
      </StrictMode>,
    ),
  );
