import type { Actor } from '../lib/actor.ts';
import { allowIf, type Decision, deny } from './decision.ts';

/** The people directory and profiles are for signed-in members of the institution. */
export function mayBrowsePeople(actor: Actor | null): Decision {
  return allowIf(actor !== null, deny('errors.forbidden.generic'));
}

/** Everyone edits their own profile. */
export function mayEditProfile(actor: Actor | null, person: { id: string }): Decision {
  return allowIf(actor?.id === person.id, deny('errors.forbidden.generic'));
}
