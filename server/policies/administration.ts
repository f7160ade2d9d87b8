import type { Actor } from '../lib/actor.ts';
import { allowIf, type Decision, deny, firstRefusal } from './decision.ts';

/** Institution settings, units, users, the mailbox and the audit log are for administrators. */
export function mayAdministerInstitution(actor: Actor | null): Decision {
  return allowIf(actor?.role === 'administrator', deny('errors.admin.onlyAdministrators'));
}

/** Administrators change roles and suspend people, but never their own account (no self-lockout). */
export function mayManageUser(actor: Actor | null, target: { id: string }): Decision {
  return firstRefusal(
    mayAdministerInstitution(actor),
    allowIf(actor?.id !== target.id, deny('errors.admin.notYourself')),
  );
}

/** Administrators edit the institution's charter template. */
export function mayEditCharterTemplate(actor: Actor | null): Decision {
  return allowIf(actor?.role === 'administrator', deny('errors.admin.onlyAdministratorsEditTemplate'));
}

/** Administrators see the installation's backups and make one now (they hold everyone's data). */
export function mayBackUpInstallation(actor: Actor | null): Decision {
  return allowIf(actor?.role === 'administrator', deny('errors.admin.onlyAdministratorsBackUp'));
}

/**
 * Administrators erase a person on a formal request, never their own account (that is Settings →
 * Delete account) nor the last active administrator.
 */
export function mayEraseUser(
  actor: Actor | null,
  target: { id: string; role: string },
  facts: { otherAdministrators: number },
): Decision {
  return firstRefusal(
    mayAdministerInstitution(actor),
    allowIf(actor?.id !== target.id, deny('errors.erasure.notYourself')),
    allowIf(
      target.role !== 'administrator' || facts.otherAdministrators > 0,
      deny('errors.erasure.lastAdministrator', 'conflict'),
    ),
  );
}

/**
 * Administrators export a person's data on a formal request (#19): the zip comes to them, with the
 * reason they give recorded in the audit log.
 */
export function mayExportUserData(actor: Actor | null): Decision {
  return allowIf(actor?.role === 'administrator', deny('errors.dataExport.onlyAdministrators'));
}
