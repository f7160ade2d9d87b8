import { describe, expect, it } from 'vitest';
import { person as actor, allowed, decisionCases, refused } from '../test/decisions.ts';
import {
  mayAdministerInstitution,
  mayBackUpInstallation,
  mayEditCharterTemplate,
  mayManageUser,
} from './administration.ts';
import type { Decision } from './decision.ts';
import { mayBrowsePeople, mayEditProfile } from './people.ts';

describe('policies', () => {
  const onlyAdministrators = refused('errors.admin.onlyAdministrators');
  const forbidden = refused('errors.forbidden.generic');
  const cases: [string, Decision, Decision][] = [
    ['anonymous', mayAdministerInstitution(null), onlyAdministrators],
    ['member administers', mayAdministerInstitution(actor('member')), onlyAdministrators],
    ['coordinator administers', mayAdministerInstitution(actor('coordinator')), onlyAdministrators],
    ['administrator administers', mayAdministerInstitution(actor('administrator')), allowed],
    ['administrator manages another', mayManageUser(actor('administrator', 'a'), { id: 'b' }), allowed],
    [
      'administrator manages self',
      mayManageUser(actor('administrator', 'a'), { id: 'a' }),
      refused('errors.admin.notYourself'),
    ],
    ['member manages another', mayManageUser(actor('member', 'a'), { id: 'b' }), onlyAdministrators],
    ['anonymous browses people', mayBrowsePeople(null), forbidden],
    ['member browses people', mayBrowsePeople(actor('member')), allowed],
    ['member edits own profile', mayEditProfile(actor('member', 'a'), { id: 'a' }), allowed],
    ['member edits another profile', mayEditProfile(actor('member', 'a'), { id: 'b' }), forbidden],
    [
      'administrator edits another profile',
      mayEditProfile(actor('administrator', 'a'), { id: 'b' }),
      forbidden,
    ],
    ['administrator edits the charter template', mayEditCharterTemplate(actor('administrator')), allowed],
    [
      'coordinator edits the charter template',
      mayEditCharterTemplate(actor('coordinator')),
      refused('errors.admin.onlyAdministratorsEditTemplate'),
    ],
    ['administrator backs up', mayBackUpInstallation(actor('administrator')), allowed],
    [
      'coordinator backs up',
      mayBackUpInstallation(actor('coordinator')),
      refused('errors.admin.onlyAdministratorsBackUp'),
    ],
    ['anonymous backs up', mayBackUpInstallation(null), refused('errors.admin.onlyAdministratorsBackUp')],
  ];
  it.each(decisionCases(cases))('%s', (_row, actual, expected) => expect(actual).toEqual(expected));
});
