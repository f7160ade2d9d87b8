import type { EmailContent } from './outbox.ts';

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A plain email with one call to action; the same words in text and HTML. */
export function actionEmail(options: {
  subject: string;
  greeting: string;
  lines: string[];
  action?: { label: string; url: string };
  footer?: string;
}): EmailContent {
  const { subject, greeting, lines, action, footer } = options;
  const text = [
    greeting,
    '',
    ...lines,
    ...(action ? ['', `${action.label}: ${action.url}`] : []),
    ...(footer ? ['', footer] : []),
  ].join('\n');
  const html = [
    `<p>${escapeHtml(greeting)}</p>`,
    ...lines.map((line) => `<p>${escapeHtml(line)}</p>`),
    action ? `<p><a href="${escapeHtml(action.url)}">${escapeHtml(action.label)}</a></p>` : '',
    footer ? `<p style="color:#666">${escapeHtml(footer)}</p>` : '',
  ].join('\n');
  return { subject, text, html };
}
