import { z } from 'zod';
import { personKinds } from '../enums.ts';
import { unitNameField } from '../fields.ts';

/** A claim's name as a provider spells it (`name`, `preferred_username`, `extension_department`…). */
const claimField = z
  .string()
  .trim()
  .max(100)
  .regex(/^[A-Za-z0-9_.:/-]*$/, 'validation.sso.claim');
const requiredClaimField = claimField.min(1, 'validation.sso.claimRequired');
const claimValueField = z.string().trim().min(1).max(200);

export const identityProviderFields = {
  name: z.string().trim().min(2, 'validation.sso.nameRequired').max(80),
  /** The issuer; its discovery document is `<issuer>/.well-known/openid-configuration`. */
  issuer: z
    .string()
    .trim()
    .max(500)
    .pipe(z.url({ protocol: /^https?$/, error: 'validation.sso.issuer' })),
  clientId: z.string().trim().min(1, 'validation.sso.clientIdRequired').max(300),
  clientSecret: z.string().min(1, 'validation.sso.clientSecretRequired').max(2000),
  scopes: z
    .string()
    .trim()
    .max(300)
    .regex(/^[\x21\x23-\x5B\x5D-\x7E]+( [\x21\x23-\x5B\x5D-\x7E]+)*$/, 'validation.sso.scopes')
    .refine((scopes) => scopes.split(' ').includes('openid'), 'validation.sso.scopesOpenid'),
  nameClaim: requiredClaimField,
  emailClaim: requiredClaimField,
  unitClaim: claimField,
  /** Claim value → unit name; a value not listed is looked up as a unit name. */
  unitMap: z.record(claimValueField, unitNameField).refine((map) => Object.keys(map).length <= 200),
  kindClaim: claimField,
  /** Claim value → kind of person; a value not listed gives `defaultKind`. */
  kindMap: z.record(claimValueField, z.enum(personKinds)).refine((map) => Object.keys(map).length <= 50),
  defaultKind: z.enum(personKinds),
  enabled: z.boolean(),
};

export const createIdentityProviderBody = z.strictObject({
  ...identityProviderFields,
  scopes: identityProviderFields.scopes.default('openid email profile'),
  nameClaim: identityProviderFields.nameClaim.default('name'),
  emailClaim: identityProviderFields.emailClaim.default('email'),
  unitClaim: identityProviderFields.unitClaim.default(''),
  unitMap: identityProviderFields.unitMap.default({}),
  kindClaim: identityProviderFields.kindClaim.default(''),
  kindMap: identityProviderFields.kindMap.default({}),
  defaultKind: identityProviderFields.defaultKind.default('staff'),
  enabled: identityProviderFields.enabled.default(true),
});
export type CreateIdentityProviderInput = z.infer<typeof createIdentityProviderBody>;

/** Every field may change; a client secret left out keeps the one saved. */
export const updateIdentityProviderBody = z
  .strictObject(identityProviderFields)
  .partial()
  .refine((body) => Object.keys(body).length > 0, 'validation.sso.nothingToChange');
export type UpdateIdentityProviderInput = z.infer<typeof updateIdentityProviderBody>;

/** A provider as administrators see it: never its client secret. */
export const identityProviderSchema = z.object({
  id: z.string(),
  name: z.string(),
  issuer: z.string(),
  clientId: z.string(),
  clientSecretSet: z.boolean(),
  scopes: z.string(),
  nameClaim: z.string(),
  emailClaim: z.string(),
  unitClaim: z.string(),
  unitMap: z.record(z.string(), z.string()),
  kindClaim: z.string(),
  kindMap: z.record(z.string(), z.enum(personKinds)),
  defaultKind: z.enum(personKinds),
  enabled: z.boolean(),
  /** The address to register at the provider as the redirect (callback) URI. */
  redirectUri: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const ssoSettingsSchema = z.object({ ssoOnly: z.boolean() });
export const ssoSettingsBody = z.strictObject({ ssoOnly: z.boolean() });

/** What the sign-in page needs: the enabled providers' buttons, and whether local sign-in is limited. */
export const ssoOptionsSchema = z.object({
  providers: z.array(z.object({ id: z.string(), name: z.string() })),
  ssoOnly: z.boolean(),
});

export const ssoStartQuery = z.strictObject({
  /** Where to go after signing in: a path on this site. */
  next: z
    .string()
    .max(500)
    .regex(/^\/(?![/\\])[^\s\\]*$/, 'validation.sso.next')
    .optional(),
});

/** What the provider sends back (RFC 6749 §4.1.2, OpenID Connect Core §3.1.2.5–6). */
export const ssoCallbackQuery = z.object({
  code: z.string().max(2000).optional(),
  state: z.string().max(500).optional(),
  iss: z.string().max(500).optional(),
  session_state: z.string().max(500).optional(),
  error: z.string().max(200).optional(),
  error_description: z.string().max(1000).optional(),
});

/** A provider's identity waiting to be linked to the account with its email address. */
export const ssoPendingLinkSchema = z.object({
  providerName: z.string(),
  email: z.string(),
  hasPassword: z.boolean(),
});
export const ssoLinkPasswordBody = z.strictObject({
  password: z.string().min(1, 'validation.password.required').max(200),
});

/** A provider linked to your account (the profile page). */
export const linkedIdentitySchema = z.object({
  id: z.string(),
  providerName: z.string().nullable(),
  issuer: z.string(),
  linkedAt: z.string(),
  lastUsedAt: z.string(),
});

export const signOutSchema = z.object({
  ok: z.literal(true),
  /** Where to go to end the provider's session as well (single log-out), when it offers one. */
  endSessionUrl: z.string().nullable(),
});
