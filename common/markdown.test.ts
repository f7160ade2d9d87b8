import { describe, expect, it } from 'vitest';
import { renderMarkdown } from './markdown.ts';

/**
 * Markdown written by members must never run script in a reader's page (issue #5): a corpus of XSS
 * payloads, rendered, then checked by what the HTML contains — only harmless tags, no event-handler
 * attributes, and links and images only to http(s), mailto or relative addresses.
 */
const payloads = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<svg onload=alert(1)>',
  '<iframe src="https://evil.example"></iframe>',
  '<a href="javascript:alert(1)">click</a>',
  '<style>body{display:none}</style>',
  '"><script>alert(1)</script>',
  '[click](javascript:alert(1))',
  '[click](JaVaScRiPt:alert(1))',
  '[click](  javascript:alert(1))',
  '[click](javascript&#58;alert(1))',
  '[click](&#106;avascript:alert(1))',
  '[click](jav\tascript:alert(1))',
  '[click](vbscript:msgbox(1))',
  '[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '[click](file:///etc/passwd)',
  '![img](javascript:alert(1))',
  '![img](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)',
  '<javascript:alert(1)>',
  '[x]: javascript:alert(1)\n\n[click][x]',
  '[click](https://example.org" onclick="alert(1))',
  '`<script>alert(1)</script>`',
  '<details open ontoggle=alert(1)>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '[<img src=x onerror=alert(1)>](https://example.org)',
];

const allowedTags = new Set([
  'p',
  'a',
  'em',
  'strong',
  'code',
  'pre',
  'ul',
  'ol',
  'li',
  'blockquote',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'hr',
  'br',
  'img',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  's',
]);
const safeUrl = /^(https?:\/\/|mailto:|\/|#)/i;

/** Every problem in a piece of rendered HTML. */
function problemsIn(html: string): string[] {
  const problems: string[] = [];
  for (const [, tag] of html.matchAll(/<\/?([a-zA-Z][a-zA-Z0-9]*)/g)) {
    if (tag && !allowedTags.has(tag.toLowerCase())) problems.push(`tag <${tag}>`);
  }
  for (const [, attribute] of html.matchAll(/<[^>]*\s(on[a-z]+)\s*=/gi))
    problems.push(`attribute ${attribute}`);
  for (const [, , url] of html.matchAll(/\s(href|src)="([^"]*)"/gi)) {
    if (url !== undefined && !safeUrl.test(url)) problems.push(`url ${url}`);
  }
  return problems;
}

describe('rendering member Markdown', () => {
  it.each(payloads)('renders %j without anything that runs', (payload) => {
    expect(problemsIn(renderMarkdown(payload))).toEqual([]);
  });

  it('keeps ordinary formatting and safe links, marking external ones', () => {
    const html = renderMarkdown(
      '**Bold** and [our page](/communities/x) and [elsewhere](https://example.org).',
    );
    expect(html).toContain('<strong>Bold</strong>');
    expect(html).toContain('<a href="/communities/x">our page</a>');
    expect(html).toContain(
      '<a href="https://example.org" rel="noopener nofollow ugc" target="_blank">elsewhere</a>',
    );
  });

  it('keeps a line break as typed (objectives written one per line stay one per line)', () => {
    expect(renderMarkdown('Share lesson plans\nVisit each other’s sites')).toBe(
      '<p>Share lesson plans<br>\nVisit each other’s sites</p>\n',
    );
  });

  it('finds the problems it looks for (the check itself can fail)', () => {
    expect(problemsIn('<script>x</script><a href="javascript:x" onclick="y">z</a>')).toEqual([
      'tag <script>',
      'tag <script>',
      'attribute onclick',
      'url javascript:x',
    ]);
  });
});
