import { z } from 'zod';

/** The token of a pending sign-in's second step, as the sign-in answer gave it. */
const challengeField = z.string().min(10, 'validation.twoFactor.challengeMissing').max(200);

/** A code from an authenticator app: six digits (spaces allowed, as apps show them in two groups). */
export const totpCodeField = z
  .string()
  .transform((value) => value.replace(/\s+/g, ''))
  .pipe(z.string().regex(/^\d{6}$/, 'validation.twoFactor.sixDigits'));

/** A six-digit code or a recovery code (`XXXX-XXXX-XXXX`, any case, dashes and spaces optional). */
export const signinCodeField = z
  .string()
  .max(40, 'validation.twoFactor.codeFormat')
  .transform((value) => value.trim())
  .pipe(
    z
      .string()
      .min(1, 'validation.twoFactor.codeRequired')
      .regex(
        /^(\d[\d\s]{4,8}\d|[0-9A-Za-z][0-9A-Za-z\s-]{10,18}[0-9A-Za-z])$/,
        'validation.twoFactor.codeFormat',
      ),
  );

/**
 * What a sign-in answers: signed in (the session cookie is set), or a second step is needed first: `code`
 * (a code from the app or a recovery code) or `enrol` (this role requires two-factor: set it up now).
 * The challenge is single use and expires at `expiresAt`.
 */
export const signInResultSchema = z.object({
  signedIn: z.boolean(),
  secondStep: z
    .object({
      step: z.enum(['code', 'enrol']),
      challenge: z.string(),
      expiresAt: z.string(),
    })
    .nullable(),
});
export type SignInResult = z.infer<typeof signInResultSchema>;

export const challengeBody = z.strictObject({ challenge: challengeField });
export const challengeCodeBody = z.strictObject({ challenge: challengeField, code: signinCodeField });
export const enrolConfirmBody = z.strictObject({ challenge: challengeField, code: totpCodeField });

/** A new authenticator to add: the QR code (an SVG data URL) and the same secret for typing by hand. */
export const twoFactorSetupSchema = z.object({
  /** The secret in groups of four characters. */
  secret: z.string(),
  otpauthUrl: z.string(),
  qrCode: z.string(),
});

/** Recovery codes, shown once. */
export const recoveryCodesSchema = z.object({ recoveryCodes: z.array(z.string()) });

/** Whether two-factor is on, whether the person's role requires it, how many recovery codes are left. */
export const twoFactorStatusSchema = z.object({
  enabled: z.boolean(),
  required: z.boolean(),
  recoveryCodesLeft: z.number().int(),
});

export const codeBody = z.strictObject({ code: totpCodeField });

/** Turning two-factor off needs the password or a current code (either is enough). */
export const turnOffTwoFactorBody = z
  .strictObject({
    password: z.string().max(200).optional(),
    code: totpCodeField.optional(),
  })
  .superRefine((body, context) => {
    if (!body.password && !body.code) {
      context.addIssue({
        code: 'custom',
        path: ['password'],
        message: 'validation.twoFactor.passwordOrCode',
      });
    }
  });
