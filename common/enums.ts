/** Enumerations shared by the server and the web app. */
export const userRoles = ['administrator', 'coordinator', 'member'] as const;
export type UserRole = (typeof userRoles)[number];

export const personKinds = ['staff', 'student', 'external'] as const;
export type PersonKind = (typeof personKinds)[number];

export const emailChoices = ['immediately', 'off'] as const;
export type EmailChoice = (typeof emailChoices)[number];

/** Every kind of notification; later capabilities add theirs here. */
export const notificationKinds = ['account.security', 'account.role_changed', 'admin.announcement'] as const;
export type NotificationKind = (typeof notificationKinds)[number];

export const notificationKindLabels: Record<NotificationKind, string> = {
  'account.security': 'Account security (sign-ins, password changes)',
  'account.role_changed': 'Changes to your role',
  'admin.announcement': 'Announcements from the administrators',
};

export const mailStatuses = ['queued', 'sent', 'stored', 'failed'] as const;
export type MailStatus = (typeof mailStatuses)[number];
