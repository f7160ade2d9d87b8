import { administrator, createConfirmedPerson, newAccount, signIn } from '../support/accounts.ts';
import { signInAdministrator } from '../support/communities.ts';
import { expect, expectAccessible, test } from '../support/fixtures.ts';
import { activate, typeInto } from '../support/keyboard.ts';

test("an administrator suspends a member and the member's session ends at once", async ({ browser }) => {
  const admin = await signInAdministrator(browser);
  const member = newAccount('Alan Turing');
  await createConfirmedPerson(admin.request, member);

  // The member is signed in and working.
  const memberPage = await signIn(browser, member);
  await activate(memberPage.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'People' }));
  await expect(memberPage.getByRole('heading', { level: 1, name: 'People' })).toBeVisible();

  // The administrator finds them in the users list and suspends them, after confirming.
  await admin.goto('/admin/users');
  await expect(admin.getByRole('heading', { level: 1, name: 'Users' })).toBeVisible();
  await typeInto(admin.getByLabel('Search users'), member.email);
  await expect(admin.getByText(member.email)).toBeVisible();
  await expect(admin.getByRole('button', { name: `Suspend ${administrator.name}` })).toHaveCount(0);
  await expectAccessible(admin, 'on the users page');
  await activate(admin.getByRole('button', { name: `Suspend ${member.name}` }));
  const dialog = admin.getByRole('dialog', { name: `Suspend ${member.name}?` });
  await expect(dialog).toBeVisible();
  await expectAccessible(admin, 'in the suspend dialog');
  await activate(dialog.getByRole('button', { name: 'Suspend' }));
  await expect(dialog).toBeHidden();
  await expect(admin.getByRole('status').filter({ hasText: `${member.name} is suspended` })).toBeVisible();
  await expect(admin.getByRole('button', { name: `Reinstate ${member.name}` })).toBeVisible();
  const row = admin.getByRole('row').filter({ hasText: member.email });
  await expect(row.getByText('Suspended', { exact: true })).toBeVisible();
  await expectAccessible(admin, 'on the users page after suspending');

  // The member's next navigation lands on the sign-in page: the session ended on the server.
  await activate(memberPage.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Home' }));
  await expect(memberPage.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  await expect(memberPage.getByRole('status')).toContainText('Your session has ended');
  await expectAccessible(memberPage, 'on the sign-in page after the session ended');

  // And they cannot sign in again while suspended.
  await typeInto(memberPage.getByLabel('Email'), member.email);
  await typeInto(memberPage.getByLabel(/^Password/), member.password);
  await activate(memberPage.getByRole('button', { name: 'Sign in' }));
  await expect(memberPage.getByRole('alert')).toContainText('This account is suspended');
  await expectAccessible(memberPage, 'on the sign-in page, suspended');

  // The suspension is in the audit log.
  await activate(
    admin.getByRole('navigation', { name: 'Administration' }).getByRole('link', { name: 'Audit log' }),
  );
  await expect(admin.getByRole('heading', { level: 1, name: 'Audit log' })).toBeVisible();
  await expect(admin.getByRole('cell', { name: /Suspended a user/ }).first()).toBeVisible();
  await expectAccessible(admin, 'on the audit log');

  await memberPage.context().close();
  await admin.context().close();
});
