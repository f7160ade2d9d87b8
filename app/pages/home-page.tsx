import { Trans, useLingui } from '@lingui/react';
import {
  Alert,
  Anchor,
  Box,
  Button,
  Card,
  Group,
  SimpleGrid,
  Stack,
  Text,
  ThemeIcon,
  Title,
} from '@mantine/core';
import { lazy, Suspense } from 'react';
import { Link, Navigate } from 'react-router';
import { useInstitution, useMe } from '../api/queries.ts';
import { useTwoFactorStatus } from '../api/two-factor.ts';
import type { Me } from '../api/types.ts';
import { BookIcon, CalendarIcon, GroveIllustration, SproutIcon } from '../components/icons.tsx';
import { PageHeader } from '../components/page-header.tsx';
import { useDocumentTitle } from '../hooks/use-document-title.ts';
import { SessionsForYourSkills } from './mentoring/skill-sessions.tsx';
import { OpenPingsSection } from './pings/open-pings.tsx';
import { WhatsNewSection } from './whats-new.tsx';

// Loaded after the page (the home page's first-load budget): the open check-ins sent to you.
const OpenCheckinsSection = lazy(async () => ({
  default: (await import('./checkins/open-checkins.tsx')).OpenCheckinsSection,
}));

function profileIsSparse(me: Me): boolean {
  return !me.unit || me.expertise.length === 0 || me.bio.trim() === '';
}

function SignedInHome(props: { me: Me; institutionName: string }) {
  const { _ } = useLingui();
  const { me } = props;
  const firstName = me.displayName.split(/\s+/)[0] ?? me.displayName;
  return (
    <>
      <PageHeader
        title={_('home.signedIn.title', { name: firstName })}
        documentTitle={_('home.signedIn.documentTitle')}
        description={_('home.signedIn.description', { institution: props.institutionName })}
      />
      {me.role === 'member' ? null : <TwoFactorReminder />}
      <OpenPingsSection />
      <Suspense fallback={null}>
        <OpenCheckinsSection />
      </Suspense>
      <WhatsNewSection />
      <SessionsForYourSkills />
      <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="lg">
        {profileIsSparse(me) ? (
          <Card>
            <Stack gap="xs" h="100%">
              <Title order={2} size="h3">
                {_('home.profile.title')}
              </Title>
              <Text size="sm" c="dimmed" style={{ flexGrow: 1 }}>
                {_('home.profile.text')}
              </Text>
              <Group>
                <Button component={Link} to="/settings/profile" variant="light">
                  {_('home.profile.action')}
                </Button>
              </Group>
            </Stack>
          </Card>
        ) : null}
        <Card>
          <Stack gap="xs" h="100%">
            <Title order={2} size="h3">
              {_('home.people.title')}
            </Title>
            <Text size="sm" c="dimmed" style={{ flexGrow: 1 }}>
              {_('home.people.text')}
            </Text>
            <Group>
              <Button component={Link} to="/people" variant="light">
                {_('home.people.action')}
              </Button>
            </Group>
          </Stack>
        </Card>
        <Card>
          <Stack gap="xs" h="100%">
            <Title order={2} size="h3">
              {_('home.communities.title')}
            </Title>
            <Text size="sm" c="dimmed" style={{ flexGrow: 1 }}>
              {_('home.communities.text')}
            </Text>
            <Group>
              <Button component={Link} to="/communities" variant="light">
                {_('home.communities.action')}
              </Button>
            </Group>
          </Stack>
        </Card>
        {me.kind === 'external' ? null : (
          <Card>
            <Stack gap="xs" h="100%">
              <Title order={2} size="h3">
                {_('home.start.title')}
              </Title>
              <Text size="sm" c="dimmed" style={{ flexGrow: 1 }}>
                {_('home.start.text')}
              </Text>
              <Group gap="md">
                <Button component={Link} to="/proposals/new" variant="light">
                  {_('home.start.action')}
                </Button>
                <Anchor component={Link} to="/contact" size="sm">
                  {_('home.start.contact')}
                </Anchor>
              </Group>
            </Stack>
          </Card>
        )}
      </SimpleGrid>
      <Text size="sm" mt="xl" c="dimmed">
        <Trans
          id="home.signedIn.as"
          values={{ email: <>{me.email}</> }}
          components={{ link: <Anchor component={Link} to={`/people/${me.id}`} size="sm" /> }}
        />
      </Text>
    </>
  );
}

/** The landing page's three highlights: their catalog ids and icons. */
const highlights = [
  { titleId: 'home.landing.meet.title', textId: 'home.landing.meet.text', Icon: CalendarIcon },
  { titleId: 'home.landing.share.title', textId: 'home.landing.share.text', Icon: BookIcon },
  { titleId: 'home.landing.grow.title', textId: 'home.landing.grow.text', Icon: SproutIcon },
] as const;

function Landing(props: { institutionName: string }) {
  const { _ } = useLingui();
  useDocumentTitle(_('home.landing.documentTitle'));
  return (
    <Stack gap={48} py={{ base: 'md', sm: 40 }}>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing={48} style={{ alignItems: 'center' }}>
        <Stack gap="lg">
          <Text tt="uppercase" fw={700} size="sm" c="forest.8" style={{ letterSpacing: '0.06em' }}>
            {props.institutionName}
          </Text>
          <Title
            order={1}
            style={{ fontSize: 'clamp(2rem, 4.5vw, 3rem)', lineHeight: 1.12 }}
            tabIndex={-1}
            data-page-title
          >
            {_('home.landing.title')}
          </Title>
          <Text size="lg" c="dimmed" maw={560}>
            {_('home.landing.intro')}
          </Text>
          <Group gap="sm">
            <Button component={Link} to="/signup" size="md">
              {_('home.landing.signUp')}
            </Button>
            <Button component={Link} to="/signin" size="md" variant="default">
              {_('home.landing.signIn')}
            </Button>
          </Group>
          <Anchor component={Link} to="/communities" fw={600}>
            {_('home.landing.browse')}
          </Anchor>
        </Stack>
        <Box visibleFrom="md">
          <GroveIllustration />
        </Box>
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="lg">
        {highlights.map(({ titleId, textId, Icon }) => (
          <Group key={titleId} align="flex-start" wrap="nowrap" gap="md">
            <ThemeIcon variant="light" radius="md" size={40}>
              <Icon size={22} />
            </ThemeIcon>
            <Stack gap={2}>
              <Title order={2} size="h3">
                {_(titleId)}
              </Title>
              <Text size="sm" c="dimmed">
                {_(textId)}
              </Text>
            </Stack>
          </Group>
        ))}
      </SimpleGrid>
      <Text size="sm" c="dimmed">
        <Trans
          id="home.landing.contact"
          components={{ link: <Anchor component={Link} to="/contact" size="sm" /> }}
        />
      </Text>
    </Stack>
  );
}

/** Home: a welcome and next steps for signed-in people; a landing page for visitors. */
export function HomePage() {
  const { data: me } = useMe();
  const { data: institution } = useInstitution();
  const institutionName = institution?.name || 'Copse';
  // An external partner (#18 §4) sees only their projects: their home leads there.
  if (me?.confinedToProjects) return <Navigate to="/projects" replace />;
  if (me) return <SignedInHome me={me} institutionName={institutionName} />;
  return <Landing institutionName={institutionName} />;
}

/**
 * For administrators and coordinators without two-factor sign-in (the first administrator, made at the
 * set-up, is signed in before setting it up): their role requires it at the next password sign-in.
 */
function TwoFactorReminder() {
  const { _ } = useLingui();
  const status = useTwoFactorStatus();
  if (!status.data?.required || status.data.enabled) return null;
  return (
    <Alert color="yellow" variant="light" mb="lg" title={_('home.twoFactor.title')}>
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{_('home.twoFactor.text')}</Text>
        <Button component={Link} to="/settings/security" size="xs" variant="white">
          {_('home.twoFactor.action')}
        </Button>
      </Stack>
    </Alert>
  );
}
