import { Anchor, Box, Button, Card, Group, SimpleGrid, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useInstitution, useMe } from '../api/queries.ts';
import type { Me } from '../api/types.ts';
import { BookIcon, CalendarIcon, GroveIllustration, SproutIcon } from '../components/icons.tsx';
import { PageHeader } from '../components/page-header.tsx';
import { useDocumentTitle } from '../hooks/use-document-title.ts';
import { WhatsNewSection } from './whats-new.tsx';

function profileIsSparse(me: Me): boolean {
  return !me.unit || me.expertise.length === 0 || me.bio.trim() === '';
}

function SignedInHome(props: { me: Me; institutionName: string }) {
  const { me } = props;
  const firstName = me.displayName.split(/\s+/)[0] ?? me.displayName;
  return (
    <>
      <PageHeader
        title={`Welcome, ${firstName}`}
        documentTitle="Home"
        description={`Your place in the communities of practice of ${props.institutionName}.`}
      />
      <WhatsNewSection />
      <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="lg">
        {profileIsSparse(me) ? (
          <Card>
            <Stack gap="xs" h="100%">
              <Title order={2} size="h3">
                Complete your profile
              </Title>
              <Text size="sm" c="dimmed" style={{ flexGrow: 1 }}>
                Add your unit, a short bio and what you know about, so colleagues can find you when they need
                your expertise.
              </Text>
              <Group>
                <Button component={Link} to="/settings/profile" variant="light">
                  Edit your profile
                </Button>
              </Group>
            </Stack>
          </Card>
        ) : null}
        <Card>
          <Stack gap="xs" h="100%">
            <Title order={2} size="h3">
              Find people
            </Title>
            <Text size="sm" c="dimmed" style={{ flexGrow: 1 }}>
              Who knows about assessment, open science or community building? Search colleagues by name, unit
              or expertise.
            </Text>
            <Group>
              <Button component={Link} to="/people" variant="light">
                Find people
              </Button>
            </Group>
          </Stack>
        </Card>
        <Card>
          <Stack gap="xs" h="100%">
            <Title order={2} size="h3">
              Communities
            </Title>
            <Text size="sm" c="dimmed" style={{ flexGrow: 1 }}>
              Groups of people who share a practice and meet regularly to learn from each other. Find one
              where you belong, or start a new one.
            </Text>
            <Group>
              <Button component={Link} to="/communities" variant="light">
                Browse communities
              </Button>
            </Group>
          </Stack>
        </Card>
        {me.kind === 'external' ? null : (
          <Card>
            <Stack gap="xs" h="100%">
              <Title order={2} size="h3">
                Start a community
              </Title>
              <Text size="sm" c="dimmed" style={{ flexGrow: 1 }}>
                Have a practice or a question to explore with colleagues? Propose a community; the
                coordinators review it and help you start.
              </Text>
              <Group gap="md">
                <Button component={Link} to="/proposals/new" variant="light">
                  Propose a community
                </Button>
                <Anchor component={Link} to="/contact" size="sm">
                  Get in touch first
                </Anchor>
              </Group>
            </Stack>
          </Card>
        )}
      </SimpleGrid>
      <Text size="sm" mt="xl" c="dimmed">
        Signed in as {me.email}.{' '}
        <Anchor component={Link} to={`/people/${me.id}`} size="sm">
          View your profile
        </Anchor>
      </Text>
    </>
  );
}

const highlights = [
  {
    title: 'Meet',
    text: 'Regular meetings, workshops and conversations across faculties and services.',
    Icon: CalendarIcon,
  },
  {
    title: 'Share',
    text: 'A toolkit of resources your community curates and actually uses.',
    Icon: BookIcon,
  },
  {
    title: 'Grow',
    text: 'See what your community achieves, and the value it creates over time.',
    Icon: SproutIcon,
  },
];

function Landing(props: { institutionName: string }) {
  useDocumentTitle('Welcome');
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
            Learn with colleagues who share your practice
          </Title>
          <Text size="lg" c="dimmed" maw={560}>
            Communities of practice are voluntary groups that meet regularly to learn from each other. Find
            one where you belong, meet colleagues across units, or start a new one.
          </Text>
          <Group gap="sm">
            <Button component={Link} to="/signup" size="md">
              Sign up
            </Button>
            <Button component={Link} to="/signin" size="md" variant="default">
              Sign in
            </Button>
          </Group>
          <Anchor component={Link} to="/communities" fw={600}>
            Browse the communities
          </Anchor>
        </Stack>
        <Box visibleFrom="md">
          <GroveIllustration />
        </Box>
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="lg">
        {highlights.map(({ title, text, Icon }) => (
          <Group key={title} align="flex-start" wrap="nowrap" gap="md">
            <ThemeIcon variant="light" radius="md" size={40}>
              <Icon size={22} />
            </ThemeIcon>
            <Stack gap={2}>
              <Title order={2} size="h3">
                {title}
              </Title>
              <Text size="sm" c="dimmed">
                {text}
              </Text>
            </Stack>
          </Group>
        ))}
      </SimpleGrid>
      <Text size="sm" c="dimmed">
        Thinking of starting a community, or need support for one?{' '}
        <Anchor component={Link} to="/contact" size="sm">
          Get in touch with the coordinators
        </Anchor>
        .
      </Text>
    </Stack>
  );
}

/** Home: a welcome and next steps for signed-in people; a landing page for visitors. */
export function HomePage() {
  const { data: me } = useMe();
  const { data: institution } = useInstitution();
  const institutionName = institution?.name || 'Copse';
  if (me) return <SignedInHome me={me} institutionName={institutionName} />;
  return <Landing institutionName={institutionName} />;
}
