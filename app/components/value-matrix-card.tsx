import { useLingui } from '@lingui/react';
import { Anchor, Badge, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import type { MatrixIndicator } from '../../common/contracts/stories.ts';
import type { MessageId } from '../../common/i18n/message-id.ts';
import { useValueMatrix } from '../api/stories.ts';
import { cycleMessages } from '../lib/story-cycles.ts';
import { LoadError, PageLoader } from './page-states.tsx';

/** Each indicator's name and how it is computed (shown beside it). */
const indicatorMessages: Record<MatrixIndicator['key'], { name: MessageId; how: MessageId }> = {
  stories: { name: 'stories.matrix.stories', how: 'stories.matrix.storiesHow' },
  activeMembers: { name: 'stories.matrix.activeMembers', how: 'stories.matrix.activeMembersHow' },
  meetingsAttended: { name: 'stories.matrix.meetingsAttended', how: 'stories.matrix.meetingsAttendedHow' },
  threadsAndReplies: { name: 'stories.matrix.threadsAndReplies', how: 'stories.matrix.threadsAndRepliesHow' },
  resourcesAdded: { name: 'stories.matrix.resourcesAdded', how: 'stories.matrix.resourcesAddedHow' },
  resourcesViewed: { name: 'stories.matrix.resourcesViewed', how: 'stories.matrix.resourcesViewedHow' },
  resourcesUsed: { name: 'stories.matrix.resourcesUsed', how: 'stories.matrix.resourcesUsedHow' },
  actionItemsDone: { name: 'stories.matrix.actionItemsDone', how: 'stories.matrix.actionItemsDoneHow' },
};

/**
 * The value-creation matrix (#17 §2) of a community, self-contained (it loads its own figures): for
 * each of the five cycles, its indicators with how each is computed, next to example stories. For the
 * stories tab and the health dashboard.
 */
export function ValueMatrixCard(props: { slug: string }) {
  const { _ } = useLingui();
  const matrix = useValueMatrix(props.slug);
  return (
    <Card component="section" aria-labelledby="value-matrix-title">
      <Stack gap="md">
        <Stack gap={4}>
          <Title order={2} size="h3" id="value-matrix-title">
            {_('stories.matrix.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {_('stories.matrix.intro', { days: matrix.data?.windowDays ?? 90 })}
          </Text>
        </Stack>
        {matrix.isPending ? (
          <PageLoader label={_('stories.matrix.loading')} />
        ) : matrix.isError ? (
          <LoadError error={matrix.error} onRetry={() => void matrix.refetch()} />
        ) : (
          <Stack gap="md">
            {matrix.data.cycles.map((row) => (
              <section key={row.cycle} aria-labelledby={`matrix-${row.cycle}`} className="value-matrix-row">
                <Title order={3} size="h4" id={`matrix-${row.cycle}`} mb={4}>
                  {_(cycleMessages[row.cycle].name)}
                </Title>
                <Text size="xs" c="dimmed" mb="xs">
                  {_(cycleMessages[row.cycle].question)}
                </Text>
                <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
                  <dl style={{ margin: 0 }}>
                    {row.indicators.map((indicator) => (
                      <div key={indicator.key} style={{ marginBottom: 8 }}>
                        <Text component="dt" size="sm" fw={600}>
                          {_(indicatorMessages[indicator.key].name)}:{' '}
                          <span data-indicator={indicator.key}>{indicator.value}</span>
                        </Text>
                        <Text component="dd" size="xs" c="dimmed" m={0}>
                          {_(indicatorMessages[indicator.key].how)}
                        </Text>
                      </div>
                    ))}
                  </dl>
                  <div>
                    <Text size="sm" fw={600} mb={4}>
                      {_('stories.matrix.examples')}
                    </Text>
                    {row.examples.length === 0 ? (
                      <Text size="sm" c="dimmed">
                        {_('stories.matrix.noExamples')}
                      </Text>
                    ) : (
                      <ul className="row-list">
                        {row.examples.map((example) => (
                          <li key={example.id}>
                            <Stack gap={2} py={4}>
                              <Group gap={6} wrap="wrap">
                                <Anchor
                                  component={Link}
                                  to={`/stories/${example.id}`}
                                  size="sm"
                                  style={{ overflowWrap: 'anywhere' }}
                                >
                                  {example.title}
                                </Anchor>
                                {example.featured ? (
                                  <Badge size="sm" color="amber" variant="light" tt="none">
                                    {_('stories.badge.featured')}
                                  </Badge>
                                ) : null}
                              </Group>
                              <Text size="xs" style={{ overflowWrap: 'anywhere' }}>
                                {example.excerpt}
                              </Text>
                            </Stack>
                          </li>
                        ))}
                      </ul>
                    )}
                  </div>
                </SimpleGrid>
              </section>
            ))}
          </Stack>
        )}
      </Stack>
    </Card>
  );
}
