import { eq, sql } from 'drizzle-orm';
import type {
  Audience,
  CommunityKind,
  JoinPolicy,
  MeetingFormat,
  MeetingSchedulers,
  Visibility,
} from '../../../common/enums.ts';
import { communities, units } from '../../db/schema/index.ts';
import { fieldError } from '../../errors.ts';
import type { Actor } from '../../lib/actor.ts';
import { mayManageCommunity } from '../../policies/communities.ts';
import { enforce } from '../../policies/decision.ts';
import { buildCommunitySearchDocument, communityColumns } from '../../queries/communities.ts';
import type { ServiceDeps } from '../context.ts';
import { loadVisibleCommunity } from './load-community.ts';

export interface CommunityChanges {
  name?: string | undefined;
  kind?: CommunityKind | undefined;
  purpose?: string | undefined;
  description?: string | undefined;
  intendedMembers?: string | undefined;
  meetingPlan?: string | undefined;
  topics?: string[] | undefined;
  unitId?: string | null | undefined;
  audience?: Audience | undefined;
  format?: MeetingFormat | undefined;
  visibility?: Visibility | undefined;
  joinPolicy?: JoinPolicy | undefined;
  requireGuidelines?: boolean | undefined;
  meetingSchedulers?: MeetingSchedulers | undefined;
}

/** Leaders edit their community's details; the slug stays, so links keep working. */
export async function updateCommunity(
  deps: ServiceDeps,
  actor: Actor,
  slug: string,
  changes: CommunityChanges,
) {
  return deps.database.db.transaction(async (tx) => {
    const { community, membership } = await loadVisibleCommunity(tx, actor, slug, { lock: true });
    enforce(mayManageCommunity(actor, community, membership));
    let unitName: string | null = null;
    const unitId = changes.unitId === undefined ? community.unitId : changes.unitId;
    if (unitId) {
      const [unit] = await tx.select({ name: units.name }).from(units).where(eq(units.id, unitId)).limit(1);
      if (!unit) throw fieldError('unitId', 'errors.units.chooseFromList');
      unitName = unit.name;
    }
    const next = {
      name: changes.name ?? community.name,
      kind: changes.kind ?? community.kind,
      purpose: changes.purpose ?? community.purpose,
      description: changes.description ?? community.description,
      intendedMembers: changes.intendedMembers ?? community.intendedMembers,
      meetingPlan: changes.meetingPlan ?? community.meetingPlan,
      topics: [...new Set(changes.topics ?? community.topics)],
      unitId,
      audience: changes.audience ?? community.audience,
      format: changes.format ?? community.format,
      visibility: changes.visibility ?? community.visibility,
      joinPolicy: changes.joinPolicy ?? community.joinPolicy,
      requireGuidelines: changes.requireGuidelines ?? community.requireGuidelines,
      meetingSchedulers: changes.meetingSchedulers ?? community.meetingSchedulers,
    };
    const [updated] = await tx
      .update(communities)
      .set({ ...next, searchDocument: buildCommunitySearchDocument(next), updatedAt: sql`now()` })
      .where(eq(communities.id, community.id))
      .returning(communityColumns);
    if (!updated) throw new Error('the community disappeared under its lock');
    return { community: updated, unitName };
  });
}
