import type { Actor } from '../lib/actor.ts';

/** Institution settings, units, users, the mailbox and the audit log are for administrators. */
export function canAdministerInstitution(actor: Actor | null): boolean {
  return actor?.role === 'administrator';
}

/** Administrators change roles and suspend people, but never their own account (no self-lockout). */
export function canManageUser(actor: Actor | null, target: { id: string }): boolean {
  return canAdministerInstitution(actor) && actor?.id !== target.id;
}
