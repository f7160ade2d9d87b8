import { generateKeyPairSync, type KeyObject, sign } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider, { type Context } from 'oidc-provider';

/** How the next token response's ID token is tampered with, as an attacker between the two would. */
export type Tamper =
  | { kind: 'claims'; change: (claims: Record<string, unknown>) => Record<string, unknown> }
  | { kind: 'foreignKey' };

/** A real OpenID provider (oidc-provider) on a loopback port, for the tests. */
export interface TestIdentityProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Who the next login at this provider is, and the claims it gives. */
  loginAs(subject: string, claims: Record<string, unknown>): void;
  /** Tampers with the next token response (then stops). */
  tamperNext(tamper: Tamper): void;
  close(): Promise<void>;
}

// P-256 keys (ES256): made in a millisecond, where RSA keys took most of a second each.
function signingKey(kid: string) {
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  return { privateKey, jwk: { ...privateKey.export({ format: 'jwk' }), kid, alg: 'ES256', use: 'sig' } };
}

function resign(
  idToken: string,
  key: KeyObject,
  change: (claims: Record<string, unknown>) => Record<string, unknown>,
) {
  const [header, payload] = idToken.split('.');
  if (!header || !payload) throw new Error('not a JWT');
  const claims = change(JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')));
  const body = `${header}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}`;
  return `${body}.${sign('sha256', Buffer.from(body), { key, dsaEncoding: 'ieee-p1363' }).toString('base64url')}`;
}

/**
 * Starts an OpenID provider on 127.0.0.1 with one confidential client whose redirect URI is
 * `redirectUri`. Logging in needs no form: the interaction logs in whoever `loginAs` named, and the
 * client is granted the scopes it asks for (no consent screen).
 */
export async function startTestIdentityProvider(options: {
  redirectUri: string;
  postLogoutRedirectUri: string;
  clientId?: string;
}): Promise<TestIdentityProvider> {
  const signing = signingKey('test-key');
  const foreign = signingKey('test-key');
  const clientId = options.clientId ?? 'copse';
  const clientSecret = 'a-test-client-secret-that-is-long-enough';
  const accounts = new Map<string, Record<string, unknown>>();
  let current = 'nobody';
  let tamper: Tamper | null = null;

  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [options.redirectUri],
        post_logout_redirect_uris: [options.postLogoutRedirectUri],
        token_endpoint_auth_method: 'client_secret_post',
        id_token_signed_response_alg: 'ES256',
      },
    ],
    jwks: { keys: [signing.jwk] },
    cookies: { keys: ['a-test-cookie-key'] },
    ttl: {
      Interaction: 600,
      Grant: 600,
      Session: 600,
      AccessToken: 600,
      IdToken: 600,
      AuthorizationCode: 60,
    },
    claims: {
      openid: ['sub'],
      email: ['email', 'email_verified'],
      profile: ['name'],
      institution: ['department', 'affiliation'],
    },
    scopes: ['openid', 'email', 'profile', 'institution'],
    features: { devInteractions: { enabled: false }, rpInitiatedLogout: { enabled: true } },
    interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
    findAccount: (_ctx: unknown, sub: string) => ({
      accountId: sub,
      claims: () => ({ sub, ...accounts.get(sub) }),
    }),
    // Every client is granted what it asks for: no consent screen.
    loadExistingGrant: async (ctx: Context) => {
      const accountId = ctx.oidc.session?.accountId;
      const client = ctx.oidc.client?.clientId;
      if (!accountId || !client) return undefined;
      const grant = new provider.Grant({ accountId, clientId: client });
      grant.addOIDCScope('openid email profile institution');
      await grant.save();
      return grant;
    },
  });
  const handle = provider.callback();

  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    if (req.url?.startsWith('/interaction/')) {
      void provider.interactionFinished(
        req,
        res,
        { login: { accountId: current } },
        { mergeWithLastSubmission: false },
      );
      return;
    }
    if (req.method === 'POST' && req.url === '/token' && tamper) {
      const change = tamper;
      tamper = null;
      const end = res.end.bind(res);
      res.end = ((chunk?: unknown) => {
        const body = JSON.parse(String(chunk)) as { id_token?: string };
        if (body.id_token) {
          body.id_token =
            change.kind === 'foreignKey'
              ? resign(body.id_token, foreign.privateKey, (claims) => claims)
              : resign(body.id_token, signing.privateKey, change.change);
        }
        const text = JSON.stringify(body);
        res.setHeader('content-length', Buffer.byteLength(text));
        return end(text);
      }) as typeof res.end;
    }
    handle(req, res);
  });

  return {
    issuer,
    clientId,
    clientSecret,
    loginAs(subject, claims) {
      current = subject;
      accounts.set(subject, claims);
    },
    tamperNext(next) {
      tamper = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A tiny cookie jar: enough for the provider's own interaction cookies. */
function jar() {
  const cookies = new Map<string, string>();
  return {
    take(response: Response) {
      for (const line of response.headers.getSetCookie()) {
        const [pair = ''] = line.split(';');
        const at = pair.indexOf('=');
        const name = pair.slice(0, at);
        const value = pair.slice(at + 1);
        if (!value || /expires=Thu, 01 Jan 1970/i.test(line)) cookies.delete(name);
        else cookies.set(name, value);
      }
    },
    header: () => [...cookies].map(([name, value]) => `${name}=${value}`).join('; '),
  };
}

/**
 * Follows the provider's redirects from an authorization address, as a browser would, until it sends
 * the browser back to `returnTo`; answers that address (with the code and state).
 */
export async function followProvider(authorizationUrl: string, returnTo: string): Promise<string> {
  const cookies = jar();
  let url = authorizationUrl;
  for (let hop = 0; hop < 10; hop++) {
    const response = await fetch(url, { redirect: 'manual', headers: { cookie: cookies.header() } });
    cookies.take(response);
    const location = response.headers.get('location');
    if (!location)
      throw new Error(`the provider answered ${response.status} at ${url}: ${await response.text()}`);
    url = new URL(location, url).toString();
    if (url.startsWith(returnTo)) return url;
  }
  throw new Error('the provider never sent the browser back');
}
