import type {
  Audience,
  CommunityKind,
  CommunityStage,
  JoinPolicy,
  MeetingFormat,
  Visibility,
} from '../../../common/enums.ts';
import type { MessageId } from '../../../common/i18n/message-id.ts';
import type { Db } from '../../db/client.ts';
import { insertCharterVersion, insertStageChange } from '../../queries/charters.ts';
import { insertCommunity, listSlugsLike, slugify } from '../../queries/communities.ts';
import { insertMembers } from '../../queries/community-members.ts';
import { charterTemplateSections } from '../admin/charter-template.ts';

export interface NewCommunity {
  name: string;
  kind: CommunityKind;
  purpose: string;
  description?: string;
  intendedMembers?: string;
  meetingPlan?: string;
  topics: string[];
  unitId: string | null;
  audience: Audience;
  format: MeetingFormat;
  visibility: Visibility;
  joinPolicy: JoinPolicy;
  requireGuidelines?: boolean;
  stage?: CommunityStage;
  /** Objectives go into the first charter's objectives section. */
  objectives?: string;
  /** The first is the leader; the rest co-leaders. */
  leaderIds: string[];
  createdBy: string;
}

/** A free slug from the name: "assessment-practice", then "assessment-practice-2", … */
async function freeSlug(db: Db, name: string): Promise<string> {
  const base = slugify(name);
  const used = new Set(await listSlugsLike(db, base));
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) if (!used.has(`${base}-${n}`)) return `${base}-${n}`;
}

/**
 * Creates a community with its leadership team, its first charter (the institution's template, with
 * the proposal's objectives) and the first entry of its stage history. Runs inside the caller's
 * transaction (approving a proposal, or the demo seed).
 */
export async function createCommunity(tx: Db, input: NewCommunity) {
  const [leaderId, ...coLeaderIds] = input.leaderIds;
  if (!leaderId) throw new Error('a community needs a leader');
  const stage = input.stage ?? 'coalescing';
  const insert = async (slug: string) =>
    insertCommunity(tx, {
      slug,
      name: input.name,
      kind: input.kind,
      purpose: input.purpose,
      description: input.description ?? '',
      intendedMembers: input.intendedMembers ?? '',
      meetingPlan: input.meetingPlan ?? '',
      topics: input.topics,
      unitId: input.unitId,
      audience: input.audience,
      format: input.format,
      visibility: input.visibility,
      joinPolicy: input.joinPolicy,
      requireGuidelines: input.requireGuidelines ?? false,
      stage,
      memberCount: input.leaderIds.length,
    });
  // Two communities of the same name created at the same instant both find the same free slug; the
  // unique index lets one in and the other takes the next free one.
  let community = await insert(await freeSlug(tx, input.name));
  for (let attempt = 0; !community && attempt < 5; attempt++) {
    community = await insert(await freeSlug(tx, input.name));
  }
  if (!community) throw new Error('the community was not created');
  await insertMembers(tx, [
    { communityId: community.id, userId: leaderId, role: 'leader' as const },
    ...coLeaderIds.map((userId) => ({ communityId: community.id, userId, role: 'co_leader' as const })),
  ]);
  const sections: Record<string, string> = { ...(await charterTemplateSections(tx)) };
  if (input.objectives?.trim()) sections.objectives = input.objectives.trim();
  await insertCharterVersion(tx, {
    communityId: community.id,
    version: 1,
    sections,
    note: 'communities.note.fromTemplate' satisfies MessageId,
    editedBy: input.createdBy,
  });
  await insertStageChange(tx, {
    communityId: community.id,
    fromStage: null,
    toStage: stage,
    note: 'communities.note.created' satisfies MessageId,
    changedBy: input.createdBy,
  });
  return community;
}
