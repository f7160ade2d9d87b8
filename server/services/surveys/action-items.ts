import type {
  ActionItem,
  CreateActionItemInput,
  UpdateActionItemInput,
} from '../../../common/contracts/surveys.ts';
import type { Db } from '../../db/client.ts';
import { fieldError, notFound } from '../../errors.ts';
import type { Actor } from '../../lib/actor.ts';
import { enforce, isAllowed } from '../../policies/decision.ts';
import { mayManageActionItems, maySeeActionItems } from '../../policies/surveys.ts';
import {
  deleteActionItem as deleteActionItemRow,
  findActionItem,
  insertActionItem,
  listActionItems as listActionItemRows,
  updateActionItem as updateActionItemRow,
} from '../../queries/action-items.ts';
import { findMemberRole } from '../../queries/community-members.ts';
import { findSurvey } from '../../queries/surveys.ts';
import { loadVisibleCommunity } from '../communities/load-community.ts';
import type { ServiceDeps } from '../context.ts';

const listLimit = 100;

/** The owner must be a member of the community and the check-in one of its own; refused naming the field. */
async function checkLinks(
  db: Db,
  communityId: string,
  input: { ownerId?: string | null; surveyId?: string | null },
) {
  if (input.ownerId && !(await findMemberRole(db, communityId, input.ownerId)))
    throw fieldError('ownerId', 'errors.actionItems.ownerNotMember');
  if (input.surveyId && (await findSurvey(db, input.surveyId))?.communityId !== communityId)
    throw fieldError('surveyId', 'errors.actionItems.otherSurvey');
}

/**
 * A community's action items for its members (and the coordinators): open ones for the community home,
 * done ones with their note for "You said, we did", or all; with whether the actor may manage them.
 */
export async function listActionItems(
  deps: ServiceDeps,
  actor: Actor,
  slug: string,
  status: 'open' | 'done' | 'all',
): Promise<{ items: ActionItem[]; canManage: boolean }> {
  const { db } = deps.database;
  const { community, membership } = await loadVisibleCommunity(db, actor, slug);
  enforce(maySeeActionItems(actor, membership));
  const rows = await listActionItemRows(db, community.id, status, listLimit);
  return {
    canManage: isAllowed(mayManageActionItems(actor, community, membership)),
    items: rows.map(({ item, ownerName, surveyTitle }) => ({
      id: item.id,
      title: item.title,
      owner: item.ownerId && ownerName ? { id: item.ownerId, displayName: ownerName } : null,
      dueOn: item.dueOn,
      status: item.status,
      note: item.note,
      survey: item.surveyId && surveyTitle ? { id: item.surveyId, title: surveyTitle } : null,
      createdAt: item.createdAt.toISOString(),
      doneAt: item.doneAt?.toISOString() ?? null,
    })),
  };
}

/** Records an action item (leaders and coordinators). */
export async function createActionItem(
  deps: ServiceDeps,
  actor: Actor,
  slug: string,
  input: CreateActionItemInput,
): Promise<string> {
  return deps.database.db.transaction(async (tx) => {
    const { community, membership } = await loadVisibleCommunity(tx, actor, slug);
    enforce(mayManageActionItems(actor, community, membership));
    await checkLinks(tx, community.id, input);
    return insertActionItem(tx, {
      communityId: community.id,
      createdBy: actor.id,
      title: input.title,
      ownerId: input.ownerId,
      dueOn: input.dueOn,
      status: input.status,
      note: input.note,
      surveyId: input.surveyId,
      doneAt: input.status === 'done' ? new Date() : null,
    });
  });
}

/** Loads an action item with its community for someone who may manage it (404 when they may not see it). */
async function loadManagedItem(db: Db, actor: Actor, id: string) {
  const item = await findActionItem(db, id);
  if (!item) throw notFound('errors.notFound.actionItem');
  const { community, membership } = await loadVisibleCommunity(db, actor, item.communityId);
  if (!isAllowed(maySeeActionItems(actor, membership))) throw notFound('errors.notFound.actionItem');
  enforce(mayManageActionItems(actor, community, membership));
  return { item, community };
}

/** Changes an action item: its title, owner, due date, status (done records when) or its "what we did" note. */
export async function updateActionItem(
  deps: ServiceDeps,
  actor: Actor,
  id: string,
  input: UpdateActionItemInput,
): Promise<void> {
  await deps.database.db.transaction(async (tx) => {
    const { community } = await loadManagedItem(tx, actor, id);
    await checkLinks(tx, community.id, input);
    await updateActionItemRow(tx, id, input);
  });
}

/** Removes an action item. */
export async function deleteActionItem(deps: ServiceDeps, actor: Actor, id: string): Promise<void> {
  await deps.database.db.transaction(async (tx) => {
    await loadManagedItem(tx, actor, id);
    await deleteActionItemRow(tx, id);
  });
}
