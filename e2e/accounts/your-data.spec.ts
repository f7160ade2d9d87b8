import { readFile } from 'node:fs/promises';
import { createConfirmedPerson, newAccount } from '../support/accounts.ts';
import { openDialog, signInAdministrator, signInOnce } from '../support/communities.ts';
import { expect, expectAccessible, test } from '../support/fixtures.ts';
import { activate, typeInto } from '../support/keyboard.ts';

test('a member prepares their data and downloads it once', async ({ browser }) => {
  const admin = await signInAdministrator(browser);
  const account = newAccount('Noor Export');
  await createConfirmedPerson(admin.request, account);
  const page = await signInOnce(browser, account);

  // Settings → Your data, from the settings navigation.
  await page.goto('/settings/profile');
  await activate(page.getByRole('link', { name: 'Your data' }));
  await expect(page.getByRole('heading', { level: 1, name: 'Your data' })).toBeVisible();
  await expect(page.getByText('You have not asked for your data yet.')).toBeVisible();
  await expectAccessible(page, 'on Your data before asking');

  await activate(page.getByRole('button', { name: 'Prepare my data' }));
  await expect(page.getByText(/Your data is being prepared/)).toBeVisible();
  await expectAccessible(page, 'on Your data while it is prepared');

  // The job prepares it in the background; the page checks again every 5 seconds.
  const download = page.getByRole('button', { name: 'Download my data' });
  await expect(download).toBeVisible({ timeout: 45_000 });
  await expect(page.getByText(/Your data is ready/)).toBeVisible();
  await expectAccessible(page, 'on Your data when it is ready');

  const downloaded = page.waitForEvent('download');
  await activate(download);
  const file = await downloaded;
  expect(file.suggestedFilename()).toMatch(/^copse-data-\d{4}-\d{2}-\d{2}\.zip$/);
  const bytes = await readFile((await file.path()) ?? '');
  // A zip file: its local header's signature, "PK\x03\x04".
  expect(bytes.subarray(0, 4).toString('latin1')).toBe('PK\u0003\u0004');

  await expect(page.getByText(/You downloaded your data on/)).toBeVisible({ timeout: 15_000 });
  await expect(page.getByRole('button', { name: 'Prepare my data again' })).toBeVisible();
  await expectAccessible(page, 'on Your data after the download');
});

test('an administrator exports a person’s data for a formal request, giving the reason', async ({
  browser,
}) => {
  const admin = await signInAdministrator(browser);
  const person = newAccount('Olga Formal');
  await createConfirmedPerson(admin.request, person);
  await admin.goto('/admin/users');
  await typeInto(admin.getByLabel('Search users'), person.email);
  await expect(admin.getByRole('row')).toHaveCount(2);

  await activate(admin.getByRole('button', { name: "Export this person's data: Olga Formal" }));
  const dialog = await openDialog(admin, 'Export the data of Olga Formal');
  await expectAccessible(admin, 'in the formal export dialog');
  // The reason is required.
  await activate(dialog.getByRole('button', { name: 'Prepare the export' }));
  await expect(dialog.getByText(/Give the reason for this export/)).toBeVisible();
  await expectAccessible(admin, 'in the formal export dialog without a reason');
  await typeInto(dialog.getByLabel(/^Reason/), 'Subject access request 2026-114');
  await activate(dialog.getByRole('button', { name: 'Prepare the export' }));
  await expect(admin.getByText(/The export of the data of Olga Formal is being prepared/)).toBeVisible();
  await expectAccessible(admin, 'on Users after the formal export was asked for');
});
