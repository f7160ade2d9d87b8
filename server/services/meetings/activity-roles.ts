import { defaultActivityRoles } from '../../../common/enums.ts';
import type { Db } from '../../db/client.ts';
import { fieldError, message, notFound } from '../../errors.ts';
import type { Actor } from '../../lib/actor.ts';
import { enforce } from '../../policies/decision.ts';
import { mayManageActivityRoles } from '../../policies/meetings.ts';
import {
  deleteActivityRole,
  insertActivityRole,
  listCustomActivityRoles,
} from '../../queries/meeting-roles.ts';
import { loadVisibleCommunity } from '../communities/load-community.ts';
import type { ServiceDeps } from '../context.ts';

export interface ActivityRole {
  id: string | null;
  name: string;
  custom: boolean;
}

/** A community's activity roles: the default ones (facilitator, note-taker, host), then its own. */
export async function listActivityRoles(db: Db, communityId: string): Promise<ActivityRole[]> {
  const custom = await listCustomActivityRoles(db, communityId);
  return [
    ...defaultActivityRoles.map((name) => ({ id: null, name, custom: false })),
    ...custom.map((row) => ({ ...row, custom: true })),
  ];
}

/** The role's name as the community spells it, or a field error when the community has no such role. */
export async function resolveActivityRole(db: Db, communityId: string, name: string): Promise<string> {
  const roles = await listActivityRoles(db, communityId);
  const found = roles.find((role) => role.name.toLowerCase() === name.trim().toLowerCase());
  if (!found) {
    throw fieldError(
      'role',
      message('errors.meetings.noSuchRole', { name, roles: roles.map((r) => r.name).join(', ') }),
    );
  }
  return found.name;
}

/** Leaders add an activity role of their own (names are unique, defaults included). */
export async function addActivityRole(deps: ServiceDeps, actor: Actor, slug: string, name: string) {
  return deps.database.db.transaction(async (tx) => {
    const { community, membership } = await loadVisibleCommunity(tx, actor, slug, { lock: true });
    enforce(mayManageActivityRoles(actor, community, membership));
    const existing = await listActivityRoles(tx, community.id);
    if (existing.some((role) => role.name.toLowerCase() === name.toLowerCase())) {
      throw fieldError('name', 'errors.meetings.roleExists', 'conflict');
    }
    const created = await insertActivityRole(tx, community.id, name);
    return { id: created?.id ?? null, name, custom: true };
  });
}

/** Leaders remove one of their own roles (past assignments keep the name they had). */
export async function removeActivityRole(deps: ServiceDeps, actor: Actor, slug: string, roleId: string) {
  await deps.database.db.transaction(async (tx) => {
    const { community, membership } = await loadVisibleCommunity(tx, actor, slug);
    enforce(mayManageActivityRoles(actor, community, membership));
    if (!(await deleteActivityRole(tx, community.id, roleId))) throw notFound('errors.notFound.role');
  });
}
