import { type PingAnswerInput, pingLimits } from '../../../common/contracts/pings.ts';
import type { Db } from '../../db/client.ts';
import { fieldError } from '../../errors.ts';
import type { Actor } from '../../lib/actor.ts';
import { enforce } from '../../policies/decision.ts';
import { mayAnswerPing } from '../../policies/pings.ts';
import { recordActivity } from '../../queries/activity.ts';
import {
  deletePingAnswerLinksOf,
  incrementPingAnswerCount,
  insertAnonymousPingAnswer,
  markNamedPingAnswered,
  markPingRecipientAnswered,
  type PingRow,
  summarisePingAnswers,
  updatePingSnapshot,
  upsertPingAnswer,
} from '../../queries/pings.ts';
import type { ServiceDeps } from '../context.ts';
import { loadVisiblePing } from './load-ping.ts';

/** The answer as stored: a choice's index for a question with choices, text for an open one. */
export function checkPingAnswer(ping: PingRow, input: PingAnswerInput) {
  if (ping.kind === 'choice') {
    if (input.text !== undefined) throw fieldError('text', 'errors.pings.answerChoice');
    if (input.choice === undefined) throw fieldError('choice', 'errors.pings.answerChoice');
    if (input.choice >= ping.choices.length) throw fieldError('choice', 'errors.pings.choiceOutOfRange');
    return { choice: input.choice, text: null };
  }
  if (input.choice !== undefined) throw fieldError('choice', 'errors.pings.answerText');
  if (input.text === undefined) throw fieldError('text', 'errors.pings.answerText');
  return { choice: null, text: input.text };
}

/**
 * Stores a recipient's answer, under the Ping's lock (the caller has decided they may). Not anonymous:
 * the answer with its person, replaced by a later one. Anonymous: the recipient is marked as having
 * answered (the day only) and, apart from that, an answer with no person is added; every fifth answer
 * publishes the results. The recipient's answer links are then spent. The event log gets the answer
 * (anonymous: without the person, on the day only).
 */
export async function storePingAnswer(
  tx: Db,
  ping: PingRow,
  userId: string,
  answer: { choice: number | null; text: string | null },
): Promise<void> {
  if (ping.anonymous) {
    const first = await markPingRecipientAnswered(tx, ping.id, userId, true);
    if (first) await incrementPingAnswerCount(tx, ping.id);
    const count = await insertAnonymousPingAnswer(tx, { pingId: ping.id, ...answer });
    if (count % pingLimits.anonymousBatch === 0) {
      await updatePingSnapshot(
        tx,
        ping.id,
        await summarisePingAnswers(tx, ping.id, true, ping.choices.length),
      );
    }
    await deletePingAnswerLinksOf(tx, ping.id, userId);
  } else {
    await upsertPingAnswer(tx, { pingId: ping.id, userId, ...answer });
  }
  await recordActivity(tx, {
    communityId: ping.communityId,
    actorId: ping.anonymous ? null : userId,
    kind: 'ping.answered',
    subjectType: 'ping',
    subjectId: ping.id,
    coarse: ping.anonymous,
  });
  // Last, as answers share the Ping's lock: the count's UPDATE holds its row until the commit, so
  // first answers queue only for this statement's time.
  if (!ping.anonymous) await markNamedPingAnswered(tx, ping.id, userId);
}

/** A recipient answers (or, not anonymous, changes their answer) while the Ping is open. */
export async function answerPing(
  deps: ServiceDeps,
  actor: Actor,
  pingId: string,
  input: PingAnswerInput,
): Promise<void> {
  await deps.database.db.transaction(async (tx) => {
    const { ping, community, membership, subject } = await loadVisiblePing(tx, actor, pingId, {
      lock: 'answer',
    });
    enforce(mayAnswerPing(actor, community, membership, subject));
    await storePingAnswer(tx, ping, actor.id, checkPingAnswer(ping, input));
  });
}
