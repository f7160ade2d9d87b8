import { markdownToPlainText } from '../../common/plain-text.ts';
import type { SearchRow } from '../queries/search.ts';
import { escapeExceptMarks } from './communities.ts';
import { presentPersonSummary } from './users.ts';

/** Where a result lives in the web app. */
function urlOf(row: SearchRow): string {
  switch (row.kind) {
    case 'community':
      return `/communities/${row.communitySlug ?? ''}`;
    case 'thread':
      return `/discussions/${row.id}`;
    case 'reply':
      return `/discussions/${row.threadId ?? ''}#post-${row.id}`;
    case 'resource':
      return `/resources/${row.id}`;
    case 'person':
      return `/people/${row.id}`;
  }
}

/** The words of a search as people search matches them: lower case, letters and digits. */
function wordsOf(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0);
}

/** The expertise tags one of the searched words starts a word of (people search matches prefixes). */
function matchedExpertise(expertise: string[], q: string): string[] {
  const searched = wordsOf(q);
  return expertise.filter((tag) => wordsOf(tag).some((word) => searched.some((s) => word.startsWith(s))));
}

/**
 * One search result as the API gives it: the snippet as escaped plain text with only <mark> kept, and
 * for people their card instead of a snippet.
 */
export function presentSearchResult(row: SearchRow, q: string) {
  return {
    kind: row.kind,
    id: row.id,
    title: row.title,
    snippet: escapeExceptMarks(markdownToPlainText(row.snippet)),
    url: urlOf(row),
    community:
      row.communitySlug && row.communityName !== null
        ? { slug: row.communitySlug, name: row.communityName }
        : null,
    rank: row.rank,
    person: row.person
      ? {
          ...presentPersonSummary(row.person.user, row.person.unitName),
          matchedExpertise: matchedExpertise(row.person.user.expertise, q),
        }
      : null,
  };
}
