import { AppError } from '../../errors.ts';
import type { Actor } from '../../lib/actor.ts';
import { recordAudit } from '../../queries/audit.ts';
import { deleteSession, listUserSessions } from '../../queries/sessions.ts';
import type { ServiceDeps } from '../context.ts';

/** The short session id people see in their list (never the whole stored id). */
export const shownSessionId = (id: string) => id.slice(0, 16);

/** Ends the current session; recorded in the audit log in the same transaction. */
export async function signOut(deps: ServiceDeps, actor: Actor): Promise<void> {
  await deps.database.db.transaction(async (tx) => {
    if ((await deleteSession(tx, actor.sessionId)) === 0) return;
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'auth.signout',
      subjectType: 'session',
      subjectId: shownSessionId(actor.sessionId),
    });
  });
}

/**
 * Signs out one of the person's other live sessions, by the short id shown in their list (404 when none
 * of their live sessions has it); recorded in the audit log in the same transaction.
 */
export async function revokeSession(
  deps: ServiceDeps,
  actor: Actor,
  shownId: string,
  idleMinutes: number,
): Promise<void> {
  await deps.database.db.transaction(async (tx) => {
    const sessions = await listUserSessions(tx, actor.id, idleMinutes);
    const target = sessions.find((session) => session.id.startsWith(shownId));
    if (!target) throw new AppError('not_found', 'errors.notFound.session');
    await deleteSession(tx, target.id, actor.id);
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'auth.session.revoke',
      subjectType: 'session',
      subjectId: shownSessionId(target.id),
      data: { current: target.id === actor.sessionId },
    });
  });
}
