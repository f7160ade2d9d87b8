import { setupI18n } from '@lingui/core';
import { compileMessageOrThrow } from '@lingui/message-utils/compileMessage';
import { expect, type Page } from '@playwright/test';
import { readCatalog } from '../../common/i18n/catalogs/read-catalogs.ts';
import type { Locale } from '../../common/i18n/locales.ts';
import type { MessageId } from '../../common/i18n/message-id.ts';

export { readCatalog };

/** `t(id, values)` in `locale`, from the same catalogs the app shows: journeys find controls by what a reader sees. */
export function translator(locale: Locale): (id: MessageId, values?: Record<string, unknown>) => string {
  const raw = readCatalog(locale);
  const messages = Object.fromEntries(
    Object.entries(raw).map(([id, text]) => [id, compileMessageOrThrow(text)]),
  );
  const i18n = setupI18n({ locale, messages: { [locale]: messages } });
  return (id, values) => i18n._(id, values);
}

/** Words English uses all the time and Dutch and Italian never: a sentence left in English has some. */
const englishWords =
  /\b(the|and|your|you|with|this|that|from|have|will|what|when|which|there|been|would|could|should|please|here)\b/i;

/**
 * Fails when the page shows English though it is in `locale`: a sentence with English function words,
 * or any English catalog message of two words or more that the language words differently. `content`
 * lists what people wrote (names, titles, posts), which is never translated; `allowed` the brand names.
 */
export async function expectNoEnglish(
  page: Page,
  locale: Locale,
  content: string[],
  where: string,
): Promise<void> {
  await expect(page.locator('html')).toHaveAttribute('lang', locale);
  let text = await page.locator('body').innerText();
  for (const piece of [...content].sort((a, b) => b.length - a.length)) text = text.split(piece).join(' ');
  const lines = text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  const english = readCatalog('en');
  const translated = readCatalog(locale);
  const leftovers = new Set<string>();
  for (const line of lines) if (englishWords.test(line)) leftovers.add(line);
  for (const [id, message] of Object.entries(english)) {
    if (message.includes('{') || message.includes('<') || message.split(/\s+/).length < 2) continue;
    if (translated[id] === message) continue;
    if (lines.some((line) => line.includes(message))) leftovers.add(message);
  }
  expect([...leftovers], `English text on ${where} in ${locale}`).toEqual([]);
}
