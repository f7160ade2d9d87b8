import { describe, expect, it } from 'vitest';
import type { Actor } from '../lib/actor.ts';
import { canAdministerInstitution, canManageUser } from './administration.ts';
import { canBrowsePeople, canEditProfile } from './people.ts';

const actor = (role: Actor['role'], id = 'a'): Actor => ({
  id,
  role,
  email: `${id}@x.test`,
  displayName: id,
  kind: 'staff',
  sessionId: 's',
});

describe('policies', () => {
  const cases: [string, boolean, boolean][] = [
    ['anonymous', canAdministerInstitution(null), false],
    ['member administers', canAdministerInstitution(actor('member')), false],
    ['coordinator administers', canAdministerInstitution(actor('coordinator')), false],
    ['administrator administers', canAdministerInstitution(actor('administrator')), true],
    ['administrator manages another', canManageUser(actor('administrator', 'a'), { id: 'b' }), true],
    ['administrator manages self', canManageUser(actor('administrator', 'a'), { id: 'a' }), false],
    ['member manages another', canManageUser(actor('member', 'a'), { id: 'b' }), false],
    ['anonymous browses people', canBrowsePeople(null), false],
    ['member browses people', canBrowsePeople(actor('member')), true],
    ['member edits own profile', canEditProfile(actor('member', 'a'), { id: 'a' }), true],
    ['member edits another profile', canEditProfile(actor('member', 'a'), { id: 'b' }), false],
    ['administrator edits another profile', canEditProfile(actor('administrator', 'a'), { id: 'b' }), false],
  ];
  it.each(cases)('%s', (_name, actual, expected) => {
    expect(actual).toBe(expected);
  });
});
