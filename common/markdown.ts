import { LRUCache } from 'lru-cache';
import MarkdownIt from 'markdown-it';

// breaks: a line break typed in a text box is a line break on the page. Members write objectives, agendas
// and guidelines one per line, without knowing that Markdown would otherwise join the lines into one.
const md = new MarkdownIt({ html: false, linkify: true, typographer: false, breaks: true });

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
  if (source === '') return '';
  const cached = rendered.get(source);
  if (cached !== undefined) return cached;
  const html = md.render(source);
  rendered.set(source, html);
  return html;
}

/**
 * Rendered HTML by source: a thread page renders up to 51 posts on every view, most of them the same
 * as last time, and rendering was the largest part of its CPU (bench findings, December 2026). The
 * output depends only on the source, so the cache is always right; it is bounded by size.
 */
const rendered = new LRUCache<string, string>({
  max: 20_000,
  maxSize: 32 * 1024 * 1024,
  sizeCalculation: (html, source) => html.length + source.length,
});
