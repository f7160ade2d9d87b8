/**
 * Markdown as plain text for excerpts and search snippets: links and images keep their text;
 * emphasis, code, strike-through, heading, quote and list marks go; whitespace is collapsed. Anything
 * else (including <mark> tags a search put in) is left as it is; escape the result where it is shown.
 */
export function markdownToPlainText(text: string): string {
  return text
    .replace(/!?\[([^\]]*)\]\([^)]*\)?/g, '$1')
    .replace(/(\*\*|__|\*|`+|~~)/g, '')
    .replace(/(^|\n)\s*(#{1,6}|>|[-+]|\d+\.)\s+/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}
