import { dictionary } from '@zxcvbn-ts/language-common';

/** Copse's shortest password (common/fields.ts passwordField): shorter entries of a list never apply. */
const shortest = 12;

/**
 * The common passwords at least as long as Copse's shortest (OWASP ASVS 5.0 V6.2.4): those of the list
 * zxcvbn-ts keeps of the 49,000 most common passwords in breaches ("password1234", "qwertyuiop12").
 */
const common: ReadonlySet<string> = new Set(
  dictionary['passwords-common'].filter((entry) => entry.length >= shortest),
);

/** Letters and digits only, in lower case: "Northfield University!" and "northfield-university" meet. */
const squash = (text: string) => text.toLocaleLowerCase('en').replace(/[^\p{L}\p{N}]/gu, '');

export type PasswordProblem = 'validation.password.common' | 'validation.password.personal';

/**
 * Why a new password is refused, or null. It is one of the common passwords; or, letters and digits
 * only and without the digits at its end, it is one of the words of its context (V6.2.11): the person's
 * email address or its part before the @, their name, the institution's name, or "copse" (so
 * "Northfield University 2026!" is refused at Northfield University, "Northfield2026!" and "northfield
 * reading circle" are not: the whole of one of them, never a part). Only the person's own choices are
 * refused: nothing about a password's composition (V6.2.5).
 */
export function passwordProblem(
  password: string,
  context: readonly (string | null | undefined)[],
): PasswordProblem | null {
  if (common.has(password.toLocaleLowerCase('en'))) return 'validation.password.common';
  const bare = squash(password).replace(/\d+$/, '');
  const words = ['copse', ...context.flatMap((text) => (text ? [text, text.split('@')[0] ?? ''] : []))]
    .map(squash)
    .filter((word) => word.length > 0);
  return words.includes(bare) ? 'validation.password.personal' : null;
}
