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

/**
 * Text in typographic double quotes, for titles inside notification and email subjects: quotes already
 * in the text become single quotes (`replied in “About ‘Lesson plan’”`, never nested double quotes),
 * and text longer than `max` characters is cut at a word with an ellipsis, any single quote it opened
 * closed again.
 */
export function quoted(text: string, max = 80): string {
  let inner = text
    .replace(/"([^"]*)"/g, '‘$1’')
    .replace(/“/g, '‘')
    .replace(/”/g, '’')
    .replace(/\s+/g, ' ')
    .trim();
  if (inner.length > max) {
    const cut = inner.slice(0, max - 1);
    const space = cut.lastIndexOf(' ');
    inner = `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.‘-]+$/, '')}…`;
    const opened = (inner.match(/‘/g) ?? []).length;
    const closed = (inner.match(/’/g) ?? []).length;
    if (opened > closed) inner += '’';
  }
  return `“${inner}”`;
}
