import { mentoringLimits } from '../../../common/contracts/mentoring.ts';
import type { Actor } from '../../lib/actor.ts';
import { enforce } from '../../policies/decision.ts';
import { mayTakePartInMentoring } from '../../policies/mentoring.ts';
import { presentMentoringPerson } from '../../presenters/mentoring.ts';
import { suggestMentors } from '../../queries/mentoring.ts';
import type { ServiceDeps } from '../context.ts';

/**
 * Mentors for the member's wish (#18 §2): those sharing most of its skills first, and among equals
 * those from another unit (crossing units is encouraged); a mentor at their cap is not suggested. Each
 * comes with what explains it: the skills shared and whether they are from another unit.
 */
export async function listMentorSuggestions(deps: ServiceDeps, actor: Actor) {
  enforce(mayTakePartInMentoring(actor));
  const rows = await suggestMentors(deps.database.db, actor.id, mentoringLimits.suggestions);
  return rows.map((row) => ({
    mentor: presentMentoringPerson(row),
    sharedSkills: row.shared,
    otherUnit: row.otherUnit,
    openPlaces: row.openPlaces,
    availability: row.availability,
    weekly: row.weekly,
    pending: row.pending,
  }));
}
