import { confirmationLinkFor, newAccount } from '../support/accounts.ts';
import { leaderAndMember, uniqueWord } from '../support/communities.ts';
import { expect, test } from '../support/fixtures.ts';
import { activate, typeInto } from '../support/keyboard.ts';

// The short run on the embedded database (the "smoke" project; scripts/test.ts runs it on a fresh
// PGlite data folder while the full journeys run on PostgreSQL): a person signs up through the pages and
// opens one page of each capability. The full journeys cover each page's behaviour.
test('a new person signs up and opens a page of each capability', async ({ browser }) => {
  const word = uniqueWord('smoke');
  const { admin, slug } = await leaderAndMember(browser, {
    name: `Smoke ${word}`,
    purpose: `A community the smoke run opens (${word}).`,
  });
  const community = new RegExp(`^Smoke ${word}`);
  const person = newAccount('Lev Vygotsky');
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto('/signup');
  await typeInto(page.getByLabel('Your name'), person.name);
  await typeInto(page.getByLabel('Email'), person.email);
  await typeInto(page.getByLabel(/^Password/), person.password);
  await activate(page.getByRole('button', { name: 'Sign up' }));
  await expect(page).toHaveURL(/\/signup\/check-email/);
  await page.goto(await confirmationLinkFor(admin.request, person.email));
  await expect(page.getByRole('heading', { level: 1, name: 'Email confirmed' })).toBeVisible();
  await page.goto('/signin');
  await typeInto(page.getByLabel('Email'), person.email);
  await typeInto(page.getByLabel(/^Password/), person.password);
  await activate(page.getByRole('button', { name: 'Sign in' }));
  await expect(page.getByRole('heading', { level: 1, name: 'Welcome, Lev' })).toBeVisible();

  const pages: [string, RegExp | string][] = [
    ['/communities', 'Communities'],
    [`/communities/${slug}`, community],
    [`/communities/${slug}/discussions`, community],
    [`/communities/${slug}/meetings`, community],
    [`/communities/${slug}/toolkit`, community],
    ['/people', 'People'],
    ['/calendar', 'Calendar'],
    ['/proposals/new', 'Propose a community'],
    [`/search?q=${word}`, 'Search'],
    ['/notifications', 'Notifications'],
    ['/settings/profile', 'Your profile'],
  ];
  for (const [address, heading] of pages) {
    await page.goto(address);
    await expect(page.getByRole('heading', { level: 1, name: heading }), address).toBeVisible();
    await expect(page.getByRole('alert').filter({ hasText: /went wrong|could not/i }), address).toHaveCount(
      0,
    );
  }
  await context.close();
});
