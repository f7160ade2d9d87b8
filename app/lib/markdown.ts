import MarkdownIt from 'markdown-it';

/**
 * Markdown for previews while someone types, with the same rules as the server's renderer
 * (server/services/markdown.ts): raw HTML off (escaped), links limited to http(s), mailto and relative
 * addresses, external links with rel="noopener nofollow ugc". What is saved is rendered on the server.
 * Loaded on demand (dynamic import), so only pages with a preview download it.
 */
const md = new MarkdownIt({ html: false, linkify: true, typographer: false, breaks: false });

const allowedSchemes = /^(https?:|mailto:|\/|#)/i;
md.validateLink = (url: string) => allowedSchemes.test(url.trim());

const defaultLinkOpen =
  md.renderer.rules.link_open ??
  ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
  const token = tokens[idx];
  const href = String(token?.attrGet('href') ?? '');
  if (token && /^https?:/i.test(href)) {
    token.attrSet('rel', 'noopener nofollow ugc');
    token.attrSet('target', '_blank');
  }
  return defaultLinkOpen(tokens, idx, options, env, self);
};

export function renderMarkdown(source: string): string {
  return md.render(source);
}
