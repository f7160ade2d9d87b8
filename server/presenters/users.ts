import { renderMarkdown } from '../../common/markdown.ts';
import type { ProfileRow } from '../queries/users.ts';

/** The columns a person's card needs (see `personSummaryColumns` in queries/people.ts). */
export type PersonSummaryRow = Pick<
  ProfileRow,
  'id' | 'displayName' | 'pronouns' | 'unitId' | 'kind' | 'interests' | 'expertise' | 'photoPath' | 'role'
> & { updatedAt: Date; createdAt: Date };

/** A person in a list: their card, without the bio (lists never render Markdown per row). */
export function presentPersonSummary(user: PersonSummaryRow, unitName: string | null) {
  return {
    id: user.id,
    displayName: user.displayName,
    pronouns: user.pronouns,
    unit: user.unitId ? { id: user.unitId, name: unitName ?? '' } : null,
    kind: user.kind,
    interests: user.interests,
    expertise: user.expertise,
    photoUrl: user.photoPath ? `/api/people/${user.id}/photo?v=${user.updatedAt.getTime()}` : null,
    role: user.role,
    joinedAt: user.createdAt.toISOString(),
  };
}

/** The public face of a person: what any signed-in member may see on their profile. */
export function presentPerson(user: ProfileRow, unitName: string | null) {
  return {
    ...presentPersonSummary(user, unitName),
    bio: user.bio,
    bioHtml: renderMarkdown(user.bio),
  };
}

/** The signed-in person's own view: the public face plus private settings. */
export function presentMe(user: ProfileRow, unitName: string | null, confinedToProjects: boolean) {
  return {
    ...presentPerson(user, unitName),
    email: user.email,
    timeZone: user.timeZone,
    language: user.language,
    remindDayBefore: user.remindDayBefore,
    remindHourBefore: user.remindHourBefore,
    showBadges: user.showBadges,
    emailVerified: user.emailVerifiedAt !== null,
    confinedToProjects,
  };
}

/** What administrators see in the users list. */
export function presentUserForAdmin(user: ProfileRow, unitName: string | null, twoFactor: boolean) {
  return {
    ...presentPerson(user, unitName),
    email: user.email,
    emailVerified: user.emailVerifiedAt !== null,
    suspended: user.suspendedAt !== null,
    suspendedAt: user.suspendedAt?.toISOString() ?? null,
    twoFactor,
  };
}
