import { signInAdministrator } from '../support/communities.ts';
import { expect, expectAccessible, test } from '../support/fixtures.ts';
import { activate } from '../support/keyboard.ts';

test('an administrator sees the backups and makes one now', async ({ browser }) => {
  const admin = await signInAdministrator(browser);
  await admin.goto('/admin');
  await activate(
    admin.getByRole('navigation', { name: 'Administration' }).getByRole('link', { name: 'Backups' }),
  );
  await expect(admin.getByRole('heading', { level: 1, name: 'Backups' })).toBeVisible();
  await expect(admin.getByText(/Backups run on the schedule 0 3 \* \* \* \(cron, UTC\)/)).toBeVisible();
  await expectAccessible(admin, 'on the backups page');

  await activate(admin.getByRole('button', { name: 'Back up now' }));
  const made = admin
    .getByRole('status')
    .filter({ hasText: /Backup copse-backup-\d{8}T\d{9}Z\.tar\.gz made: \d+ tables/ });
  await expect(made).toBeVisible();
  const name = (await made.textContent())?.match(/copse-backup-\d{8}T\d{9}Z\.tar\.gz/)?.[0] ?? '';
  const table = admin.getByRole('region', { name: 'Backups, newest first' });
  await expect(table.getByRole('row').filter({ hasText: name })).toBeVisible();
  await expectAccessible(admin, 'on the backups page after backing up');

  await admin.context().close();
});
