/** A same-site path to return to after signing in; anything else (absolute URLs, "//host") becomes "/". */
export function safeNext(value: string | null): string {
  if (!value?.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return '/';
  return value;
}
