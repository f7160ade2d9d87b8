import { AppError } from '../../errors.ts';
import { hashPassword } from '../../lib/crypto.ts';
import { insertAdministrator } from '../../queries/accounts.ts';
import { lockInstitutionSetup, updateInstitutionSetupCompleted } from '../../queries/institution-setup.ts';
import { buildPersonSearchDocument } from '../../queries/users.ts';
import type { ServiceDeps } from '../context.ts';
import { refuseWeakPassword } from './new-password.ts';
import { startSession } from './start-session.ts';

export interface BootstrapInput {
  institutionName: string;
  email: string;
  password: string;
  displayName: string;
  ip: string;
  userAgent: string;
}

/**
 * The one-time set-up of a fresh installation: names the institution and creates the first administrator
 * (confirmed, signed in). The settings row is locked, so two simultaneous attempts cannot both succeed.
 */
export async function bootstrapAdministrator(
  deps: ServiceDeps,
  input: BootstrapInput,
): Promise<{ token: string }> {
  const { db } = deps.database;
  refuseWeakPassword('password', input.password, [input.email, input.displayName, input.institutionName]);
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const settings = await lockInstitutionSetup(tx);
    if (!settings || settings.setupCompletedAt) {
      throw new AppError('conflict', 'errors.auth.alreadySetUp');
    }
    const user = await insertAdministrator(tx, {
      email: input.email,
      passwordHash,
      displayName: input.displayName,
      searchDocument: buildPersonSearchDocument({ ...input, interests: [], expertise: [], bio: '' }),
    });
    if (!user) throw new Error('user insert returned nothing');
    await updateInstitutionSetupCompleted(tx, input.institutionName);
    const token = await startSession(tx, {
      userId: user.id,
      ip: input.ip,
      userAgent: input.userAgent,
      method: 'setup',
    });
    return { token };
  });
}
