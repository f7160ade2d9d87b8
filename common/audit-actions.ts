/**
 * Every action the audit log records, in one place: the server's `recordAudit` takes only these names
 * (no free strings at call sites), the admin page shows each with its label, and the search filters by
 * them. Names are stable: rows written under a name keep it, so a name is never renamed or reused.
 * Some older names (`suspend`, `lift_suspension`, `delete_resource`) are kept as they were written.
 */
import type { MessageId } from './i18n/message-id.ts';

/** Action name → the label the admin page shows for it (en/nl/it). */
export const auditActionMessages = {
  // Signing in and out (actor: the person; a failed sign-in has none).
  'auth.signin': 'audit.action.signIn',
  'auth.signin.failed': 'audit.action.signInFailed',
  'auth.signin.throttled': 'audit.action.signInThrottled',
  'auth.signout': 'audit.action.signOut',
  'auth.session.revoke': 'audit.action.sessionRevoke',
  'auth.password.change': 'audit.action.passwordChange',
  'auth.password.reset': 'audit.action.passwordReset',
  'auth.email.change': 'audit.action.emailChange',
  // Two-factor sign-in.
  'user.two_factor.enable': 'admin.audit.action.twoFactorEnable',
  'user.two_factor.disable': 'admin.audit.action.twoFactorDisable',
  'user.two_factor.recovery_codes': 'admin.audit.action.twoFactorRecoveryCodes',
  'user.two_factor.reset': 'admin.audit.action.twoFactorReset',
  // Accounts, by administrators.
  'user.role': 'admin.audit.action.userRole',
  'user.suspend': 'admin.audit.action.userSuspend',
  'user.reinstate': 'admin.audit.action.userReinstate',
  // Communities: roles, removals, suspensions, moderation.
  'community.member.role': 'audit.action.memberRole',
  'community.member.remove': 'audit.action.memberRemove',
  suspend: 'audit.action.communitySuspend',
  lift_suspension: 'audit.action.communitySuspensionLift',
  'moderation.post.hide': 'audit.action.postHide',
  'moderation.post.restore': 'audit.action.postRestore',
  'moderation.report.resolve': 'audit.action.reportResolve',
  delete_resource: 'audit.action.resourceDelete',
  // The institution's settings.
  'institution.update': 'admin.audit.action.institutionUpdate',
  'institution.logo': 'admin.audit.action.institutionLogo',
  'institution.logo_removed': 'admin.audit.action.institutionLogoRemoved',
  'unit.create': 'admin.audit.action.unitCreate',
  'unit.rename': 'admin.audit.action.unitRename',
  'unit.delete': 'admin.audit.action.unitDelete',
  'charter_template.update': 'audit.action.charterTemplateUpdate',
  // Single sign-on.
  'identity_provider.create': 'sso.audit.providerCreate',
  'identity_provider.update': 'sso.audit.providerUpdate',
  'identity_provider.delete': 'sso.audit.providerDelete',
  'institution.sso_only': 'sso.audit.ssoOnly',
  'sso.refused': 'sso.audit.refused',
  // Backups.
  'backup.create': 'admin.audit.action.backupCreate',
  'backup.restore': 'audit.action.backupRestore',
  // A person's own data: exports and erasures (recorded by the account-data use cases).
  'account.export.requested': 'audit.action.exportRequested',
  'account.export.downloaded': 'audit.action.exportDownloaded',
  'account.erasure.requested': 'audit.action.erasureRequested',
  'account.erased': 'audit.action.erased',
} as const satisfies Record<string, MessageId>;

/** The name of an audited action. */
export type AuditAction = keyof typeof auditActionMessages;

/** Every audited action, in the order the admin page lists them. */
export const auditActions = Object.keys(auditActionMessages) as AuditAction[];

/** Whether a stored action name is one of today's (rows are never rewritten, so check before a lookup). */
export function isAuditAction(name: string): name is AuditAction {
  return Object.hasOwn(auditActionMessages, name);
}

/** How a sign-in was made (the `method` of sign-in entries). */
export const signinMethods = [
  'password',
  'signin_link',
  'two_factor',
  'two_factor_enrolment',
  'sso',
  'setup',
] as const;
export type SigninMethod = (typeof signinMethods)[number];
