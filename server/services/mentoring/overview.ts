import type { MentoringOverview } from '../../../common/contracts/mentoring.ts';
import type { Actor } from '../../lib/actor.ts';
import { enforce } from '../../policies/decision.ts';
import { maySeePairings } from '../../policies/mentoring.ts';
import { presentMentoringPerson } from '../../presenters/mentoring.ts';
import {
  countOpenPairsBySkill,
  countPairsByStatus,
  listMentorsAtCap,
  listOpenPairings,
  listUnmatchedWishes,
} from '../../queries/mentoring-overview.ts';
import type { ServiceDeps } from '../context.ts';

const iso = (value: Date | string) => new Date(value).toISOString();

/**
 * The coordinators' (and administrators') pairings page (#18 §2): how mentoring goes across the
 * institution, to see where a skill lacks mentors or a wish waits. Only that pairings exist (names,
 * units, skills, status); their space stays the pair's own.
 */
export async function getMentoringOverview(deps: ServiceDeps, actor: Actor): Promise<MentoringOverview> {
  enforce(maySeePairings(actor));
  const db = deps.database.db;
  const [counts, bySkill, pairs, unmatched, full] = await Promise.all([
    countPairsByStatus(db),
    countOpenPairsBySkill(db),
    listOpenPairings(db),
    listUnmatchedWishes(db),
    listMentorsAtCap(db),
  ]);
  return {
    counts,
    bySkill,
    pairs: pairs.map((row) => ({
      id: row.id,
      status: row.status,
      mentor: presentMentoringPerson(row.mentor),
      mentee: presentMentoringPerson(row.mentee),
      skills: row.skills,
      since: iso(row.since),
    })),
    unmatched: unmatched.map((row) => ({
      person: presentMentoringPerson(row.person),
      skills: row.skills,
      since: iso(row.since),
    })),
    mentorsAtCap: full.map((row) => ({
      person: presentMentoringPerson(row.person),
      skills: row.skills,
      cap: row.cap ?? row.activeCount,
      activeCount: row.activeCount,
    })),
  };
}
