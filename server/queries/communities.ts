/** Turns a name into a URL slug: lower case ASCII letters, digits and hyphens, at most 60 characters. */
export function slugify(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/g, '');
  return slug || 'community';
}

/**
 * The text the directory search indexes besides the name (which the `search` column weighs highest):
 * purpose, topics and description.
 */
export function buildCommunitySearchDocument(community: {
  purpose: string;
  description?: string;
  topics: string[];
}): string {
  return [community.purpose, community.topics.join(' '), community.description ?? '']
    .join('\n')
    .slice(0, 20_000);
}
