import MarkdownIt from 'markdown-it';

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

/**
 * The one Markdown renderer, used by the server for what is saved and by the web app for live
 * previews (loaded on demand there). Renders member-written Markdown to HTML that cannot run script: raw HTML is off (escaped), links are
 * limited to http(s), mailto and relative URLs, and external links get rel="noopener nofollow ugc".
 */
export function renderMarkdown(source: string): string {
  return md.render(source);
}
