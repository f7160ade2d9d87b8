import { readFileSync } from 'node:fs';
import { createConfirmedPerson, newAccount } from '../support/accounts.ts';
import { signInAdministrator } from '../support/communities.ts';
import { expect, expectAccessible, test } from '../support/fixtures.ts';
import { activate, selectOption, typeInto } from '../support/keyboard.ts';

test('an administrator filters the audit log for failed sign-ins and downloads them as CSV', async ({
  browser,
}) => {
  const admin = await signInAdministrator(browser);
  const member = newAccount('Grace Hopper');
  await createConfirmedPerson(admin.request, member);

  // Someone tries the member's account with a wrong password.
  const stranger = await browser.newContext();
  const tried = await stranger.request.post('/api/auth/signin', {
    data: { email: member.email, password: 'not the right passphrase' },
  });
  expect(tried.status()).toBe(401);
  await stranger.close();

  await admin.goto('/admin');
  await activate(
    admin.getByRole('navigation', { name: 'Administration' }).getByRole('link', { name: 'Audit log' }),
  );
  await expect(admin.getByRole('heading', { level: 1, name: 'Audit log' })).toBeVisible();
  await expectAccessible(admin, 'on the audit log');

  // Failed sign-ins that name the member's address.
  await selectOption(admin.getByLabel('Actions'), 'Failed sign-in');
  await typeInto(admin.getByLabel('Search names'), member.email);
  await activate(admin.getByRole('button', { name: 'Search' }));
  const row = admin.getByRole('row').filter({ hasText: member.email });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('Failed sign-in');
  await expect(row).toContainText('No one signed in');
  await expect(row).not.toContainText('not the right passphrase');
  await expectAccessible(admin, 'on the audit log, filtered');

  // The CSV holds the same entry.
  const [download] = await Promise.all([
    admin.waitForEvent('download'),
    activate(admin.getByRole('link', { name: 'Download CSV' })),
  ]);
  expect(download.suggestedFilename()).toBe('audit-log.csv');
  const lines = readFileSync((await download.path()) ?? '', 'utf8')
    .trimEnd()
    .split('\r\n');
  expect(lines).toHaveLength(2);
  expect(lines[1]).toContain('auth.signin.failed');
  expect(lines[1]).toContain(member.email);

  // Words nothing matches: the empty state says so.
  await typeInto(admin.getByLabel('Search names'), 'no-such-person-anywhere');
  await activate(admin.getByRole('button', { name: 'Search' }));
  await expect(admin.getByRole('heading', { name: 'No entries match' })).toBeVisible();
  await expectAccessible(admin, 'on the audit log, nothing matching');
  await admin.context().close();
});
