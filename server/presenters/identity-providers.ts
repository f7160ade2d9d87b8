import type { IdentityProviderRow } from '../queries/identities.ts';

/** A provider for administrators, by allow-list: never the client secret, sealed or not. */
export function presentIdentityProvider(row: IdentityProviderRow, redirectUri: string) {
  return {
    id: row.id,
    name: row.name,
    issuer: row.issuer,
    clientId: row.clientId,
    clientSecretSet: row.clientSecretSealed.length > 0,
    scopes: row.scopes,
    nameClaim: row.nameClaim,
    emailClaim: row.emailClaim,
    unitClaim: row.unitClaim,
    unitMap: row.unitMap,
    kindClaim: row.kindClaim,
    kindMap: row.kindMap,
    defaultKind: row.defaultKind,
    enabled: row.enabled,
    redirectUri,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
