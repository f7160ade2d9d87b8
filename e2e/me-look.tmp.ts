import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { codeAt, currentStep } from './support/two-factor.ts';
import { chromiumLaunchOptions } from './support/browser.ts';
const base = 'http://127.0.0.1:3388';
const headers = { 'content-type': 'application/json', origin: base };
async function post(url: string, body: object) {
  const r = await fetch(base + url, { method: 'POST', headers, body: JSON.stringify(body) });
  return { json: (await r.json()) as { data: { secondStep?: { step: string; challenge: string }; secret: string } }, cookie: (r.headers.get('set-cookie') ?? '').split(';')[0] ?? '' };
}
async function signIn(email: string) {
  const s = await post('/api/auth/signin', { email, password: 'copse-demo-password' });
  const step = s.json.data.secondStep;
  if (!step) return s.cookie;
  if (step.step === 'code') return (await post('/api/auth/two-factor/verify', { challenge: step.challenge, code: codeAt(readFileSync('/tmp/me/secret', 'utf8'), currentStep() + 1) })).cookie;
  const e = await post('/api/auth/two-factor/enrol', { challenge: step.challenge });
  writeFileSync('/tmp/me/secret', e.json.data.secret);
  return (await post('/api/auth/two-factor/enrol/confirm', { challenge: step.challenge, code: codeAt(e.json.data.secret, currentStep()) })).cookie;
}
const browser = await chromium.launch(await chromiumLaunchOptions());
const [who, lang, width, ...paths] = process.argv.slice(2);
const cookie = await signIn(who ?? '');
const context = await browser.newContext({ viewport: { width: Number(width), height: 900 }, locale: lang, extraHTTPHeaders: { 'accept-language': lang ?? 'en' } });
const [name, value] = cookie.split('=');
await context.addCookies([{ name: name ?? '', value: value ?? '', url: base }]);
const page = await context.newPage();
for (const p of paths) {
  await page.goto(base + p);
  await page.waitForTimeout(2500);
  const file = `/tmp/me/look-${lang}-${width}-${p.replace(/\W+/g, '_')}.png`;
  await page.screenshot({ path: file, fullPage: true });
  const cut = await page.evaluate(() => [...document.querySelectorAll('.mantine-Button-label')].filter((e) => e.scrollWidth > e.clientWidth + 1).map((e) => e.textContent));
  console.log(file, 'cut labels:', JSON.stringify(cut), 'scrollWidth', await page.evaluate(() => document.documentElement.scrollWidth));
}
await browser.close();
