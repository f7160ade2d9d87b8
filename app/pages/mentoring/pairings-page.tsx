import { useLingui } from '@lingui/react';
import { Badge, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import type { MentoringOverview } from '../../../common/contracts/mentoring.ts';
import type { MentoringPairStatus } from '../../../common/enums.ts';
import type { MessageId } from '../../../common/i18n/message-id.ts';
import { useMentoringOverview } from '../../api/mentoring.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { LoadError, PageLoader } from '../../components/page-states.tsx';
import { dateOnly } from '../../lib/dates.ts';
import { usePersonName } from './person-name.ts';

type Person = MentoringOverview['pairs'][number]['mentor'];

const statusLabels: Record<MentoringPairStatus, MessageId> = {
  requested: 'mentoring.overview.status.requested',
  active: 'mentoring.overview.status.active',
  declined: 'mentoring.overview.status.declined',
  closed: 'mentoring.overview.status.closed',
};

const listStyle = { listStyle: 'none', padding: 0, margin: 0 } as const;

function personLabel(person: Person, name: string): string {
  return person.unit ? `${name} (${person.unit})` : name;
}

function Skills(props: { skills: string[] }) {
  return (
    <Group gap={4} wrap="wrap">
      {props.skills.map((skill) => (
        <Badge key={skill} variant="light" size="sm">
          {skill}
        </Badge>
      ))}
    </Group>
  );
}

/** A titled section of the page, with its own empty sentence. */
function Section(props: { id: string; title: string; empty: string; count: number; children: ReactNode }) {
  return (
    <Card component="section" aria-labelledby={props.id}>
      <Stack gap="sm">
        <Title order={2} size="h3" id={props.id}>
          {props.title}
        </Title>
        {props.count === 0 ? <Text c="dimmed">{props.empty}</Text> : props.children}
      </Stack>
    </Card>
  );
}

/**
 * /coordination/mentoring: the coordinators' pairings page (#18 §2). How mentoring goes across the
 * institution: pairings by status and by skill, the open pairings, wishes no one has taken up and the
 * mentors at their cap. Names, skills and status only; a pair's space stays theirs.
 */
export function MentoringPairingsPage() {
  const { _ } = useLingui();
  const nameOf = usePersonName();
  const overview = useMentoringOverview();
  if (overview.isPending) return <PageLoader label={_('mentoring.overview.loading')} />;
  if (overview.isError) return <LoadError error={overview.error} onRetry={() => void overview.refetch()} />;
  const data = overview.data;
  const statuses = ['requested', 'active', 'declined', 'closed'] as const;
  return (
    <Stack gap="lg" maw={900}>
      <PageHeader
        title={_('mentoring.overview.title')}
        documentTitle={_('mentoring.overview.title')}
        description={_('mentoring.overview.intro')}
      />
      <SimpleGrid cols={{ base: 2, sm: 4 }} component="dl" aria-label={_('mentoring.overview.countsLabel')}>
        {statuses.map((status) => (
          <Card key={status} padding="sm">
            <Text component="dt" size="sm" c="dimmed">
              {_(statusLabels[status])}
            </Text>
            <Text component="dd" m={0} fw={700} size="xl">
              {data.counts[status]}
            </Text>
          </Card>
        ))}
      </SimpleGrid>
      <Section
        id="overview-skills"
        title={_('mentoring.overview.bySkill')}
        empty={_('mentoring.overview.bySkillNone')}
        count={data.bySkill.length}
      >
        <Stack component="ul" gap={4} style={listStyle}>
          {data.bySkill.map((row) => (
            <li key={row.skill}>
              <Text>
                {_('mentoring.overview.skillLine', {
                  skill: row.skill,
                  active: row.active,
                  requested: row.requested,
                })}
              </Text>
            </li>
          ))}
        </Stack>
      </Section>
      <Section
        id="overview-pairs"
        title={_('mentoring.overview.pairs')}
        empty={_('mentoring.overview.pairsNone')}
        count={data.pairs.length}
      >
        <Stack component="ul" gap="sm" style={listStyle}>
          {data.pairs.map((pair) => (
            <li key={pair.id}>
              <Text fw={600}>
                {_('mentoring.overview.pairLine', {
                  mentor: personLabel(pair.mentor, nameOf(pair.mentor)),
                  mentee: personLabel(pair.mentee, nameOf(pair.mentee)),
                })}
              </Text>
              <Group gap="xs" wrap="wrap">
                <Badge variant="outline" size="sm">
                  {_(statusLabels[pair.status])}
                </Badge>
                <Text size="sm" c="dimmed">
                  {_('mentoring.overview.since', { date: dateOnly(pair.since) })}
                </Text>
                <Skills skills={pair.skills} />
              </Group>
            </li>
          ))}
        </Stack>
      </Section>
      <Section
        id="overview-unmatched"
        title={_('mentoring.overview.unmatched')}
        empty={_('mentoring.overview.unmatchedNone')}
        count={data.unmatched.length}
      >
        <Stack component="ul" gap="sm" style={listStyle}>
          {data.unmatched.map((wish) => (
            <li key={wish.person.id}>
              <Text fw={600}>{personLabel(wish.person, nameOf(wish.person))}</Text>
              <Group gap="xs" wrap="wrap">
                <Text size="sm" c="dimmed">
                  {_('mentoring.overview.waitingSince', { date: dateOnly(wish.since) })}
                </Text>
                <Skills skills={wish.skills} />
              </Group>
            </li>
          ))}
        </Stack>
      </Section>
      <Section
        id="overview-full"
        title={_('mentoring.overview.atCap')}
        empty={_('mentoring.overview.atCapNone')}
        count={data.mentorsAtCap.length}
      >
        <Stack component="ul" gap="sm" style={listStyle}>
          {data.mentorsAtCap.map((mentor) => (
            <li key={mentor.person.id}>
              <Text fw={600}>{personLabel(mentor.person, nameOf(mentor.person))}</Text>
              <Group gap="xs" wrap="wrap">
                <Text size="sm" c="dimmed">
                  {_('mentoring.overview.capLine', { count: mentor.activeCount, cap: mentor.cap })}
                </Text>
                <Skills skills={mentor.skills} />
              </Group>
            </li>
          ))}
        </Stack>
      </Section>
    </Stack>
  );
}
