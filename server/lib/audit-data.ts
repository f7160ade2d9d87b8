/**
 * What the audit log may keep of an entry's data: keys that look like they hold a secret (a password, a
 * token, a code, a cookie, a hash, a recovery code, a key…) are masked, at any depth, so no call site can
 * write one into the log by mistake. Call sites pass only ids, names, roles and reasons in the first place.
 */
const secretKey =
  /pass(word|phrase)?|pwd|token|secret|code|cookie|hash|recovery|otp|totp|private|api.?key|credential|authori[sz]ation|signature|salt|nonce|verifier|challenge/i;

export const maskedValue = '[redacted]';

/** The data with every secret-looking key's value masked; other values as they are. */
export function withoutSecrets(data: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(data).map(([key, value]) => [key, secretKey.test(key) ? maskedValue : clean(value)]),
  );
}

function clean(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(clean);
  if (value !== null && typeof value === 'object' && !(value instanceof Date))
    return withoutSecrets(value as Record<string, unknown>);
  return value;
}
