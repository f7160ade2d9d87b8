import type { SigninMethod } from '../../../common/audit-actions.ts';
import type { Db } from '../../db/client.ts';
import { hashToken, newToken } from '../../lib/crypto.ts';
import { recordAudit } from '../../queries/audit.ts';
import { insertSession } from '../../queries/sessions.ts';

export interface SessionStart {
  userId: string;
  ip: string;
  userAgent: string;
  /** How the person signed in, for the audit log. */
  method: SigninMethod;
}

/**
 * Opens a new session for a person whose sign-in is complete and answers its token (for the cookie).
 * Every way of signing in ends here; the local ones (password, sign-in link) ask for the second factor
 * before (see second-step.ts), so a sign-in that is already strong elsewhere (single sign-on) does not.
 * The sign-in is recorded in the audit log with the session (same transaction when the caller has one).
 */
export async function startSession(db: Db, start: SessionStart): Promise<string> {
  const token = newToken();
  await insertSession(db, {
    id: hashToken(token),
    userId: start.userId,
    userAgent: start.userAgent.slice(0, 300),
    ip: start.ip,
  });
  await recordAudit(db, {
    actorId: start.userId,
    action: 'auth.signin',
    subjectType: 'user',
    subjectId: start.userId,
    data: { method: start.method, ip: start.ip },
  });
  return token;
}
