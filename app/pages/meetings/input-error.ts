import type { ReactNode } from 'react';

/**
 * A field's error (`field(path).error` of useApiForm) as the meetings pages' own inputs take it
 * (MarkdownField, MemberSelect): its text, or the invalid state alone. The forms only ever set text.
 */
export function errorText(error: ReactNode): string | boolean | undefined {
  return typeof error === 'string' || typeof error === 'boolean' ? error : undefined;
}
