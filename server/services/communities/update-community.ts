import type {
  Audience,
  CommunityKind,
  JoinPolicy,
  MeetingFormat,
  MeetingSchedulers,
  Visibility,
} from '../../../common/enums.ts';
import { fieldError } from '../../errors.ts';
import type { Actor } from '../../lib/actor.ts';
import { mayManageCommunity } from '../../policies/communities.ts';
import { enforce } from '../../policies/decision.ts';
import { updateCommunityDetails } from '../../queries/communities.ts';
import { findUnitName } from '../../queries/institution.ts';
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
      const name = await findUnitName(tx, unitId);
      if (name === undefined) throw fieldError('unitId', 'errors.units.chooseFromList');
      unitName = name;
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
    const updated = await updateCommunityDetails(tx, community.id, next);
    if (!updated) throw new Error('the community disappeared under its lock');
    return { community: updated, unitName };
  });
}
