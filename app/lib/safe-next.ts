/** A same-site path to return to after signing in; anything else (absolute URLs, "//host") becomes "/". */
export function safeNext(value: string | null): string {
  if (!value?.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return '/';
  return value;
}

/** `path` with `?next=` added when there is somewhere (other than home) to come back to. */
export function withNext(path: string, next: string | null): string {
  const target = safeNext(next);
  return target === '/' ? path : `${path}?next=${encodeURIComponent(target)}`;
}

const afterSignUpKey = 'copse.nextAfterSignUp';

/**
 * Remembers where a newcomer was going when they signed up (an invitation, a community), so that the
 * confirmation link, opened later and often in another tab, can lead them back there after signing in.
 */
export function rememberNextAfterSignUp(next: string | null): void {
  try {
    const target = safeNext(next);
    if (target === '/') localStorage.removeItem(afterSignUpKey);
    else localStorage.setItem(afterSignUpKey, target);
  } catch {
    // Storage can be unavailable (private mode): the newcomer simply lands on the home page.
  }
}

/** Where the newcomer was going when they signed up in this browser, if anywhere. */
export function nextAfterSignUp(): string | null {
  try {
    const stored = localStorage.getItem(afterSignUpKey);
    return stored ? safeNext(stored) : null;
  } catch {
    return null;
  }
}

/** Forgets it once they are on their way. */
export function forgetNextAfterSignUp(): void {
  try {
    localStorage.removeItem(afterSignUpKey);
  } catch {
    // Nothing to forget.
  }
}
