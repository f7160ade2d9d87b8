import { administrator, createConfirmedPerson, newAccount, signIn } from '../support/accounts.ts';
import { expect, expectAccessible, test } from '../support/fixtures.ts';

test("an administrator suspends a member and the member's session ends at once", async ({ browser }) => {
  const admin = await signIn(browser, administrator);
  const member = newAccount('Alan Turing');
  await createConfirmedPerson(admin.request, member);

  // The member is signed in and working.
  const memberPage = await signIn(browser, member);
  await memberPage.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'People' }).click();
  await expect(memberPage.getByRole('heading', { level: 1, name: 'People' })).toBeVisible();

  // The administrator finds them in the users list and suspends them, after confirming.
  await admin.goto('/admin/users');
  await expect(admin.getByRole('heading', { level: 1, name: 'Users' })).toBeVisible();
  await admin.getByLabel('Search users').fill(member.email);
  await expect(admin.getByText(member.email)).toBeVisible();
  await expect(admin.getByRole('button', { name: `Suspend ${administrator.name}` })).toHaveCount(0);
  await expectAccessible(admin, 'on the users page');
  await admin.getByRole('button', { name: `Suspend ${member.name}` }).click();
  const dialog = admin.getByRole('dialog', { name: `Suspend ${member.name}?` });
  await expect(dialog).toBeVisible();
  await expectAccessible(admin, 'in the suspend dialog');
  await dialog.getByRole('button', { name: 'Suspend' }).click();
  await expect(dialog).toBeHidden();
  await expect(admin.getByRole('status').filter({ hasText: `${member.name} is suspended` })).toBeVisible();
  await expect(admin.getByRole('button', { name: `Reinstate ${member.name}` })).toBeVisible();
  const row = admin.getByRole('row').filter({ hasText: member.email });
  await expect(row.getByText('Suspended', { exact: true })).toBeVisible();
  await expectAccessible(admin, 'on the users page after suspending');

  // The member's next navigation lands on the sign-in page: the session ended on the server.
  await memberPage.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Home' }).click();
  await expect(memberPage.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  await expect(memberPage.getByRole('status')).toContainText('Your session has ended');
  await expectAccessible(memberPage, 'on the sign-in page after the session ended');

  // And they cannot sign in again while suspended.
  await memberPage.getByLabel('Email').fill(member.email);
  await memberPage.getByLabel(/^Password/).fill(member.password);
  await memberPage.getByRole('button', { name: 'Sign in' }).click();
  await expect(memberPage.getByRole('alert')).toContainText('This account is suspended');
  await expectAccessible(memberPage, 'on the sign-in page, suspended');

  // The suspension is in the audit log.
  await admin
    .getByRole('navigation', { name: 'Administration' })
    .getByRole('link', { name: 'Audit log' })
    .click();
  await expect(admin.getByRole('heading', { level: 1, name: 'Audit log' })).toBeVisible();
  await expect(admin.getByRole('cell', { name: /Suspended a user/ }).first()).toBeVisible();
  await expectAccessible(admin, 'on the audit log');

  await memberPage.context().close();
  await admin.context().close();
});
