import { newAccount } from '../support/accounts.ts';
import { signInAdministrator } from '../support/communities.ts';
import { expect, expectAccessible, test } from '../support/fixtures.ts';
import { activate, pressOn, selectOption, typeInto } from '../support/keyboard.ts';

test('a newcomer signs up, confirms their email, fills in their profile and is found by expertise', async ({
  browser,
}) => {
  const newcomer = newAccount('Grace Hopper');
  const unitName = `Faculty of Education ${Date.now().toString(36)}`;

  // An administrator adds the unit the newcomer belongs to.
  const admin = await signInAdministrator(browser);
  await activate(admin.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Admin' }));
  await expect(admin.getByRole('heading', { level: 1, name: 'Administration' })).toBeVisible();
  await expectAccessible(admin, 'on the administration overview');
  await activate(
    admin.getByRole('navigation', { name: 'Administration' }).getByRole('link', { name: 'Units' }),
  );
  await expect(admin.getByRole('heading', { level: 1, name: 'Units' })).toBeVisible();
  await typeInto(admin.getByLabel('Unit name'), unitName);
  await activate(admin.getByRole('button', { name: 'Add unit' }));
  await expect(admin.getByRole('status').filter({ hasText: `“${unitName}” is added.` })).toBeVisible();
  await expect(
    admin.getByRole('list', { name: 'Units' }).getByRole('listitem').filter({ hasText: unitName }),
  ).toBeVisible();
  await expectAccessible(admin, 'on the units page');

  // The newcomer signs up from the landing page.
  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto('/');
  await expectAccessible(visitor, 'on the landing page');
  await activate(visitor.getByRole('main').getByRole('link', { name: 'Sign up' }));
  await expect(visitor.getByRole('heading', { level: 1, name: 'Create your account' })).toBeVisible();
  await expectAccessible(visitor, 'on the sign-up page');
  await typeInto(visitor.getByLabel('Your name'), newcomer.name);
  await typeInto(visitor.getByLabel('Email'), newcomer.email);
  await typeInto(visitor.getByLabel(/^Password/), newcomer.password);
  await activate(visitor.getByRole('button', { name: 'Sign up' }));
  await expect(visitor.getByRole('heading', { level: 1, name: 'Check your email' })).toBeVisible();
  await expect(visitor.getByText(newcomer.email)).toBeVisible();
  await expectAccessible(visitor, 'on the check-your-email page');

  // Before confirming, signing in is refused with a way to get a new link.
  await visitor.goto('/signin');
  await typeInto(visitor.getByLabel('Email'), newcomer.email);
  await typeInto(visitor.getByLabel(/^Password/), newcomer.password);
  await activate(visitor.getByRole('button', { name: 'Sign in' }));
  await expect(visitor.getByRole('alert')).toContainText('Confirm your email address first');
  await expect(visitor.getByRole('button', { name: 'Send a new link' })).toBeVisible();
  await expectAccessible(visitor, 'on the sign-in page, unconfirmed');

  // The administrator finds the confirmation email in the mailbox.
  await activate(
    admin.getByRole('navigation', { name: 'Administration' }).getByRole('link', { name: 'Mailbox' }),
  );
  await expect(admin.getByRole('heading', { level: 1, name: 'Mailbox' })).toBeVisible();
  await typeInto(admin.getByLabel('Recipient'), newcomer.email);
  await expect(admin.getByText(`To ${newcomer.email}`).first()).toBeVisible();
  // Only their email is left once the list has been filtered (other journeys' emails are there before).
  await expect(admin.getByRole('link', { name: 'Confirm your email address for Copse' })).toHaveCount(1);
  await expectAccessible(admin, 'on the mailbox page');
  await activate(admin.getByRole('link', { name: 'Confirm your email address for Copse' }).first());
  await expect(
    admin.getByRole('heading', { level: 1, name: 'Confirm your email address for Copse' }),
  ).toBeVisible();
  await expectAccessible(admin, 'on an email in the mailbox');
  const link = await admin.getByRole('link', { name: /\/confirm-email\?token=/ }).getAttribute('href');
  expect(link).toContain('/confirm-email?token=');

  // Following the link confirms the address.
  await visitor.goto(link ?? '');
  await expect(visitor.getByRole('heading', { level: 1, name: 'Email confirmed' })).toBeVisible();
  await expectAccessible(visitor, 'on the email-confirmed page');
  await activate(visitor.getByRole('main').getByRole('link', { name: 'Sign in' }));

  // The newcomer signs in.
  await expect(visitor.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  await expectAccessible(visitor, 'on the sign-in page');
  await typeInto(visitor.getByLabel('Email'), newcomer.email);
  await typeInto(visitor.getByLabel(/^Password/), newcomer.password);
  await activate(visitor.getByRole('button', { name: 'Sign in' }));
  await expect(visitor.getByRole('heading', { level: 1, name: 'Welcome, Grace' })).toBeVisible();
  await expect(
    visitor.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Admin' }),
  ).toHaveCount(0);
  await expectAccessible(visitor, 'on the member home page');

  // …and completes their profile: unit, expertise, pronouns and a bio.
  await activate(visitor.getByRole('button', { name: `Account menu for ${newcomer.name}` }));
  await expectAccessible(visitor, 'with the account menu open');
  await activate(visitor.getByRole('menuitem', { name: 'Settings' }));
  await expect(visitor.getByRole('heading', { level: 1, name: 'Your profile' })).toBeVisible();
  await expectAccessible(visitor, 'on the profile settings page');
  await typeInto(visitor.getByLabel('Pronouns'), 'she/her');
  await selectOption(visitor.getByLabel('Unit'), { label: unitName });
  await typeInto(visitor.getByLabel('Bio'), 'I design **assessment** for large first-year courses.');
  const expertise = visitor.getByRole('combobox', { name: 'Expertise' });
  await typeInto(expertise, 'assessment');
  await pressOn(expertise, 'Enter');
  await typeInto(expertise, 'Curriculum design');
  await pressOn(expertise, 'Enter');
  await activate(visitor.getByRole('button', { name: 'Save profile' }));
  await expect(visitor.getByRole('status').filter({ hasText: 'Your profile is saved.' })).toBeVisible();
  await expectAccessible(visitor, 'on the profile settings page after saving');

  // Their public profile shows it.
  await activate(visitor.getByRole('button', { name: `Account menu for ${newcomer.name}` }));
  await activate(visitor.getByRole('menuitem', { name: 'Profile' }));
  await expect(visitor.getByRole('heading', { level: 1, name: newcomer.name })).toBeVisible();
  await expect(visitor.getByText(`she/her · Staff · ${unitName}`)).toBeVisible();
  await expect(visitor.getByRole('list', { name: 'Expertise' }).getByRole('listitem')).toHaveText([
    'assessment',
    'curriculum design',
  ]);
  await expect(visitor.locator('.prose strong')).toHaveText('assessment');
  await expectAccessible(visitor, 'on their own profile');

  // Another person asks "who knows about assessment?" and finds the newcomer.
  await activate(admin.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'People' }));
  await expect(admin.getByRole('heading', { level: 1, name: 'People' })).toBeVisible();
  await typeInto(admin.getByLabel('Search by name, unit or expertise'), 'assessment');
  // The search applies once typing pauses (the address shows it); until then the list is everyone.
  await expect(admin).toHaveURL(/q=assessment/);
  const card = admin.getByRole('article', { name: newcomer.name }).filter({ hasText: unitName });
  await expect(card).toBeVisible();
  await expect(card.getByText(unitName)).toBeVisible();
  await expect(card.getByRole('listitem').filter({ hasText: 'assessment' })).toBeVisible();
  await expect(admin).toHaveURL(/q=assessment/);
  await expectAccessible(admin, 'on the people page with results');

  // A search nobody matches says so.
  await typeInto(admin.getByLabel('Search by name, unit or expertise'), 'astrophysics of knitting');
  await expect(
    admin.getByRole('heading', { name: 'No one matches “astrophysics of knitting”' }),
  ).toBeVisible();
  await expectAccessible(admin, 'on the people page without results');

  // The card leads to the profile.
  await typeInto(admin.getByLabel('Search by name, unit or expertise'), 'assessment');
  await activate(admin.getByRole('link', { name: newcomer.name }));
  await expect(admin.getByRole('heading', { level: 1, name: newcomer.name })).toBeVisible();
  await expectAccessible(admin, "on a colleague's profile");

  await visitor.context().close();
  await admin.context().close();
});
