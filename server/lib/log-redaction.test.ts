import { describe, expect, it } from 'vitest';
import { redactUrl } from './log-redaction.ts';

describe('redactUrl', () => {
  it.each([
    ['/reset-password?token=abc123', '/reset-password?token=[redacted]'],
    ['/confirm-email?token=abc&next=%2Fhome', '/confirm-email?token=[redacted]&next=%2Fhome'],
    [
      '/api/auth/sso/callback?code=xyz&state=s1&iss=https%3A%2F%2Fidp',
      '/api/auth/sso/callback?code=[redacted]&state=[redacted]&iss=https%3A%2F%2Fidp',
    ],
    ['/unsubscribe/AbC.dEf', '/unsubscribe/[redacted]'],
    ['/api/unsubscribe/AbC.dEf', '/api/unsubscribe/[redacted]'],
    ['/api/communities?q=token', '/api/communities?q=token'],
    ['/unsubscribe/', '/unsubscribe/'],
  ])('%s → %s', (url, expected) => {
    expect(redactUrl(url)).toBe(expected);
  });
});
