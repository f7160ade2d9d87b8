import type { z } from 'zod';
import type { unsubscribeLinkSchema } from '../../../common/contracts/unsubscribe.ts';
import { type NotificationKind, notificationKinds } from '../../../common/enums.ts';
import { AppError } from '../../errors.ts';
import { listNotificationPreferences, upsertNotificationPreferences } from '../../queries/notifications.ts';
import { findUserById } from '../../queries/users.ts';
import type { ServiceDeps } from '../context.ts';
import { defaultEmailChoice } from './notify.ts';
import { readUnsubscribeToken, type UnsubscribeScope } from './unsubscribe-link.ts';

type UnsubscribeLink = z.infer<typeof unsubscribeLinkSchema>;

/** The kinds a scope turns off: one, or every kind but account security notices (always sent). */
function kindsOf(scope: UnsubscribeScope): NotificationKind[] {
  return scope === 'all' ? notificationKinds.filter((kind) => kind !== 'account.security') : [scope];
}

/** `ada@example.edu` → `a••@example.edu`: enough to recognise, not to read off a forwarded email. */
function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at < 1) return '•••';
  return `${email[0]}${'•'.repeat(Math.min(Math.max(at - 1, 2), 6))}${email.slice(at)}`;
}

async function openLink(deps: ServiceDeps, token: string) {
  const { db } = deps.database;
  const link = await readUnsubscribeToken(db, token);
  const user = link ? await findUserById(db, link.userId) : undefined;
  // The link is the permission: genuine (signed by this installation) and its person still here.
  if (!link || !user)
    throw new AppError('bad_request', 'errors.unsubscribe.invalid', { token: 'errors.unsubscribe.invalid' });
  return { link, user };
}

async function present(deps: ServiceDeps, userId: string, email: string, scope: UnsubscribeScope) {
  const chosen = new Map(
    (await listNotificationPreferences(deps.database.db, userId)).map((row) => [row.kind, row.email]),
  );
  const off = kindsOf(scope).every((kind) => (chosen.get(kind) ?? defaultEmailChoice[kind]) === 'off');
  return { scope, email: maskEmail(email), off } satisfies UnsubscribeLink;
}

/** What the link would stop (the confirm page shows it): changes nothing, so a mail scanner can open it. */
export async function describeUnsubscribeLink(deps: ServiceDeps, token: string): Promise<UnsubscribeLink> {
  const { link, user } = await openLink(deps, token);
  return present(deps, user.id, user.email, link.scope);
}

/**
 * Turns the link's emails off (one kind, or all but account security), without a session: the one-click
 * POST of RFC 8058 or the confirm page's button. Doing it twice changes nothing more.
 */
export async function applyUnsubscribeLink(deps: ServiceDeps, token: string): Promise<UnsubscribeLink> {
  const { link, user } = await openLink(deps, token);
  await upsertNotificationPreferences(
    deps.database.db,
    user.id,
    kindsOf(link.scope).map((kind) => ({ kind, email: 'off' as const })),
  );
  return present(deps, user.id, user.email, link.scope);
}
