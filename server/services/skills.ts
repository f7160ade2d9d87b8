import type { Db } from '../db/client.ts';
import { fieldError, message } from '../errors.ts';
import { findUnknownSkills } from '../queries/mentoring.ts';

/**
 * Skills named for mentoring or a skill-building session are expertise tags someone in the institution
 * has (what the skills pickers offer): an unknown one is refused on the `skills` field, by name. `kept`
 * are let through (a session's own skills, whose last expert may have left since).
 */
export async function refuseUnknownSkills(
  db: Db,
  skills: readonly string[],
  kept: readonly string[] = [],
): Promise<void> {
  const unknown = await findUnknownSkills(
    db,
    skills.filter((skill) => !kept.includes(skill)),
  );
  if (unknown.length > 0)
    throw fieldError('skills', message('mentoring.validation.unknownSkills', { skills: unknown.join(', ') }));
}
