import { AppError, type ErrorText } from '../errors.ts';

/**
 * How a refused request is answered: 401 (signing in would help), 403, 404 (the actor may not know the
 * thing exists), 409 (the thing's state refuses it, whoever asks) or 410 (it is gone for good: a
 * one-time link used or expired).
 */
export type RefusalCode = 'unauthenticated' | 'forbidden' | 'not_found' | 'conflict' | 'gone';

/**
 * What a policy decides about one action: allowed, or refused with the code and the message the
 * person sees ("This community is archived."). Services enforce decisions with `enforce`; the
 * abilities sent to the web app are `isAllowed` of the same decisions, so the button shown and the
 * answer given never disagree.
 */
export type Decision =
  | { readonly allowed: true }
  | { readonly allowed: false; readonly code: RefusalCode; readonly message: ErrorText };

export const allow: Decision = Object.freeze({ allowed: true });

/** A refusal (403 unless `code` says otherwise) with the message that says why. */
export function deny(message: ErrorText, code: RefusalCode = 'forbidden'): Decision {
  return { allowed: false, code, message };
}

/** A refusal answered as 404, for things the actor may not know exist. */
export function conceal(message: ErrorText = 'errors.notFound.generic'): Decision {
  return deny(message, 'not_found');
}

/** `allow` when `condition` holds, else `refusal`. */
export function allowIf(condition: boolean, refusal: Decision | (() => Decision)): Decision {
  if (condition) return allow;
  return typeof refusal === 'function' ? refusal() : refusal;
}

/** The first refusal among `decisions` (checked in order), or `allow`. */
export function firstRefusal(...decisions: (Decision | (() => Decision))[]): Decision {
  for (const entry of decisions) {
    const decision = typeof entry === 'function' ? entry() : entry;
    if (!decision.allowed) return decision;
  }
  return allow;
}

export function isAllowed(decision: Decision): boolean {
  return decision.allowed;
}

/** The one place a decision is enforced: a refusal becomes the AppError the API answers with. */
export function enforce(decision: Decision): void {
  if (!decision.allowed) throw new AppError(decision.code, decision.message);
}
