import type { Actor } from '../lib/actor.ts';
import { allowIf, type Decision, deny, firstRefusal } from './decision.ts';

/** A request for a person's data as the download sees it. */
export interface DataExportSubject {
  requestedBy: string | null;
  status: string;
  expiresAt: Date | null;
}

/**
 * Anyone signed in asks for their own data, one request at a time: while one is being prepared,
 * another is refused (409).
 */
export function mayRequestOwnExport(actor: Actor | null, latest: { status: string } | undefined): Decision {
  return firstRefusal(
    allowIf(actor !== null, deny('errors.auth.signIn', 'unauthenticated')),
    allowIf(latest?.status !== 'preparing', deny('errors.dataExport.alreadyPreparing', 'conflict')),
  );
}

/**
 * The download link works for the person who asked (the member, or the administrator of a formal
 * request), signed in: anyone else is told nothing (404), even holding the link.
 */
export function mayDownloadExport(actor: Actor | null, request: DataExportSubject | undefined): Decision {
  return firstRefusal(
    allowIf(actor !== null, deny('errors.auth.signIn', 'unauthenticated')),
    allowIf(
      request !== undefined && request.requestedBy === actor?.id,
      deny('errors.dataExport.notFound', 'not_found'),
    ),
    () => allowIf(request?.status !== 'downloaded', deny('errors.dataExport.downloaded', 'gone')),
    () =>
      allowIf(
        request?.status === 'ready' && request.expiresAt !== null && request.expiresAt > new Date(),
        deny('errors.dataExport.expired', 'gone'),
      ),
  );
}
