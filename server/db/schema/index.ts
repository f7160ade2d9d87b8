export * from './accounts.ts';
export * from './communities.ts';
export * from './discussions.ts';
export * from './institution.ts';
export * from './mail.ts';
export * from './meetings.ts';
export * from './notifications.ts';
export * from './system.ts';
