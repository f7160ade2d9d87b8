import { describe, expect, it } from 'vitest';
import { person as actor, allowed, decisionCases, refused } from '../test/decisions.ts';
import type { Decision } from './decision.ts';
import { isTwoFactorRequired, mayResetTwoFactor, mayTurnOffTwoFactor } from './two-factor.ts';

describe('two-factor policies', () => {
  const required = refused('errors.twoFactor.requiredForRole', 'conflict');
  const onlyAdministrators = refused('errors.admin.onlyAdministrators');
  const cases: [string, Decision, Decision][] = [
    ['anonymous turns off', mayTurnOffTwoFactor(null), refused('errors.auth.signIn', 'unauthenticated')],
    ['member turns off', mayTurnOffTwoFactor(actor('member')), allowed],
    ['coordinator turns off', mayTurnOffTwoFactor(actor('coordinator')), required],
    ['administrator turns off', mayTurnOffTwoFactor(actor('administrator')), required],
    ['administrator resets another', mayResetTwoFactor(actor('administrator', 'a'), { id: 'b' }), allowed],
    [
      'administrator resets own',
      mayResetTwoFactor(actor('administrator', 'a'), { id: 'a' }),
      refused('errors.twoFactor.notYourOwnReset'),
    ],
    [
      'coordinator resets another',
      mayResetTwoFactor(actor('coordinator', 'a'), { id: 'b' }),
      onlyAdministrators,
    ],
    ['member resets another', mayResetTwoFactor(actor('member', 'a'), { id: 'b' }), onlyAdministrators],
    ['anonymous resets', mayResetTwoFactor(null, { id: 'b' }), onlyAdministrators],
  ];
  it.each(decisionCases(cases))('%s', (_row, actual, expected) => expect(actual).toEqual(expected));

  it.each([
    ['administrator', true],
    ['coordinator', true],
    ['member', false],
  ] as const)('requires two-factor of a local %s: %s', (role, expected) => {
    expect(isTwoFactorRequired(role)).toBe(expected);
  });
});
