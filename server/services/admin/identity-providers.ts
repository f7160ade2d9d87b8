import type {
  CreateIdentityProviderInput,
  UpdateIdentityProviderInput,
} from '../../../common/contracts/sso.ts';
import { notFound } from '../../errors.ts';
import type { Actor } from '../../lib/actor.ts';
import { seal, secretKey } from '../../lib/secret-box.ts';
import { enforce } from '../../policies/decision.ts';
import { mayManageIdentityProviders } from '../../policies/sso.ts';
import { recordAudit } from '../../queries/audit.ts';
import {
  deleteIdentityProvider,
  type IdentityProviderRow,
  insertIdentityProvider,
  listIdentityProviders,
  updateIdentityProvider,
} from '../../queries/identities.ts';
import { updateSsoOnly } from '../../queries/institution.ts';
import type { ServiceDeps } from '../context.ts';

/** What the audit log keeps of a provider's settings: everything but the secret. */
function audited(input: Partial<CreateIdentityProviderInput>) {
  const { clientSecret, ...rest } = input;
  return { ...rest, ...(clientSecret === undefined ? {} : { clientSecret: 'changed' }) };
}

/** Every identity provider (administrators). */
export async function listProviders(deps: ServiceDeps, actor: Actor): Promise<IdentityProviderRow[]> {
  enforce(mayManageIdentityProviders(actor));
  return listIdentityProviders(deps.database.db);
}

/** Adds an identity provider; its client secret is sealed before it is stored. */
export async function createProvider(
  deps: ServiceDeps,
  actor: Actor,
  input: CreateIdentityProviderInput,
): Promise<IdentityProviderRow> {
  enforce(mayManageIdentityProviders(actor));
  const { clientSecret, ...settings } = input;
  return deps.database.db.transaction(async (tx) => {
    const row = await insertIdentityProvider(tx, {
      ...settings,
      clientSecretSealed: seal(secretKey(deps.env), clientSecret),
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'identity_provider.create',
      subjectType: 'identity_provider',
      subjectId: row.id,
      data: audited(input),
    });
    return row;
  });
}

/** Changes an identity provider; a client secret left out keeps the saved one. */
export async function updateProvider(
  deps: ServiceDeps,
  actor: Actor,
  id: string,
  input: UpdateIdentityProviderInput,
): Promise<IdentityProviderRow> {
  enforce(mayManageIdentityProviders(actor));
  const { clientSecret, ...settings } = input;
  return deps.database.db.transaction(async (tx) => {
    const row = await updateIdentityProvider(tx, id, {
      ...settings,
      ...(clientSecret === undefined ? {} : { clientSecretSealed: seal(secretKey(deps.env), clientSecret) }),
    });
    if (!row) throw notFound('errors.notFound.identityProvider');
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'identity_provider.update',
      subjectType: 'identity_provider',
      subjectId: id,
      data: audited(input),
    });
    return row;
  });
}

/** Removes an identity provider; people keep their accounts, and its sign-ins under way end. */
export async function removeProvider(deps: ServiceDeps, actor: Actor, id: string): Promise<void> {
  enforce(mayManageIdentityProviders(actor));
  await deps.database.db.transaction(async (tx) => {
    if (!(await deleteIdentityProvider(tx, id))) throw notFound('errors.notFound.identityProvider');
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'identity_provider.delete',
      subjectType: 'identity_provider',
      subjectId: id,
    });
  });
}

/** Turns SSO-only mode on or off (see `maySignInLocally`). */
export async function setSsoOnly(deps: ServiceDeps, actor: Actor, ssoOnly: boolean): Promise<void> {
  enforce(mayManageIdentityProviders(actor));
  await deps.database.db.transaction(async (tx) => {
    await updateSsoOnly(tx, ssoOnly);
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'institution.sso_only',
      subjectType: 'institution',
      data: { ssoOnly },
    });
  });
}
