import type { CommunityEmail, CommunityEmailInput } from '../../../common/contracts/digests.ts';
import type { Actor } from '../../lib/actor.ts';
import { enforce } from '../../policies/decision.ts';
import { mayChooseCommunityEmail } from '../../policies/digests.ts';
import {
  deleteCommunityEmailChoice,
  findCommunityEmailChoice,
  listCommunityEmailChoices,
  upsertCommunityEmailChoice,
} from '../../queries/community-email-preferences.ts';
import { loadVisibleCommunity } from '../communities/load-community.ts';
import type { ServiceDeps } from '../context.ts';

/** Every community the actor belongs to, with their email choice for it (Settings → Notifications). */
export async function listCommunityEmails(deps: ServiceDeps, actor: Actor): Promise<CommunityEmail[]> {
  return listCommunityEmailChoices(deps.database.db, actor.id);
}

async function loadChoosable(deps: ServiceDeps, actor: Actor, slug: string) {
  const found = await loadVisibleCommunity(deps.database.db, actor, slug);
  enforce(mayChooseCommunityEmail(actor, found.membership));
  return found.community;
}

/** The actor's choice for one community they belong to (the community page's control). */
export async function getCommunityEmail(
  deps: ServiceDeps,
  actor: Actor,
  slug: string,
): Promise<CommunityEmail> {
  const community = await loadChoosable(deps, actor, slug);
  const email = (await findCommunityEmailChoice(deps.database.db, actor.id, community.id)) ?? null;
  return { communityId: community.id, slug: community.slug, name: community.name, email };
}

/**
 * Sets how one community's email reaches the actor: at once, in the daily or weekly digest, or not at all
 * (`default`: their per-kind choices apply again). Members only, suspended ones included.
 */
export async function setCommunityEmail(
  deps: ServiceDeps,
  actor: Actor,
  slug: string,
  input: CommunityEmailInput,
): Promise<CommunityEmail> {
  const community = await loadChoosable(deps, actor, slug);
  const { db } = deps.database;
  if (input.email === 'default') await deleteCommunityEmailChoice(db, actor.id, community.id);
  else await upsertCommunityEmailChoice(db, actor.id, community.id, input.email);
  const email = input.email === 'default' ? null : input.email;
  return { communityId: community.id, slug: community.slug, name: community.name, email };
}
