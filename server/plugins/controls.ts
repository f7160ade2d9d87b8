/**
 * The security controls a test build may switch off, to show that the tests docs/security.md maps to
 * them fail without them (server/security-controls.test.ts). Only `buildApp`'s second argument switches
 * one off: no environment variable or setting reaches it, `server/main.ts` never passes it, and
 * `buildApp` refuses it when NODE_ENV is production.
 */
export const securityControls = [
  /** Helmet's headers: the CSP, nosniff, frame options, HSTS over https (plugins/security.ts). */
  'security-headers',
  /** The Sec-Fetch-Site / Origin check on every state-changing API call (plugins/security.ts). */
  'cross-site-check',
  /** HttpOnly and SameSite=Lax on the session cookie (plugins/auth.ts). */
  'session-cookie-flags',
  /** `mayPartnerReach`: an external partner reaches only their projects (plugins/auth.ts). */
  'partner-reach',
  /** The 1 MiB limit on a request body (app.ts). */
  'body-limit',
  /** Secrets and anonymous answerers' addresses kept out of the request log (lib/log-redaction.ts). */
  'log-redaction',
] as const;

export type SecurityControl = (typeof securityControls)[number];

/** What a test may ask of `buildApp` beyond its dependencies. */
export interface BuildOptions {
  /** Controls to leave out of this application (tests only). */
  withoutControls?: readonly SecurityControl[];
}

declare module 'fastify' {
  interface FastifyInstance {
    /** The controls this application was built without (empty but in server/security-controls.test.ts). */
    controlsOff: ReadonlySet<SecurityControl>;
  }
}
