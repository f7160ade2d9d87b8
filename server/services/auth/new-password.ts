import { fieldError } from '../../errors.ts';
import { passwordProblem } from '../../lib/password-rules.ts';

/**
 * Refuses a new password that is one of the common ones or a word of its context (the person's email
 * address, their name, the institution's name: server/lib/password-rules.ts), naming `field`.
 */
export function refuseWeakPassword(
  field: string,
  password: string,
  context: readonly (string | null | undefined)[],
): void {
  const problem = passwordProblem(password, context);
  if (problem) throw fieldError(field, problem);
}
