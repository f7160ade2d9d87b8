import type { MembershipRole } from '../../../common/enums.ts';
import { membershipRoleMessages } from '../../../common/enums.ts';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../lib/actor.ts';
import { hashToken, newToken } from '../../lib/crypto.ts';
import { translate, translator } from '../../lib/i18n.ts';
import { mayManageCommunity } from '../../policies/communities.ts';
import { enforce } from '../../policies/decision.ts';
import type { CommunityRow } from '../../queries/communities.ts';
import { listUsersByEmailWithRole } from '../../queries/community-members.ts';
import { insertInvitations, listPendingInvitationEmails } from '../../queries/invitations.ts';
import { insertNotificationRows } from '../../queries/notifications.ts';
import type { ServiceDeps } from '../context.ts';
import { actionEmail } from '../mail/layout.ts';
import { letterWriter } from '../mail/letterhead.ts';
import { type Outbox, unitOfWork } from '../unit-of-work.ts';
import { loadVisibleCommunity } from './load-community.ts';

export const emailInvitationDays = 14;

export type InvitationOutcome = 'invited' | 'already_member' | 'already_invited';

/** What is already true of each address: a member, or holding a pending invitation. Two queries. */
export async function classifyInvitees(db: Db, communityId: string, emails: string[]) {
  const status = new Map<string, Exclude<InvitationOutcome, 'invited'>>();
  const userIds = new Map<string, string>();
  const languages = new Map<string, string | null>();
  if (emails.length === 0) return { status, userIds, languages };
  const people = await listUsersByEmailWithRole(db, communityId, emails);
  for (const person of people) {
    userIds.set(person.email, person.id);
    languages.set(person.email, person.language);
    if (person.memberRole) status.set(person.email, 'already_member');
  }
  const pending = await listPendingInvitationEmails(db, communityId, emails);
  for (const email of pending) if (email && !status.has(email)) status.set(email, 'already_invited');
  return { status, userIds, languages };
}

/**
 * Invites addresses to a community inside the caller's unit of work: one invitation and one email each
 * (a link through sign-up for people without an account; in the unit's outbox, sent after the commit),
 * an in-app notification for those with one. Members and people already invited are reported, not
 * invited again. `names` (from a cohort file, by lower-case address) are kept as written. Returns the
 * outcome per address.
 */
export async function createEmailInvitations(
  tx: Db,
  outbox: Outbox,
  deps: ServiceDeps,
  actor: Actor,
  community: CommunityRow,
  request: {
    emails: string[];
    role: MembershipRole;
    message: string;
    names?: Map<string, string>;
    /** A project's partner invitation (#18 §4): the email names the project they are invited to. */
    project?: string;
  },
) {
  const emails = [...new Set(request.emails.map((email) => email.toLowerCase()))];
  const { status, userIds, languages } = await classifyInvitees(tx, community.id, emails);
  const toInvite = emails.filter((email) => !status.has(email));
  const expiresAt = new Date(Date.now() + emailInvitationDays * 24 * 60 * 60 * 1000);
  const tokens = toInvite.map(() => newToken());
  if (toInvite.length > 0) {
    await insertInvitations(
      tx,
      toInvite.map((email, index) => ({
        communityId: community.id,
        tokenHash: hashToken(tokens[index] ?? ''),
        email,
        name: request.names?.get(email) ?? '',
        role: request.role,
        invitedBy: actor.id,
        expiresAt,
      })),
    );
  }
  const letterTo = await letterWriter(tx);
  await outbox.emails(
    await Promise.all(
      toInvite.map(async (email, index) => {
        // People without an account yet read the institution's default language.
        const letter = letterTo(languages.get(email));
        const t = translator(letter.locale);
        const names = { inviter: actor.displayName, community: community.name };
        const project = request.project;
        return {
          to: { address: email, userId: userIds.get(email) ?? null },
          content: await actionEmail({
            letter,
            subject: project
              ? t._('email.invitation.projectSubject', { ...names, project })
              : t._('email.invitation.subject', names),
            greeting: t._('email.greeting.anonymous'),
            lines: [
              project
                ? t._('email.invitation.projectLine1', { ...names, project })
                : t._('email.invitation.line1', {
                    ...names,
                    role: t._(membershipRoleMessages[request.role]).toLowerCase(),
                  }),
              ...(project ? [] : [community.purpose]),
              ...(request.message ? [t._('email.invitation.quote', { message: request.message })] : []),
              t._('email.invitation.validity', { days: emailInvitationDays }),
            ],
            action: {
              label: t._('email.invitation.action'),
              url: `${deps.env.publicUrl}/invitations/${tokens[index]}`,
            },
          }),
        };
      }),
    ),
  );
  const existing = toInvite.flatMap((email, index) => {
    const userId = userIds.get(email);
    return userId ? [{ userId, token: tokens[index] ?? '' }] : [];
  });
  if (existing.length > 0) {
    await insertNotificationRows(
      tx,
      existing.map(({ userId, token }) => ({
        userId,
        kind: 'community.invitation',
        title: translate('en', 'notify.invitation.title', {
          name: actor.displayName,
          community: community.name,
        }),
        titleKey: 'notify.invitation.title',
        params: { name: actor.displayName, community: community.name },
        body: community.purpose.slice(0, 300),
        url: `/invitations/${token}`,
      })),
    );
  }
  const results = emails.map((email) => ({ email, status: status.get(email) ?? ('invited' as const) }));
  return { results };
}

/** Leaders invite people by email (existing members of Copse or not). */
export async function inviteByEmail(
  deps: ServiceDeps,
  actor: Actor,
  slug: string,
  request: { emails: string[]; role: MembershipRole; message: string },
) {
  const outcome = await unitOfWork(deps, async (tx, outbox) => {
    const { community, membership } = await loadVisibleCommunity(tx, actor, slug, { lock: true });
    enforce(mayManageCommunity(actor, community, membership));
    return createEmailInvitations(tx, outbox, deps, actor, community, request);
  });
  return outcome.results;
}
