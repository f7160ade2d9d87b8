// The layout of every email Copse sends: the institution's name at the top, the message built from a few
// parts (greeting, heading, paragraphs, a button, a list of items), small print at the bottom saying why
// the person gets it. MJML turns the parts into HTML that reads well on a phone and in Outlook; the same
// words make the plain-text part.
//
// MJML is imported on the first render, not at start-up: it is over a second of processor time to load
// (about 0.5 s of every start of the server, which the tests that start it pay each time).
//
// MJML takes tens of milliseconds per render, so the markup is rendered once per shape (which parts, in
// which order, how many list items) with placeholders, kept, and the words are put in afterwards.
import { LRUCache } from 'lru-cache';
import type { Locale } from '../../../common/i18n/locales.ts';
import type { EmailContent } from './outbox.ts';

export interface EmailListItem {
  text: string;
  url?: string | undefined;
  /** A second, quieter line (a date, a community's name). */
  detail?: string | undefined;
}

export type EmailPart =
  | { kind: 'greeting'; text: string }
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'button'; label: string; url: string }
  | { kind: 'list'; items: EmailListItem[] };

export interface EmailLayout {
  /** The language the email is written in (the HTML's `lang`). */
  locale: Locale;
  subject: string;
  /** The institution's name, shown as the header. */
  header: string;
  parts: EmailPart[];
  /** Small print: why the person gets this email, where to change their notification settings. */
  footer?: string[] | undefined;
}

const accent = '#1f6f4a';
const fonts = "-apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif";

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The MJML of a layout with `slotNx` placeholders, and the escaped words that fill them. */
function markup(layout: EmailLayout): { source: string; values: string[] } {
  const values: string[] = [];
  const slot = (text: string, lineBreaks = false) => {
    values.push(lineBreaks ? escapeHtml(text).replace(/\r?\n/g, '<br>') : escapeHtml(text));
    return `copseslot${values.length - 1}x`;
  };
  const preview = layout.parts.find((part) => part.kind === 'paragraph');
  const body = layout.parts.map((part) => {
    switch (part.kind) {
      case 'greeting':
      case 'paragraph':
        return `<mj-text>${slot(part.text, true)}</mj-text>`;
      case 'heading':
        return `<mj-text font-size="20px" line-height="1.3" font-weight="700" padding-bottom="4px"><h1 style="font-size:20px;margin:0;font-weight:700">${slot(part.text)}</h1></mj-text>`;
      case 'button':
        return `<mj-button href="${slot(part.url)}" align="left" background-color="${accent}" color="#ffffff" font-size="16px" font-weight="600" border-radius="6px" inner-padding="12px 22px" padding-top="16px" padding-bottom="16px">${slot(part.label)}</mj-button>`;
      default: {
        // A list of items: its markup is one slot, so lists of any length share one rendered shape
        // (digests list a varying number of items in several lists).
        const items = part.items.map((item) => {
          const text = item.url
            ? `<a href="${escapeHtml(item.url)}" style="color:${accent};font-weight:600">${escapeHtml(item.text)}</a>`
            : escapeHtml(item.text);
          const detail = item.detail
            ? `<br><span style="color:#555;font-size:14px">${escapeHtml(item.detail)}</span>`
            : '';
          return `<li style="margin:0 0 10px">${text}${detail}</li>`;
        });
        values.push(`<ul style="margin:0;padding-left:20px">${items.join('')}</ul>`);
        return `<mj-text>copseslot${values.length - 1}x</mj-text>`;
      }
    }
  });
  const footer = (layout.footer ?? []).map(
    (line) =>
      `<mj-text font-size="13px" line-height="1.5" color="#666666" padding="4px 24px">${slot(line, true)}</mj-text>`,
  );
  const source = `<mjml lang="${layout.locale}">
  <mj-head>
    <mj-title>${slot(layout.subject)}</mj-title>
    ${preview ? `<mj-preview>${slot(preview.text)}</mj-preview>` : ''}
    <mj-attributes>
      <mj-all font-family="${fonts}" />
      <mj-text font-size="16px" line-height="1.55" color="#1f2328" padding="6px 24px" />
      <mj-button font-family="${fonts}" />
    </mj-attributes>
  </mj-head>
  <mj-body background-color="#f3f4f1" width="600px">
    <mj-section padding="24px 0 8px">
      <mj-column>
        <mj-text font-size="18px" font-weight="700" color="${accent}">${slot(layout.header)}</mj-text>
      </mj-column>
    </mj-section>
    <mj-section background-color="#ffffff" border-radius="8px" padding="18px 0">
      <mj-column>
        ${body.join('\n        ')}
      </mj-column>
    </mj-section>
    <mj-section padding="12px 0 24px">
      <mj-column>
        ${footer.join('\n        ')}
      </mj-column>
    </mj-section>
  </mj-body>
</mjml>`;
  return { source, values };
}

/** Rendered markup by its MJML source (the same for every email of one shape). */
const rendered = new LRUCache<string, Promise<string>>({ max: 200 });

async function renderShape(source: string): Promise<string> {
  // No web fonts: the system fonts read well, and a link to Google's would tell a third party who opened
  // the email (and breaks the mailbox preview's content security policy).
  const { default: mjml2html } = await import('mjml');
  const { html, errors } = await mjml2html(source, { validationLevel: 'soft', fonts: {} });
  if (errors.length > 0) throw new Error(`Email layout: ${errors.map((e) => e.formattedMessage).join('; ')}`);
  return html.replace(/<a\s+href=/g, '<a href=');
}

/** The HTML part: the layout's shape from the cache (rendered on first use), its words put in. */
async function html(layout: EmailLayout): Promise<string> {
  const { source, values } = markup(layout);
  let shape = rendered.get(source);
  if (!shape) {
    shape = renderShape(source);
    rendered.set(source, shape);
    shape.catch(() => rendered.delete(source));
  }
  return (await shape).replace(/copseslot(\d+)x/g, (_, index: string) => values[Number(index)] ?? '');
}

/** The plain-text part: one block per part, paragraphs that follow each other on their own lines. */
export function plainText(layout: EmailLayout): string {
  let text = '';
  let previous: EmailPart['kind'] | undefined;
  for (const part of layout.parts) {
    const block =
      part.kind === 'button'
        ? `${part.label}: ${part.url}`
        : part.kind === 'list'
          ? part.items
              .map((item) => [`- ${item.text}`, item.detail, item.url].filter(Boolean).join('\n  '))
              .join('\n')
          : part.text;
    if (previous) text += previous === 'paragraph' && part.kind === 'paragraph' ? '\n' : '\n\n';
    text += block;
    previous = part.kind;
  }
  for (const line of layout.footer ?? []) text += `\n\n${line}`;
  return text;
}

/** An email's subject, HTML and plain text from its layout. */
export async function renderEmail(layout: EmailLayout): Promise<EmailContent> {
  return { subject: layout.subject, text: plainText(layout), html: await html(layout) };
}

/**
 * The usual email: a greeting, a few paragraphs, one button, the reason in small print. In the
 * recipient's language (`letter`), under the institution's name.
 */
export function actionEmail(options: {
  letter: { locale: Locale; institution: string };
  subject: string;
  greeting: string;
  lines: string[];
  action?: { label: string; url: string } | undefined;
  footer?: string | string[] | undefined;
}): Promise<EmailContent> {
  const { letter, subject, greeting, lines, action, footer } = options;
  return renderEmail({
    locale: letter.locale,
    subject,
    header: letter.institution,
    parts: [
      { kind: 'greeting', text: greeting },
      ...lines.map((text) => ({ kind: 'paragraph' as const, text })),
      ...(action ? [{ kind: 'button' as const, ...action }] : []),
    ],
    footer: footer === undefined ? [] : [footer].flat(),
  });
}
