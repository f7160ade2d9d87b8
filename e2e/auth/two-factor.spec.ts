import { createConfirmedPerson, newAccount } from '../support/accounts.ts';
import { openDialog, signInAdministrator } from '../support/communities.ts';
import { expect, expectAccessible, test } from '../support/fixtures.ts';
import { activate, typeInto } from '../support/keyboard.ts';
import { codeAt, currentStep, nextCode, readSetupKey, rememberAuthenticator } from '../support/two-factor.ts';

test('a member turns on two-factor sign-in, then signs in with a code and with a recovery code', async ({
  browser,
}) => {
  const admin = await signInAdministrator(browser);
  const member = newAccount('Dorothy Vaughan');
  await createConfirmedPerson(admin.request, member);
  await admin.context().close();

  const page = await (await browser.newContext()).newPage();
  const signInWithPassword = async () => {
    await page.goto('/signin');
    await typeInto(page.getByLabel('Email'), member.email);
    await typeInto(page.getByLabel(/^Password/), member.password);
    await activate(page.getByRole('button', { name: 'Sign in' }));
  };
  const signOut = async () => {
    await activate(page.getByRole('button', { name: `Account menu for ${member.name}` }));
    await activate(page.getByRole('menuitem', { name: 'Sign out' }));
    await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  };
  const welcome = page.getByRole('heading', { level: 1, name: 'Welcome, Dorothy' });
  await signInWithPassword();
  await expect(welcome).toBeVisible();

  // Settings → Two-factor sign-in: the QR code (with its text alternative) and the key to type.
  await page.goto('/settings/security');
  await expect(page.getByRole('heading', { level: 1, name: 'Two-factor sign-in' })).toBeVisible();
  await activate(page.getByRole('button', { name: 'Set up two-factor sign-in' }));
  await expect(page.getByRole('img', { name: /^QR code for your authenticator app/ })).toBeVisible();
  const secret = await readSetupKey(page);
  await expectAccessible(page, 'setting up two-factor sign-in');
  const step = currentStep();
  rememberAuthenticator(member.email, secret, step);
  await typeInto(page.getByLabel(/^Code from the app/), codeAt(secret, step));
  await activate(page.getByRole('button', { name: 'Turn on two-factor sign-in' }));

  // The recovery codes, shown once.
  const codes = page.getByRole('list', { name: 'Recovery codes' }).getByRole('listitem');
  await expect(codes).toHaveCount(10);
  const recoveryCode = (await codes.first().textContent()) ?? '';
  await expect(page.getByRole('status')).toContainText('Two-factor sign-in is on.');
  await expectAccessible(page, 'with the recovery codes');
  await activate(page.getByRole('button', { name: 'Done, I have saved them' }));
  await expect(page.getByText('You have 10 recovery codes left.', { exact: false })).toBeVisible();

  // Signed out, the password alone is not enough: a wrong code is refused, the app's code lets in.
  await signOut();
  await signInWithPassword();
  await expect(page.getByRole('heading', { level: 1, name: 'Enter your code' })).toBeVisible();
  const right = new Set([-1, 0, 1, 2].map((d) => codeAt(secret, currentStep() + d)));
  const wrong = ['111111', '222222', '333333'].find((code) => !right.has(code)) ?? '444444';
  await typeInto(page.getByLabel(/^Code/), wrong);
  await activate(page.getByRole('button', { name: 'Verify and sign in' }));
  await expect(page.getByRole('alert')).toContainText('That code is not right.');
  await expectAccessible(page, 'asking for the code, after a wrong one');
  await typeInto(page.getByLabel(/^Code/), await nextCode(member.email));
  await activate(page.getByRole('button', { name: 'Verify and sign in' }));
  await expect(welcome).toBeVisible();

  // A recovery code works instead (once).
  await signOut();
  await signInWithPassword();
  await typeInto(page.getByLabel(/^Code/), recoveryCode);
  await activate(page.getByRole('button', { name: 'Verify and sign in' }));
  await expect(welcome).toBeVisible();
  await page.goto('/settings/security');
  await expect(page.getByText('You have 9 recovery codes left.', { exact: false })).toBeVisible();
  await page.context().close();
});

test('a new administrator sets up two-factor before using Copse, and an administrator can reset it', async ({
  browser,
}) => {
  const admin = await signInAdministrator(browser);
  const person = newAccount('Katherine Johnson');
  await createConfirmedPerson(admin.request, person);
  const found = await admin.request.get(`/api/admin/users?q=${encodeURIComponent(person.email)}`);
  const { data } = (await found.json()) as { data: { id: string }[] };
  const promoted = await admin.request.patch(`/api/admin/users/${data[0]?.id}`, {
    data: { role: 'administrator' },
  });
  expect(promoted.ok()).toBe(true);

  // Right after the password: the set-up, before any session.
  const page = await (await browser.newContext()).newPage();
  await page.goto('/signin');
  await typeInto(page.getByLabel('Email'), person.email);
  await typeInto(page.getByLabel(/^Password/), person.password);
  await activate(page.getByRole('button', { name: 'Sign in' }));
  await expect(page.getByRole('heading', { level: 1, name: 'Set up two-factor sign-in' })).toBeVisible();
  const secret = await readSetupKey(page);
  await expectAccessible(page, 'on the required set-up');
  expect((await page.request.get('/api/me')).status()).toBe(401);
  const step = currentStep();
  rememberAuthenticator(person.email, secret, step);
  await typeInto(page.getByLabel(/^Code from the app/), codeAt(secret, step));
  await activate(page.getByRole('button', { name: 'Turn on two-factor sign-in' }));
  await expect(page.getByRole('heading', { level: 1, name: 'Save your recovery codes' })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Recovery codes' }).getByRole('listitem')).toHaveCount(10);
  await activate(page.getByRole('button', { name: 'I have saved them: continue' }));
  await expect(page.getByRole('heading', { level: 1, name: 'Welcome, Katherine' })).toBeVisible();
  await page.context().close();

  // A lost phone: the first administrator resets it from the users page.
  await admin.goto('/admin/users');
  await typeInto(admin.getByLabel('Search users'), person.email);
  // The search has answered (the header row and theirs) before the button is pressed.
  await expect(admin.getByRole('row')).toHaveCount(2);
  await activate(admin.getByRole('button', { name: `Reset two-factor sign-in of ${person.name}` }));
  const dialog = await openDialog(admin, `Reset two-factor sign-in of ${person.name}?`);
  await expectAccessible(admin, 'in the reset dialog');
  await activate(dialog.getByRole('button', { name: 'Reset two-factor' }));
  await expect(
    admin.getByRole('status').filter({ hasText: `Two-factor sign-in of ${person.name} was reset` }),
  ).toBeVisible();
  await expect(admin.getByRole('button', { name: `Reset two-factor sign-in of ${person.name}` })).toHaveCount(
    0,
  );
  await admin.context().close();
});
