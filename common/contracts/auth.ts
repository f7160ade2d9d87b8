import { z } from 'zod';
import { displayNameField, emailField, institutionNameField, passwordField } from '../fields.ts';

export const signUpBody = z.strictObject({
  email: emailField,
  password: passwordField,
  displayName: displayNameField,
});
export const signInBody = z.strictObject({
  email: emailField,
  password: z.string().min(1, 'validation.password.required').max(200),
});
export const tokenBody = z.strictObject({
  token: z.string().min(10, 'validation.token.incomplete').max(200),
});
export const emailBody = z.strictObject({ email: emailField });
export const completeResetBody = z.strictObject({
  token: z.string().min(10).max(200),
  password: passwordField,
});
export const changePasswordBody = z.strictObject({
  currentPassword: z.string().min(1, 'validation.password.currentRequired').max(200),
  newPassword: passwordField,
});
export const setupBody = z.strictObject({
  institutionName: institutionNameField,
  email: emailField,
  password: passwordField,
  displayName: displayNameField,
});
export const sessionSchema = z.object({
  id: z.string(),
  userAgent: z.string(),
  ip: z.string(),
  createdAt: z.string(),
  lastSeenAt: z.string(),
  current: z.boolean(),
});

/** One of your sessions, by the id the list shows (its first 16 hex digits). */
export const sessionParams = z.object({
  id: z.string().regex(/^[0-9a-f]{16}$/, 'validation.session.fromList'),
});

/** How long the current session has left if no other request comes (the idle time-out). */
export const sessionStatusSchema = z.object({
  idleExpiresAt: z.string(),
  idleMinutes: z.number().int(),
});
