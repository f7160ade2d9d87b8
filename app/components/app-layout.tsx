import { useLingui } from '@lingui/react';
import { Anchor, Burger, Button, Container, Group, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { Link, Outlet, useLocation, useNavigate, useNavigation } from 'react-router';
import { keys, useInstitution, useMe } from '../api/queries.ts';
import { sessionWasEnded } from '../api/session.ts';
import { useLanguageSync } from '../i18n/use-language.ts';
import { AccountMenu } from './account-menu.tsx';
import { HeaderSearch } from './header-search.tsx';
import { TreeIcon } from './icons.tsx';
import { LanguageSwitcher } from './language-switcher.tsx';
import { MainNav } from './main-nav.tsx';
import { NotificationBell } from './notification-bell.tsx';
import { focusPageTitle } from './page-title-focus.ts';
import { SessionTimeout } from './session-timeout.tsx';

const MobileNav = lazy(async () => ({ default: (await import('./mobile-nav.tsx')).MobileNav }));

/**
 * After a client-side navigation: move focus to the new page's heading (so screen readers announce it)
 * and check the session is still alive (suspension or sign-out elsewhere ends it on the server).
 */
function useNavigationEffects(): void {
  const location = useLocation();
  const queryClient = useQueryClient();
  const first = useRef(true);
  // Before paint, so nothing that is shown is focused later than it appears.
  useLayoutEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    void location.pathname;
    void queryClient.invalidateQueries({ queryKey: keys.me });
    return focusPageTitle();
  }, [location.pathname, queryClient]);
}

/** When the server ends the session of someone who was signed in, take them to sign in, then back here. */
function useSessionEndWatch(signedIn: boolean): void {
  const navigate = useNavigate();
  const location = useLocation();
  const wasSignedIn = useRef(signedIn);
  useEffect(() => {
    if (wasSignedIn.current && !signedIn && sessionWasEnded()) {
      const next = `${location.pathname}${location.search}`;
      void navigate(`/signin?next=${encodeURIComponent(next)}`, {
        replace: true,
        state: { sessionEnded: true },
      });
    }
    wasSignedIn.current = signedIn;
  }, [signedIn, navigate, location.pathname, location.search]);
}

/** The app shell: skip link, header with navigation, main content and footer. */
export function AppLayout() {
  const { _ } = useLingui();
  const [opened, { toggle, close }] = useDisclosure(false);
  const [navWanted, setNavWanted] = useState(false);
  const loading = useNavigation().state === 'loading';
  const { data: institution } = useInstitution();
  const { data: me } = useMe();
  const setupNeeded = institution?.setupNeeded ?? false;
  const name = institution?.name || 'Copse';
  useNavigationEffects();
  useLanguageSync();
  useSessionEndWatch(Boolean(me));

  return (
    // A fixed header over the page (styles.css): what Mantine's AppShell drew, without its resizable
    // side panels and their scroll locking, which Copse does not use and every first load paid for.
    <div className="app-shell">
      {/* A page's chunk or data is on its way: the current page stays, with this bar above it. */}
      {loading ? <div className="route-progress" aria-hidden="true" /> : null}
      <a href="#main" className="skip-link">
        {_('layout.skipLink')}
      </a>
      <header className="app-header">
        {/* Wider than the pages: six sections, search and the account fit beside the institution name. */}
        <Container size="xl" h="100%">
          <Group h="100%" justify="space-between" wrap="nowrap" gap="sm">
            <Group gap="lg" wrap="nowrap" style={{ minWidth: 0 }}>
              <Link to="/" className="brand">
                {institution?.logoUrl ? <img src={institution.logoUrl} alt="" /> : <TreeIcon />}
                <span className="brand-name">{name}</span>
              </Link>
              {!setupNeeded ? (
                <Group visibleFrom="md" gap={0}>
                  <MainNav me={me} label={_('layout.nav.main')} />
                </Group>
              ) : null}
            </Group>
            {setupNeeded ? null : (
              <Group gap="xs" wrap="nowrap">
                <Group visibleFrom="lg">
                  <LanguageSwitcher />
                </Group>
                {/* An external partner (#18 §4) searches nothing of Copse. */}
                {me?.confinedToProjects ? null : <HeaderSearch />}
                {me ? (
                  <>
                    <NotificationBell />
                    <AccountMenu me={me} />
                  </>
                ) : (
                  <>
                    <Button component={Link} to="/signin" variant="subtle" size="sm">
                      {_('layout.signIn')}
                    </Button>
                    <Button component={Link} to="/signup" size="sm" visibleFrom="xs">
                      {_('layout.signUp')}
                    </Button>
                  </>
                )}
                {me ? (
                  <Burger
                    opened={opened}
                    onClick={() => {
                      setNavWanted(true);
                      toggle();
                    }}
                    hiddenFrom="md"
                    size="sm"
                    aria-label={opened ? _('layout.nav.close') : _('layout.nav.open')}
                    aria-expanded={opened}
                    aria-controls="mobile-nav"
                  />
                ) : null}
              </Group>
            )}
          </Group>
        </Container>
      </header>
      {navWanted ? (
        <Suspense fallback={null}>
          <MobileNav opened={opened} onClose={close} me={me} />
        </Suspense>
      ) : null}
      {me ? <SessionTimeout /> : null}
      <main id="main" tabIndex={-1} className="app-main">
        <Container size="lg" py="xl" px="md">
          <Outlet />
        </Container>
      </main>
      <footer className="site-footer">
        <Container size="lg">
          <Group justify="space-between" gap="sm" wrap="wrap">
            <Text size="sm" c="dimmed">
              {_('layout.footer.tagline', { name })}
            </Text>
            <Group gap="md" wrap="wrap">
              {setupNeeded ? null : (
                <Anchor component={Link} to="/contact" size="sm">
                  {_('layout.footer.contact')}
                </Anchor>
              )}
              <Anchor component={Link} to="/accessibility" size="sm">
                {_('accessibility.footerLink')}
              </Anchor>
              {/* The header has it from large screens up (not during set-up); here for phones and tablets. */}
              <Group hiddenFrom={setupNeeded ? undefined : 'lg'}>
                <LanguageSwitcher />
              </Group>
            </Group>
          </Group>
        </Container>
      </footer>
    </div>
  );
}
