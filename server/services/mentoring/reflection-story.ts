import type { ReflectionStoryInput } from '../../../common/contracts/mentoring.ts';
import type { Locale } from '../../../common/i18n/locales.ts';
import { AppError } from '../../errors.ts';
import type { Actor } from '../../lib/actor.ts';
import { translate } from '../../lib/i18n.ts';
import { enforce } from '../../policies/decision.ts';
import { mayTellReflection, mayTellReflectionIn } from '../../policies/mentoring.ts';
import { findPair } from '../../queries/mentoring.ts';
import { insertStory } from '../../queries/stories.ts';
import { loadVisibleCommunity } from '../communities/load-community.ts';
import type { ServiceDeps } from '../context.ts';

/**
 * "Turn this into a value story" (#18 §2 with #17 §2): who closed a mentoring pairing with a reflection
 * makes of it a draft story in a community of theirs, the reflection as its immediate value. The draft
 * is theirs alone until they publish it (`publishStory`), so the pair's words leave the pair only when
 * its author decides; nothing is counted as a story recorded before then. One transaction.
 */
export async function turnReflectionIntoStory(
  deps: ServiceDeps,
  actor: Actor,
  pairId: string,
  input: ReflectionStoryInput,
  locale: Locale,
): Promise<string> {
  return deps.database.db.transaction(async (tx) => {
    const pair = await findPair(tx, pairId);
    if (!pair) throw new AppError('not_found', 'mentoring.error.notFound');
    enforce(mayTellReflection(actor, pair));
    const { community, membership } = await loadVisibleCommunity(tx, actor, input.slug);
    enforce(mayTellReflectionIn(actor, community, membership));
    const other = actor.id === pair.mentorId ? pair.mentee : pair.mentor;
    const title =
      input.title ??
      translate(locale, 'mentoring.story.defaultTitle', { name: other.displayName }).slice(0, 120);
    return insertStory(tx, {
      communityId: community.id,
      authorId: actor.id,
      resourceUseId: null,
      status: 'draft',
      title,
      immediate: pair.reflection,
      potential: '',
      applied: '',
      realised: '',
      transformative: '',
    });
  });
}
