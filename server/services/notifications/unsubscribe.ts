import type { z } from 'zod';
import type { unsubscribeLinkSchema } from '../../../common/contracts/unsubscribe.ts';
import { type NotificationKind, notificationKinds } from '../../../common/enums.ts';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../errors.ts';
import {
  findCommunityEmailTarget,
  hasDigestCommunityEmailChoice,
  turnOffCommunityEmailChoices,
  turnOffDigestCommunityEmailChoices,
  upsertCommunityEmailChoice,
} from '../../queries/community-email-preferences.ts';
import {
  listNotificationPreferences,
  turnOffDigestPreferences,
  upsertNotificationPreferences,
} from '../../queries/notifications.ts';
import { findUserById } from '../../queries/users.ts';
import type { ServiceDeps } from '../context.ts';
import { defaultEmailChoice } from './notify.ts';
import { readUnsubscribeToken, type UnsubscribeScope } from './unsubscribe-link.ts';

type UnsubscribeLink = z.infer<typeof unsubscribeLinkSchema>;

/** The kinds a scope turns off: one, or every kind but account security notices (always sent). */
function kindsOf(scope: NotificationKind | 'all'): NotificationKind[] {
  return scope === 'all' ? notificationKinds.filter((kind) => kind !== 'account.security') : [scope];
}

/** `ada@example.edu` → `a••@example.edu`: enough to recognise, not to read off a forwarded email. */
function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at < 1) return '•••';
  return `${email[0]}${'•'.repeat(Math.min(Math.max(at - 1, 2), 6))}${email.slice(at)}`;
}

function invalid(): AppError {
  return new AppError('bad_request', 'errors.unsubscribe.invalid', { token: 'errors.unsubscribe.invalid' });
}

function communityOf(scope: UnsubscribeScope): string | null {
  return scope.startsWith('community:') ? scope.slice('community:'.length) : null;
}

async function openLink(deps: ServiceDeps, token: string) {
  const { db } = deps.database;
  const link = await readUnsubscribeToken(db, token);
  const user = link ? await findUserById(db, link.userId) : undefined;
  // The link is the permission: genuine (signed by this installation) and its person still here.
  if (!link || !user) throw invalid();
  return { link, user };
}

async function present(
  db: Db,
  userId: string,
  email: string,
  scope: UnsubscribeScope,
): Promise<UnsubscribeLink> {
  const masked = maskEmail(email);
  const communityId = communityOf(scope);
  if (communityId) {
    const target = await findCommunityEmailTarget(db, userId, communityId);
    // The community is gone: nothing left to stop.
    if (!target) throw invalid();
    return {
      scope: 'community',
      community: { name: target.name, slug: target.slug },
      email: masked,
      off: target.email === 'off',
    };
  }
  const chosen = new Map((await listNotificationPreferences(db, userId)).map((row) => [row.kind, row.email]));
  const choiceOf = (kind: NotificationKind) => chosen.get(kind) ?? defaultEmailChoice[kind];
  if (scope === 'digest') {
    const digesting =
      notificationKinds.some((kind) => ['daily', 'weekly'].includes(choiceOf(kind))) ||
      (await hasDigestCommunityEmailChoice(db, userId));
    return { scope, community: null, email: masked, off: !digesting };
  }
  const kindScope = scope as NotificationKind | 'all';
  const off = kindsOf(kindScope).every((kind) => choiceOf(kind) === 'off');
  return { scope: kindScope, community: null, email: masked, off };
}

/** What the link would stop (the confirm page shows it): changes nothing, so a mail scanner can open it. */
export async function describeUnsubscribeLink(deps: ServiceDeps, token: string): Promise<UnsubscribeLink> {
  const { link, user } = await openLink(deps, token);
  return present(deps.database.db, user.id, user.email, link.scope);
}

/**
 * Turns the link's emails off without a session: the one-click POST of RFC 8058 or the confirm page's
 * button. One kind; all (every kind but account security, and every community's override); the digests
 * (every daily or weekly choice); or one community (its override set to off). Twice changes nothing more.
 */
export async function applyUnsubscribeLink(deps: ServiceDeps, token: string): Promise<UnsubscribeLink> {
  const { link, user } = await openLink(deps, token);
  const { scope } = link;
  const communityId = communityOf(scope);
  await deps.database.db.transaction(async (db) => {
    if (communityId) {
      if (!(await findCommunityEmailTarget(db, user.id, communityId))) throw invalid();
      await upsertCommunityEmailChoice(db, user.id, communityId, 'off');
    } else if (scope === 'digest') {
      await turnOffDigestPreferences(db, user.id);
      await upsertNotificationPreferences(db, user.id, [{ kind: 'community.digest', email: 'off' }]);
      await turnOffDigestCommunityEmailChoices(db, user.id);
    } else {
      const kindScope = scope as NotificationKind | 'all';
      await upsertNotificationPreferences(
        db,
        user.id,
        kindsOf(kindScope).map((kind) => ({ kind, email: 'off' as const })),
      );
      if (kindScope === 'all') await turnOffCommunityEmailChoices(db, user.id);
    }
  });
  return present(deps.database.db, user.id, user.email, scope);
}
