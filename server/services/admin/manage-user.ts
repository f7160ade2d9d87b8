import type { UserRole } from '../../../common/enums.ts';
import { AppError, notFound } from '../../errors.ts';
import type { Actor } from '../../lib/actor.ts';
import { mayManageUser } from '../../policies/administration.ts';
import { enforce } from '../../policies/decision.ts';
import { isTwoFactorRequired } from '../../policies/two-factor.ts';
import { recordAudit } from '../../queries/audit.ts';
import { deleteUserSessions } from '../../queries/sessions.ts';
import { hasTwoFactorEnabled } from '../../queries/two-factor.ts';
import { type AccountChanges, findUserForUpdate, updateUserAccount } from '../../queries/user-accounts.ts';
import type { ServiceDeps } from '../context.ts';
import { notifyUser, phrase } from '../notifications/notify.ts';
import { tellCoordinatorsOfLeaderless } from '../succession/leaderless.ts';
import { unitOfWork } from '../unit-of-work.ts';

/**
 * Changes a person's role or suspends / reinstates them. Suspension ends every session at once, and so
 * does a new role that requires two-factor sign-in while the person has none (they set it up at their
 * next sign-in). An administrator cannot change their own account, so the installation always keeps one.
 */
export async function manageUser(
  deps: ServiceDeps,
  actor: Actor,
  userId: string,
  changes: { role?: UserRole | undefined; suspended?: boolean | undefined },
) {
  enforce(mayManageUser(actor, { id: userId }));
  return unitOfWork(deps, async (tx, outbox) => {
    const current = await findUserForUpdate(tx, userId);
    if (!current) throw notFound('errors.notFound.person');
    const set: AccountChanges = {};
    if (changes.role && changes.role !== current.role) set.role = changes.role;
    if (changes.suspended === true && !current.suspendedAt) set.suspendedAt = new Date();
    if (changes.suspended === false && current.suspendedAt) set.suspendedAt = null;
    if (Object.keys(set).length === 0) return current;
    const user = await updateUserAccount(tx, userId, set);
    if (!user) throw new AppError('not_found', 'errors.notFound.person');
    if (set.suspendedAt) {
      await deleteUserSessions(tx, userId);
      await tellCoordinatorsOfLeaderless(tx, outbox, deps.env.publicUrl, userId, current.displayName);
    }
    // A role that requires two-factor sign-in is not used from a session opened without it: the person
    // signs in again and sets it up first.
    if (set.role && isTwoFactorRequired(set.role) && !(await hasTwoFactorEnabled(tx, userId))) {
      await deleteUserSessions(tx, userId);
    }
    if (set.role) {
      await recordAudit(tx, {
        actorId: actor.id,
        action: 'user.role',
        subjectType: 'user',
        subjectId: userId,
        data: { from: current.role, to: set.role },
      });
      await notifyUser(tx, outbox, deps.env.publicUrl, {
        userId,
        kind: 'account.role_changed',
        title: phrase('notify.account.roleChanged.title', { role: set.role }),
        body: phrase('notify.account.roleChanged.body', {
          name: actor.displayName,
          from: current.role,
          role: set.role,
        }),
        url: '/',
      });
    }
    if (set.suspendedAt !== undefined) {
      await recordAudit(tx, {
        actorId: actor.id,
        action: set.suspendedAt ? 'user.suspend' : 'user.reinstate',
        subjectType: 'user',
        subjectId: userId,
      });
    }
    return user;
  });
}
