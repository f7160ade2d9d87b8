import type { GiveKudosInput, Kudos } from '../../../common/contracts/kudos.ts';
import type { KudosSubject } from '../../../common/enums.ts';
import { quoted } from '../../../common/plain-text.ts';
import type { Db } from '../../db/client.ts';
import { AppError, notFound, notFoundAs } from '../../errors.ts';
import type { Actor } from '../../lib/actor.ts';
import { enforce } from '../../policies/decision.ts';
import { mayGiveKudos, mayWithdrawKudos } from '../../policies/kudos.ts';
import {
  deleteKudos,
  findKudos,
  findKudosSubject,
  insertKudos,
  type KudosRow,
  listCommunityKudos,
  listKudosFor,
} from '../../queries/kudos.ts';
import { loadVisibleCommunity } from '../communities/load-community.ts';
import type { ServiceDeps } from '../context.ts';
import { notifyUser, phrase } from '../notifications/notify.ts';
import { unitOfWork } from '../unit-of-work.ts';

/** Where a contribution is, inside Copse. */
function urlOf(type: KudosSubject, id: string, threadId: string | null): string {
  if (type === 'thread') return `/discussions/${id}`;
  if (type === 'post') return `/discussions/${threadId ?? ''}#post-${id}`;
  if (type === 'resource') return `/resources/${id}`;
  return `/meetings/${id}`;
}

function present(row: KudosRow): Kudos {
  return {
    id: row.id,
    giver: row.giver,
    receiver: row.receiver,
    subjectType: row.subjectType,
    subjectId: row.subjectId,
    subjectTitle: row.title,
    url: urlOf(row.subjectType, row.subjectId, row.threadId),
    message: row.message,
    createdAt: row.createdAt.toISOString(),
  };
}

/** The contribution, if the actor may see it (404 otherwise, as for its community). */
async function loadSubject(db: Db, actor: Actor | null, type: KudosSubject, id: string) {
  const subject = await findKudosSubject(db, type, id);
  if (!subject) throw notFound('errors.notFound.contribution');
  const found = await loadVisibleCommunity(db, actor, subject.communityId).catch(
    notFoundAs('errors.notFound.contribution'),
  );
  return { subject, ...found };
}

/**
 * A member thanks the person behind a contribution (a thread or reply, a resource, a meeting they
 * hosted) with a short message; they are told. One from each giver for each contribution.
 */
export async function giveKudos(deps: ServiceDeps, actor: Actor, input: GiveKudosInput): Promise<string> {
  // The check and the write in one transaction: the contribution cannot go away between them.
  return unitOfWork(deps, async (tx, outbox) => {
    const { subject, community, membership } = await loadSubject(
      tx,
      actor,
      input.subjectType,
      input.subjectId,
    );
    if (!subject.receiverId) throw new AppError('conflict', 'errors.kudos.noOne');
    const receiverId = subject.receiverId;
    enforce(mayGiveKudos(actor, community, membership, receiverId));
    const id = await insertKudos(tx, {
      communityId: community.id,
      giverId: actor.id,
      receiverId,
      subjectType: input.subjectType,
      subjectId: input.subjectId,
      message: input.message,
    });
    if (!id) throw new AppError('conflict', 'errors.kudos.already');
    await notifyUser(tx, outbox, deps.env.publicUrl, {
      userId: receiverId,
      kind: 'community.kudos',
      title: phrase('notify.kudos.title', { name: actor.displayName, subject: quoted(subject.title) }),
      body: input.message,
      url: urlOf(input.subjectType, input.subjectId, subject.threadId),
      communityId: community.id,
    });
    return id;
  });
}

/** Takes back kudos one gave. */
export async function withdrawKudos(deps: ServiceDeps, actor: Actor, id: string): Promise<void> {
  await deps.database.db.transaction(async (tx) => {
    const found = await findKudos(tx, id);
    if (!found) throw notFound('errors.notFound.kudos');
    enforce(mayWithdrawKudos(actor, found));
    await deleteKudos(tx, id);
  });
}

/** Kudos for one contribution (a thread: also for its replies), for those who may see it. */
export async function getKudosFor(
  deps: ServiceDeps,
  actor: Actor | null,
  type: KudosSubject,
  id: string,
): Promise<Kudos[]> {
  await loadSubject(deps.database.db, actor, type, id);
  return (await listKudosFor(deps.database.db, type, id)).map(present);
}

/** A community's latest kudos. */
export async function getCommunityKudos(
  deps: ServiceDeps,
  actor: Actor | null,
  slug: string,
): Promise<Kudos[]> {
  const { community } = await loadVisibleCommunity(deps.database.db, actor, slug);
  return (await listCommunityKudos(deps.database.db, community.id, 50)).map(present);
}
