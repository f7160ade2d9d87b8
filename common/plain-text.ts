/**
 * Markdown as plain text. By default for excerpts and search snippets: links and images keep their
 * text; emphasis, code, strike-through, heading, quote and list marks go; whitespace is collapsed.
 * With `keepLines`, for plain-text documents such as a calendar event's description: line breaks and
 * paragraphs stay, list items become "• " lines (numbered ones keep their numbers), and links keep
 * their address in brackets after the text. Anything else (including <mark> tags a search put in) is
 * left as it is; escape the result where it is shown.
 */
export function markdownToPlainText(text: string, options: { keepLines?: boolean } = {}): string {
  if (!options.keepLines) {
    return stripInline(text, false)
      .replace(/(^|\n)\s*(#{1,6}|>)\s+/g, '$1')
      .replace(/(^|\n)\s*([-+]|\d+\.)\s+/g, '$1')
      .replace(/\s+/g, ' ')
      .trim();
  }
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  return lines
    .map((line) =>
      stripInline(
        line
          .replace(/^\s*(>\s?)+/, '')
          .replace(/^\s*#{1,6}\s+/, '')
          .replace(/^(\s*)[-+*]\s+/, '$1• '),
        true,
      )
        .replace(/[ \t]+/g, ' ')
        .trimEnd(),
    )
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

function stripInline(text: string, withAddresses: boolean): string {
  return text
    .replace(/!\[([^\]]*)\]\([^)]*\)?/g, '$1')
    .replace(/\[([^\]]*)\]\(([^)\s]*)[^)]*\)?/g, (_, label: string, address: string) =>
      withAddresses && address && address !== label ? `${label} (${address})` : label,
    )
    .replace(/(\*\*|__|\*|`+|~~)/g, '');
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
