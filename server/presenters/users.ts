import type { UserRow } from '../queries/users.ts';
import { renderMarkdown } from '../services/markdown.ts';

/** The public face of a person: what any signed-in member may see. */
export function presentPerson(user: UserRow, unitName: string | null) {
  return {
    id: user.id,
    displayName: user.displayName,
    pronouns: user.pronouns,
    unit: user.unitId ? { id: user.unitId, name: unitName ?? '' } : null,
    kind: user.kind,
    bio: user.bio,
    bioHtml: renderMarkdown(user.bio),
    interests: user.interests,
    expertise: user.expertise,
    photoUrl: user.photoPath ? `/api/people/${user.id}/photo?v=${user.updatedAt.getTime()}` : null,
    role: user.role,
    joinedAt: user.createdAt.toISOString(),
  };
}

/** The signed-in person's own view: the public face plus private settings. */
export function presentMe(user: UserRow, unitName: string | null) {
  return {
    ...presentPerson(user, unitName),
    email: user.email,
    timeZone: user.timeZone,
    emailVerified: user.emailVerifiedAt !== null,
  };
}

/** What administrators see in the users list. */
export function presentUserForAdmin(user: UserRow, unitName: string | null) {
  return {
    ...presentPerson(user, unitName),
    email: user.email,
    emailVerified: user.emailVerifiedAt !== null,
    suspended: user.suspendedAt !== null,
    suspendedAt: user.suspendedAt?.toISOString() ?? null,
  };
}
