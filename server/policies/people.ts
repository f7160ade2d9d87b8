import type { Actor } from '../lib/actor.ts';

/** The people directory and profiles are for signed-in members of the institution. */
export function canBrowsePeople(actor: Actor | null): boolean {
  return actor !== null;
}

/** Everyone edits their own profile. */
export function canEditProfile(actor: Actor | null, person: { id: string }): boolean {
  return actor?.id === person.id;
}
