import { administrator } from '../support/accounts.ts';
import { expect, expectAccessible, test } from '../support/fixtures.ts';
import { activate, typeInto } from '../support/keyboard.ts';

// Runs first (the "bootstrap" project in playwright.config.ts): the install is fresh.
test('the first visit sets up the institution and its administrator', async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();

  // Every route leads to the one-time set-up while it is to do.
  await page.goto('/people');
  await expect(page).toHaveURL(/\/setup$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Set up Copse' })).toBeVisible();
  await expect(page).toHaveTitle(/Set up Copse/);
  await expectAccessible(page, 'on the set-up page');

  // Mistakes are caught with the same rules as the server, and announced.
  await typeInto(page.getByLabel('Institution name'), administrator.institution);
  await typeInto(page.getByLabel('Your name'), administrator.name);
  await typeInto(page.getByLabel('Email'), 'not-an-email');
  await typeInto(page.getByLabel(/^Password/), 'short');
  await activate(page.getByRole('button', { name: 'Create administrator account' }));
  await expect(page.getByRole('alert')).toContainText('Please correct the highlighted fields.');
  await expect(page.getByText('Enter a valid email address.')).toBeVisible();
  await expect(page.getByText('Use at least 12 characters.')).toBeVisible();
  await expect(page.getByLabel('Email')).toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(page, 'on the set-up page with errors');

  await typeInto(page.getByLabel('Email'), administrator.email);
  await typeInto(page.getByLabel(/^Password/), administrator.password);
  await activate(page.getByRole('button', { name: 'Create administrator account' }));

  // Signed in as the administrator, at home, under the institution's name.
  const firstName = administrator.name.split(' ')[0] ?? '';
  await expect(page.getByRole('heading', { level: 1, name: `Welcome, ${firstName}` })).toBeVisible();
  await expect(page.getByRole('banner').getByRole('link', { name: administrator.institution })).toBeVisible();
  await expect(
    page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Admin' }),
  ).toBeVisible();
  await expect(page.getByRole('link', { name: 'Notifications, none unread' })).toBeVisible();
  await expect(page).toHaveTitle(`Home · ${administrator.institution}`);
  await expectAccessible(page, 'on the administrator home page');

  // The set-up happens once: afterwards its address leads home.
  await page.goto('/setup');
  await expect(page.getByRole('heading', { level: 1, name: `Welcome, ${firstName}` })).toBeVisible();

  // And a visitor in another browser meets the landing page, not the set-up.
  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto('/');
  await expect(visitor.getByRole('heading', { level: 1 })).toContainText('Learn with colleagues');
  await expect(visitor.getByRole('link', { name: 'Sign up' }).first()).toBeVisible();
  await expectAccessible(visitor, 'on the landing page');
  await visitor.context().close();
  await context.close();
});
