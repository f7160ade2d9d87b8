import { z } from 'zod';
import { erasureModes } from '../enums.ts';

/** How the account goes: `anonymise` keeps contributions under "A former member"; `delete` removes them too. */
export const erasureModeField = z.enum(erasureModes, 'validation.erasure.mode');

/**
 * Settings → Delete account: the mode, the password (an account without one, single sign-on only,
 * signs in again first instead) and the person's email address typed again as the confirmation.
 */
export const eraseAccountBody = z.strictObject({
  mode: erasureModeField,
  password: z.string().max(200).optional(),
  confirmation: z.string().trim().min(1, 'validation.erasure.confirmation').max(320),
});
export type EraseAccountBody = z.infer<typeof eraseAccountBody>;

/** An administrator's erasure on a formal request: the mode and the request's reason (for the audit log). */
export const eraseUserBody = z.strictObject({
  mode: erasureModeField,
  reason: z.string().trim().min(3, 'validation.erasure.reason').max(1000),
});
export type EraseUserBody = z.infer<typeof eraseUserBody>;
