import { isLocale, sourceLocale } from '../../../common/i18n/locales.ts';
import type { Actor } from '../../lib/actor.ts';
import { translate } from '../../lib/i18n.ts';
import { enforce } from '../../policies/decision.ts';
import { mayStartThread } from '../../policies/discussions.ts';
import { setPingThread } from '../../queries/pings.ts';
import type { ServiceDeps } from '../context.ts';
import { openThread } from '../discussions/start-thread.ts';
import { unitOfWork } from '../unit-of-work.ts';
import { loadVisiblePing } from './load-ping.ts';

/**
 * The discussion of a Ping's results (#16 §1): the first person who may start a thread in its community
 * and asks for it starts it (titled with the question, linking back to the Ping, in their language);
 * everyone after is sent to the same thread. Under the Ping's lock, so two at once make one thread.
 */
export async function discussPing(deps: ServiceDeps, actor: Actor, pingId: string): Promise<string> {
  return unitOfWork(deps, async (tx) => {
    const { ping, community, membership } = await loadVisiblePing(tx, actor, pingId, { lock: 'update' });
    if (ping.threadId) return ping.threadId;
    enforce(mayStartThread(actor, community, membership, 'discussion'));
    const locale = isLocale(actor.language) ? actor.language : sourceLocale;
    const threadId = await openThread(tx, actor, community.id, {
      kind: 'discussion',
      title: translate(locale, 'pings.thread.title', { question: ping.question }).slice(0, 200),
      body: translate(locale, 'pings.thread.body', {
        question: ping.question,
        url: `${deps.env.publicUrl}/pings/${ping.id}`,
      }),
    });
    await setPingThread(tx, ping.id, threadId);
    return threadId;
  });
}
