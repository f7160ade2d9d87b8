import type { MatrixIndicator, ValueCycle, ValueMatrix } from '../../../common/contracts/stories.ts';
import { valueCycles } from '../../../common/contracts/stories.ts';
import type { Actor } from '../../lib/actor.ts';
import { excerpt } from '../../lib/excerpt.ts';
import { enforce } from '../../policies/decision.ts';
import { maySeeStories } from '../../policies/stories.ts';
import {
  countMatrixFigures,
  countStoryCycles,
  findStoriesVersion,
  listMatrixExamples,
} from '../../queries/value-matrix.ts';
import { loadVisibleCommunity } from '../communities/load-community.ts';
import type { ServiceDeps } from '../context.ts';
import { cachedFigures } from './figures-cache.ts';

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
 * published stories telling it, activity indicators from the event log over the 90 days up to this
 * minute, and up to two example stories (featured first); kept in memory by what they come from.
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
  // The window ends at the start of the current minute, so its figures are shared for that minute.
  const until = new Date(Math.floor(now.getTime() / 60_000) * 60_000);
  const since = new Date(until.getTime() - matrixWindowDays * 86_400_000);
  const version = await findStoriesVersion(db, community.id);
  const [figures, [stories, examples]] = await Promise.all([
    cachedFigures(`matrix:activity:${community.id}:${until.toISOString()}`, () =>
      countMatrixFigures(db, community.id, since, until),
    ),
    cachedFigures(`matrix:stories:${community.id}:${version}`, () =>
      Promise.all([
        countStoryCycles(db, community.id),
        listMatrixExamples(db, community.id, examplesPerCycle),
      ]),
    ),
  ]);
  return {
    windowDays: matrixWindowDays,
    cycles: valueCycles.map((cycle) => ({
      cycle,
      indicators: [
        { key: 'stories' as const, value: stories[cycle] },
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
