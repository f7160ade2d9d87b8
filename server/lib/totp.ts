import { randomInt } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';
import QRCode from 'qrcode';

/** RFC 6238 as every authenticator app reads it: SHA-1, 6 digits, 30-second steps. */
export const totpPeriod = 30;
const totpDigits = 6;

function totpFor(secret: string, label = '', issuer = ''): TOTP {
  return new TOTP({
    issuer,
    label,
    algorithm: 'SHA1',
    digits: totpDigits,
    period: totpPeriod,
    secret: Secret.fromBase32(secret),
  });
}

/** A new random TOTP secret (160 bits, as RFC 4226 recommends), in base32. */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/**
 * The time step a code belongs to, if it is right for now or one step either side (clocks drift);
 * undefined when it is wrong.
 */
export function matchTotpStep(secret: string, code: string, now = Date.now()): number | undefined {
  const delta = totpFor(secret).validate({ token: code, timestamp: now, window: 1 });
  if (delta === null) return undefined;
  return Math.floor(now / 1000 / totpPeriod) + delta;
}

/** The `otpauth://` address an authenticator app reads from the QR code. */
export function totpUri(secret: string, account: string, issuer: string): string {
  return totpFor(secret, account, issuer).toString();
}

/** The QR code of an `otpauth://` address, as an SVG data URL for an `<img>`. */
export async function qrCodeDataUrl(text: string): Promise<string> {
  const svg = await QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
}

/** The secret in groups of four, for typing it into an app by hand. */
export function groupedSecret(secret: string): string {
  return secret.match(/.{1,4}/g)?.join(' ') ?? secret;
}

// Recovery codes: 12 characters of an alphabet without look-alikes (0/O, 1/I/L), 60 bits each.
const recoveryAlphabet = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

/** `count` new recovery codes, written as `XXXX-XXXX-XXXX`. */
export function newRecoveryCodes(count: number): string[] {
  return Array.from({ length: count }, () => {
    const chars = Array.from({ length: 12 }, () => recoveryAlphabet[randomInt(recoveryAlphabet.length)]);
    return [chars.slice(0, 4), chars.slice(4, 8), chars.slice(8)].map((group) => group.join('')).join('-');
  });
}

/** A recovery code as typed (any case, spaces or dashes) in the one form that is hashed. */
export function normalizeRecoveryCode(typed: string): string {
  return typed.toUpperCase().replace(/[^0-9A-Z]/g, '');
}
