import { type APIRequestContext, type Browser, expect, type Page } from '@playwright/test';
import { activate, typeInto } from './keyboard.ts';
import { passSecondStep } from './two-factor.ts';

/** The administrator the bootstrap journey creates on the fresh install; the other journeys sign in as them. */
export const administrator = {
  institution: 'Northfield University',
  name: 'Ada Lovelace',
  email: 'ada.admin@northfield.example',
  password: 'correct horse battery staple',
};

export interface Account {
  name: string;
  email: string;
  password: string;
}

/** A new person with a unique email, so journeys never depend on each other's data. */
export function newAccount(name: string): Account {
  const slug = name.toLowerCase().replace(/[^a-z]+/g, '.');
  return {
    name,
    email: `${slug}.${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}@northfield.example`,
    password: 'a long and memorable passphrase',
  };
}

/**
 * Opens a fresh browser context (its own cookies) and signs in through the sign-in page, taking the
 * second step when the account has two-factor on or its role requires it (./two-factor.ts).
 */
export async function signIn(browser: Browser, account: Account): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto('/signin');
  await typeInto(page.getByLabel('Email'), account.email);
  await typeInto(page.getByLabel(/^Password/), account.password);
  await activate(page.getByRole('button', { name: 'Sign in' }));
  await passSecondStep(page, account.email);
  const firstName = account.name.split(' ')[0] ?? account.name;
  await expect(page.getByRole('heading', { level: 1, name: `Welcome, ${firstName}` })).toBeVisible();
  return page;
}

/** The confirmation link in the newest email to `email`, read through the administrators' mailbox API. */
export async function confirmationLinkFor(admin: APIRequestContext, email: string): Promise<string> {
  let link = '';
  await expect(async () => {
    const response = await admin.get(`/api/admin/mail?to=${encodeURIComponent(email)}`);
    expect(response.ok()).toBe(true);
    const body = (await response.json()) as { data: { subject: string; text: string }[] };
    // By its link, not its subject: the email is in the person's language.
    const match = body.data
      .map((m) => m.text.match(/https?:\/\/\S+\/confirm-email\?token=\S+/))
      .find((found) => found !== null);
    expect(match).toBeTruthy();
    link = match?.[0] ?? '';
  }).toPass();
  return link;
}

let signUpAddress = 0;

/**
 * Signs up and confirms a person through the API (for journeys whose subject is something else). Each
 * comes from its own address, as separate people would, so the per-address sign-up limit is not the
 * journeys' shared one (the journeys' server trusts X-Forwarded-For, playwright.config.ts).
 */
export async function createConfirmedPerson(admin: APIRequestContext, account: Account): Promise<void> {
  signUpAddress++;
  const from = {
    'x-forwarded-for': `10.77.${(process.pid + Math.floor(signUpAddress / 250)) % 250}.${signUpAddress % 250}`,
  };
  const signUp = await admin.post('/api/auth/signup', {
    data: { email: account.email, password: account.password, displayName: account.name },
    headers: from,
  });
  expect(signUp.status()).toBe(201);
  const link = await confirmationLinkFor(admin, account.email);
  const token = new URL(link).searchParams.get('token');
  const confirm = await admin.post('/api/auth/confirm-email', { data: { token }, headers: from });
  expect(confirm.ok()).toBe(true);
}

/**
 * `count` new people who join the community `slug` through the API (each signs up, confirms, signs in
 * and joins from their own address): for journeys that need a community of some size.
 */
export async function joinNewMembers(
  playwright: typeof import('@playwright/test')['request'],
  admin: APIRequestContext,
  baseURL: string,
  slug: string,
  count: number,
): Promise<Account[]> {
  const names = [
    'Ann',
    'Ben',
    'Cleo',
    'Dev',
    'Eli',
    'Fay',
    'Gus',
    'Hana',
    'Ivo',
    'Jo',
    'Kai',
    'Lena',
    'Milo',
    'Nia',
  ];
  const people: Account[] = [];
  for (let i = 0; i < count; i++) {
    const person = newAccount(`${names[i % names.length]} Member`);
    await createConfirmedPerson(admin, person);
    signUpAddress++;
    const context = await playwright.newContext({
      baseURL,
      extraHTTPHeaders: { 'x-forwarded-for': `10.78.${process.pid % 250}.${signUpAddress % 250}` },
    });
    const signedIn = await context.post('/api/auth/signin', {
      data: { email: person.email, password: person.password },
    });
    expect(signedIn.ok(), await signedIn.text()).toBe(true);
    const joined = await context.post(`/api/communities/${slug}/join`, { data: {} });
    expect(joined.ok(), await joined.text()).toBe(true);
    await context.dispose();
    people.push(person);
  }
  return people;
}
