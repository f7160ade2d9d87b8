import type { MatrixIndicator, ValueCycle, ValueMatrix } from '../../../common/contracts/stories.ts';
import { valueCycles } from '../../../common/contracts/stories.ts';
import type { Actor } from '../../lib/actor.ts';
import { excerpt } from '../../lib/excerpt.ts';
import { enforce } from '../../policies/decision.ts';
import { maySeeStories } from '../../policies/stories.ts';
import { countMatrixFigures, listMatrixExamples } from '../../queries/value-matrix.ts';
import { loadVisibleCommunity } from '../communities/load-community.ts';
import type { ServiceDeps } from '../context.ts';

/** The activity indicators cover this many days up to now; story counts are all time. */
export const matrixWindowDays = 90;
const examplesPerCycle = 2;

/** Which indicators stand beside each cycle's story count (how each is computed: valueMatrix docs). */
const indicatorsOf: Record<ValueCycle, Exclude<MatrixIndicator['key'], 'stories'>[]> = {
  immediate: ['activeMembers', 'meetingsAttended', 'threadsAndReplies'],
  potential: ['resourcesAdded', 'resourcesViewed'],
  applied: ['resourcesUsed'],
  realised: ['actionItemsDone'],
  transformative: [],
};

/**
 * The value-creation matrix (#17 §2) of a community, for whoever reads its stories: per cycle, the
 * published stories telling it, activity indicators from the event log over the last 90 days, and up to
 * two example stories (featured first).
 */
export async function getValueMatrix(
  deps: ServiceDeps,
  actor: Actor,
  slug: string,
  now = new Date(),
): Promise<ValueMatrix> {
  const { db } = deps.database;
  const { community, membership } = await loadVisibleCommunity(db, actor, slug);
  enforce(maySeeStories(actor, membership));
  const since = new Date(now.getTime() - matrixWindowDays * 86_400_000);
  const [figures, examples] = await Promise.all([
    countMatrixFigures(db, community.id, since, now),
    listMatrixExamples(db, community.id, examplesPerCycle),
  ]);
  return {
    windowDays: matrixWindowDays,
    cycles: valueCycles.map((cycle) => ({
      cycle,
      indicators: [
        { key: 'stories' as const, value: figures.stories[cycle] },
        ...indicatorsOf[cycle].map((key) => ({ key, value: figures[key] })),
      ],
      examples: examples
        .filter((example) => example.cycle === cycle)
        .map((example) => ({
          id: example.id,
          title: example.title,
          excerpt: excerpt(example.excerpt, 160),
          featured: example.featured,
        })),
    })),
  };
}
