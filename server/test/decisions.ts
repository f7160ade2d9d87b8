import type { PersonKind } from '../../common/enums.ts';
import type { MessageId } from '../../common/i18n/message-id.ts';
import type { Actor } from '../lib/actor.ts';
import type { CommunitySubject, MembershipSubject } from '../policies/communities.ts';
import type { Decision, RefusalCode } from '../policies/decision.ts';

/**
 * The shared parts of the policy tables (server/policies/*.test.ts): actors, communities and
 * memberships, the expected decisions written out as the API answers them (not built with the
 * policy module's own helpers), and the loop that checks every row of a table.
 */

export const person = (role: Actor['role'], id = 'a', kind: PersonKind = 'staff'): Actor => ({
  id,
  role,
  email: `${id}@x.test`,
  displayName: id,
  kind,
  sessionId: 's',
});

/** The actors of the tables: a member of the institution (id 'me'), an external guest, and the staff roles. */
export const me = person('member', 'me');
export const external = person('member', 'x', 'external');
export const coordinator = person('coordinator', 'c');
export const administrator = person('administrator', 'ad');

export const active: CommunitySubject = { visibility: 'institution', stage: 'maturing', joinPolicy: 'open' };
export const archived: CommunitySubject = { ...active, stage: 'archived' };
export const privateOne: CommunitySubject = { ...active, visibility: 'private' };

export const leader: MembershipSubject = { role: 'leader' };
export const coLeader: MembershipSubject = { role: 'co_leader' };
export const sponsor: MembershipSubject = { role: 'sponsor' };
export const member: MembershipSubject = { role: 'member' };
export const guest: MembershipSubject = { role: 'guest' };
export const suspendedMember: MembershipSubject = { role: 'member', suspended: true };
export const suspendedLeader: MembershipSubject = { role: 'co_leader', suspended: true };

export const allowed: Decision = { allowed: true };

/** A refusal as the API answers it: the code (403 unless said) and the message id. */
export function refused(message: MessageId, code: RefusalCode = 'forbidden'): Decision {
  return { allowed: false, code, message };
}

/** The refusals every write in a community can meet before its own rule. */
export const archivedRefusal = refused('errors.communities.archived');
export const suspendedRefusal = refused('errors.communities.suspended');
/** What a write for those who manage the community says to anyone else. */
export const onlyManagers = refused('errors.communities.onlyManagers');

/**
 * One row of a table: who asks, in which community, as what member (then whatever else the decision is
 * given, `More`), and what they are answered (one expected decision a decision checked, `Expected`).
 */
export type Row<
  Community extends CommunitySubject = CommunitySubject,
  More extends unknown[] = [],
  Expected extends Decision[] = [expected: Decision],
> = [
  name: string,
  actor: Actor | null,
  community: Community,
  membership: MembershipSubject,
  ...More,
  ...Expected,
];

/** A decision on the actor, the community and the actor's membership (the shape of most `may…`). */
export type Decide = (
  actor: Actor | null,
  community: CommunitySubject,
  membership: MembershipSubject,
) => Decision;

type Decider<Args extends unknown[]> = (...args: Args) => Decision;

/** The decisions of one row, by the name of the `decide` that made each (in a row's own order). */
export type Decisions = Record<string, Decision>;

/**
 * The cases of a table, one a row of `rows`, for `it.each`: the row's name (its first cell), what each
 * `decide` answers when called with the cells after the name, and what the row expects of it. A row
 * ends with one expected decision a `decide`, in the same order. With no `decide`, each row holds a
 * decision already made: [name, decision, expected].
 *
 *     it.each(decisionCases(rows, maySeeCommunity))('%s', (_row, actual, expected) =>
 *       expect(actual).toEqual(expected));
 */
export function decisionCases(
  rows: readonly [name: string, actual: Decision, expected: Decision][],
): [string, Decisions, Decisions][];
export function decisionCases<Args extends unknown[]>(
  rows: readonly [string, ...Args, Decision][],
  decide: Decider<Args>,
): [string, Decisions, Decisions][];
export function decisionCases<Args extends unknown[]>(
  rows: readonly [string, ...Args, Decision, Decision][],
  decide: Decider<Args>,
  decideToo: Decider<Args>,
): [string, Decisions, Decisions][];
export function decisionCases<Args extends unknown[]>(
  rows: readonly [string, ...Args, Decision, Decision, Decision][],
  decide: Decider<Args>,
  decideToo: Decider<Args>,
  decideAlso: Decider<Args>,
): [string, Decisions, Decisions][];
export function decisionCases(
  rows: readonly (readonly unknown[])[],
  ...decide: Decider<unknown[]>[]
): [string, Decisions, Decisions][] {
  const deciders: Decider<unknown[]>[] = decide.length > 0 ? decide : [(made) => made as Decision];
  return rows.map((row) => {
    const args = row.slice(1, row.length - deciders.length);
    const expectedCells = row.slice(row.length - deciders.length) as Decision[];
    const actual: Decisions = {};
    const expected: Decisions = {};
    deciders.forEach((decider, index) => {
      const name = decider.name || `decision ${index + 1}`;
      actual[name] = decider(...args);
      expected[name] = expectedCells[index] as Decision;
    });
    return [String(row[0]), actual, expected];
  });
}
