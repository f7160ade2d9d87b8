import { notFound } from '../../errors.ts';
import type { Actor } from '../../lib/actor.ts';
import { enforce } from '../../policies/decision.ts';
import { mayResetTwoFactor } from '../../policies/two-factor.ts';
import { recordAudit } from '../../queries/audit.ts';
import { deleteTwoFactor, deleteUserSigninChallenges } from '../../queries/two-factor.ts';
import { findUserForUpdate } from '../../queries/user-accounts.ts';
import { twoFactorResetEmail } from '../auth/emails.ts';
import type { ServiceDeps } from '../context.ts';
import { letterTo } from '../mail/letterhead.ts';
import { unitOfWork } from '../unit-of-work.ts';

/**
 * An administrator resets someone's two-factor sign-in (a lost phone): their authenticator, recovery codes
 * and pending sign-in steps are deleted, the audit log records it, and the person is emailed (always: it
 * is about their account's security). Their next sign-in needs only the password, or, for a role that
 * requires two-factor, leads to setting it up again.
 */
export async function resetTwoFactor(deps: ServiceDeps, actor: Actor, userId: string): Promise<void> {
  enforce(mayResetTwoFactor(actor, { id: userId }));
  await unitOfWork(deps, async (tx, outbox) => {
    const user = await findUserForUpdate(tx, userId);
    if (!user) throw notFound('errors.notFound.person');
    const wasOn = await deleteTwoFactor(tx, userId);
    await deleteUserSigninChallenges(tx, userId);
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'user.two_factor.reset',
      subjectType: 'user',
      subjectId: userId,
      data: { wasOn },
    });
    await outbox.email(
      { address: user.email, userId },
      await twoFactorResetEmail(
        await letterTo(tx, user.language),
        deps.env.publicUrl,
        user.displayName,
        actor.displayName,
      ),
    );
  });
}
