import { createHmac, timingSafeEqual } from 'node:crypto';
import { type NotificationKind, notificationKinds } from '../../../common/enums.ts';
import type { Db } from '../../db/client.ts';
import { findOrCreateSigningKey } from '../../queries/signing-keys.ts';

/**
 * What an unsubscribe link stops: one kind of notification email, all of them, the digests (every daily
 * or weekly choice), or everything from one community (`community:<id>`, #16 §3).
 */
export type UnsubscribeScope = NotificationKind | 'all' | 'digest' | `community:${string}`;

const scopes = new Set<string>([...notificationKinds, 'all', 'digest']);

/** A community scope is written `c:<32 hex digits>` inside the token, to keep links under 100 characters. */
const communityScope = /^c:[0-9a-f]{32}$/;

function uuidOf(hex: string): string {
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function encodeScope(scope: UnsubscribeScope): string {
  return scope.startsWith('community:') ? `c:${scope.slice('community:'.length).replaceAll('-', '')}` : scope;
}

const purpose = 'unsubscribe';

/** HMAC-SHA-256 cut to 128 bits: a link must fit Fastify's 100-character path parameters. */
function signature(key: string, body: string): Buffer {
  return createHmac('sha256', key).update(body).digest().subarray(0, 16);
}

/**
 * Makes the signer of unsubscribe links: `<payload>.<signature>`, base64url, the payload being the
 * person's id (16 bytes) and the scope's name. They carry no expiry
 * (RFC 8058: a link in an old email still works) and change nothing but email choices, so a signature
 * is all they need; the key is the database's, so every process signs and checks alike.
 */
export async function unsubscribeSigner(
  db: Db,
): Promise<(userId: string, scope: UnsubscribeScope) => string> {
  const key = await findOrCreateSigningKey(db, purpose);
  return (userId, scope) => {
    const id = Buffer.from(userId.replaceAll('-', ''), 'hex');
    const body = Buffer.concat([id, Buffer.from(encodeScope(scope), 'utf8')]).toString('base64url');
    return `${body}.${signature(key, body).toString('base64url')}`;
  };
}

/** The person and scope of a genuine link; undefined for a forged, altered or malformed one. */
export async function readUnsubscribeToken(
  db: Db,
  token: string,
): Promise<{ userId: string; scope: UnsubscribeScope } | undefined> {
  const [body, signed, extra] = token.split('.');
  if (!body || !signed || extra !== undefined) return undefined;
  const expected = signature(await findOrCreateSigningKey(db, purpose), body);
  const given = Buffer.from(signed, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  const bytes = Buffer.from(body, 'base64url');
  const scope = bytes.subarray(16).toString('utf8');
  if (bytes.length <= 16) return undefined;
  const userId = uuidOf(bytes.subarray(0, 16).toString('hex'));
  if (communityScope.test(scope)) return { userId, scope: `community:${uuidOf(scope.slice(2))}` };
  if (!scopes.has(scope)) return undefined;
  return { userId, scope: scope as UnsubscribeScope };
}
