import type { Page } from '@playwright/test';
import { administrator, createConfirmedPerson, newAccount } from '../support/accounts.ts';
import { openDialog, signInAdministrator } from '../support/communities.ts';
import { expect, expectAccessible, test } from '../support/fixtures.ts';

/** Opens Admin → Users filtered to `email`; a fresh load shows the role the server holds. */
async function openUsers(page: Page, email: string): Promise<void> {
  await page.goto('/admin/users');
  await expect(page.getByRole('heading', { level: 1, name: 'Users' })).toBeVisible();
  await page.getByLabel('Search users').fill(email);
  await expect(page.getByRole('row')).toHaveCount(2);
}

test('an administrator changes a role only with Save role, and confirms making an administrator (WCAG 3.2.2)', async ({
  browser,
}) => {
  const admin = await signInAdministrator(browser);
  const person = newAccount('Mary Parker Follett');
  await createConfirmedPerson(admin.request, person);
  await openUsers(admin, person.email);
  const role = admin.getByLabel(`Role of ${person.name}`, { exact: true });
  const save = admin.getByRole('button', { name: `Save role of ${person.name}` });
  await expect(role).toHaveValue('member');

  // Arrow keys only choose: no dialog, nothing saved, and a reload shows the old role.
  await role.focus();
  await admin.keyboard.press('ArrowUp');
  await expect(role).toHaveValue('coordinator');
  await admin.keyboard.press('ArrowUp');
  await expect(role).toHaveValue('administrator');
  await expect(admin.getByRole('dialog')).toHaveCount(0);
  await expect(admin.getByRole('status').filter({ hasText: 'is now' })).toHaveCount(0);
  await openUsers(admin, person.email);
  await expect(role).toHaveValue('member');
  await role.focus();
  await admin.keyboard.press('ArrowUp');
  await expect(save).toBeEnabled();
  await expectAccessible(admin, 'on the users page with a role chosen but not saved');
  await openUsers(admin, person.email);
  await expect(role).toHaveValue('member');
  await expect(save).toBeDisabled();

  // Save role applies the choice.
  await role.selectOption({ label: 'Coordinator' });
  await save.click();
  await expect(
    admin.getByRole('status').filter({ hasText: `${person.name} is now coordinator.` }),
  ).toBeVisible();
  await expect(role).toBeFocused();
  await expect(save).toBeDisabled();
  await expectAccessible(admin, 'on the users page after saving a role');
  await openUsers(admin, person.email);
  await expect(role).toHaveValue('coordinator');

  // Making someone administrator asks first; Cancel keeps the role.
  await role.selectOption({ label: 'Administrator' });
  await save.click();
  const ask = await openDialog(admin, `Make ${person.name} an administrator?`);
  await expectAccessible(admin, 'in the make-administrator dialog');
  await ask.getByRole('button', { name: 'Cancel' }).click();
  await expect(ask).toBeHidden();
  await expect(role).toHaveValue('coordinator');
  await expect(role).toBeFocused();
  await openUsers(admin, person.email);
  await expect(role).toHaveValue('coordinator');

  // Confirming makes them administrator.
  await role.selectOption({ label: 'Administrator' });
  await save.click();
  const confirm = await openDialog(admin, `Make ${person.name} an administrator?`);
  await confirm.getByRole('button', { name: 'Make administrator' }).click();
  await expect(confirm).toBeHidden();
  await expect(
    admin.getByRole('status').filter({ hasText: `${person.name} is now administrator.` }),
  ).toBeVisible();
  await openUsers(admin, person.email);
  await expect(role).toHaveValue('administrator');
  await expectAccessible(admin, 'on the users page after confirming');

  // Back to member without a question; your own role cannot be chosen at all.
  await role.selectOption({ label: 'Member' });
  await save.click();
  await expect(admin.getByRole('status').filter({ hasText: `${person.name} is now member.` })).toBeVisible();
  await openUsers(admin, administrator.email);
  await expect(admin.getByLabel(`Role of ${administrator.name}`, { exact: true })).toBeDisabled();
  await expect(admin.getByRole('button', { name: `Save role of ${administrator.name}` })).toHaveCount(0);

  await admin.context().close();
});
