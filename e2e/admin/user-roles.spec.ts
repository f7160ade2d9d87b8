import type { Page } from '@playwright/test';
import { administrator, createConfirmedPerson, newAccount } from '../support/accounts.ts';
import { openDialog, signInAdministrator } from '../support/communities.ts';
import { expect, expectAccessible, test } from '../support/fixtures.ts';
import { activate, selectOption, tabTo, typeInto } from '../support/keyboard.ts';

/** Opens Admin → Users filtered to `email`; a fresh load shows the role the server holds. */
async function openUsers(page: Page, email: string): Promise<void> {
  await page.goto('/admin/users');
  await expect(page.getByRole('heading', { level: 1, name: 'Users' })).toBeVisible();
  await typeInto(page.getByLabel('Search users'), email);
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
  await tabTo(role);
  await admin.keyboard.press('ArrowUp');
  await expect(role).toHaveValue('coordinator');
  await admin.keyboard.press('ArrowUp');
  await expect(role).toHaveValue('administrator');
  await expect(admin.getByRole('dialog')).toHaveCount(0);
  await expect(admin.getByRole('status').filter({ hasText: 'is now' })).toHaveCount(0);
  await openUsers(admin, person.email);
  await expect(role).toHaveValue('member');
  await tabTo(role);
  await admin.keyboard.press('ArrowUp');
  await expect(save).toBeEnabled();
  await expectAccessible(admin, 'on the users page with a role chosen but not saved');
  await openUsers(admin, person.email);
  await expect(role).toHaveValue('member');
  await expect(save).toBeDisabled();

  // Save role applies the choice.
  await selectOption(role, { label: 'Coordinator' });
  await activate(save);
  await expect(
    admin.getByRole('status').filter({ hasText: `${person.name} is now coordinator.` }),
  ).toBeVisible();
  await expect(role).toBeFocused();
  await expect(save).toBeDisabled();
  await expectAccessible(admin, 'on the users page after saving a role');
  await openUsers(admin, person.email);
  await expect(role).toHaveValue('coordinator');

  // Making someone administrator asks first; Cancel keeps the role.
  await selectOption(role, { label: 'Administrator' });
  await activate(save);
  const ask = await openDialog(admin, `Make ${person.name} an administrator?`);
  await expectAccessible(admin, 'in the make-administrator dialog');
  await activate(ask.getByRole('button', { name: 'Cancel' }));
  await expect(ask).toBeHidden();
  await expect(role).toHaveValue('coordinator');
  await expect(role).toBeFocused();
  await openUsers(admin, person.email);
  await expect(role).toHaveValue('coordinator');

  // Confirming makes them administrator.
  await selectOption(role, { label: 'Administrator' });
  await activate(save);
  const confirm = await openDialog(admin, `Make ${person.name} an administrator?`);
  await activate(confirm.getByRole('button', { name: 'Make administrator' }));
  await expect(confirm).toBeHidden();
  await expect(
    admin.getByRole('status').filter({ hasText: `${person.name} is now administrator.` }),
  ).toBeVisible();
  await openUsers(admin, person.email);
  await expect(role).toHaveValue('administrator');
  await expectAccessible(admin, 'on the users page after confirming');

  // Back to member without a question; your own role cannot be chosen at all.
  await selectOption(role, { label: 'Member' });
  await activate(save);
  await expect(admin.getByRole('status').filter({ hasText: `${person.name} is now member.` })).toBeVisible();
  await openUsers(admin, administrator.email);
  await expect(admin.getByLabel(`Role of ${administrator.name}`, { exact: true })).toBeDisabled();
  await expect(admin.getByRole('button', { name: `Save role of ${administrator.name}` })).toHaveCount(0);

  await admin.context().close();
});
