import { createConfirmedPerson, newAccount, signIn } from '../support/accounts.ts';
import { createCommunity, openDialog, signInAdministrator, uniqueWord } from '../support/communities.ts';
import { expect, expectAccessible, test } from '../support/fixtures.ts';
import { activate, typeInto } from '../support/keyboard.ts';

test('an administrator erases a person on a formal request, and the community they led alone shows it has no leader', async ({
  browser,
}) => {
  const admin = await signInAdministrator(browser);
  const account = newAccount('Ola Requested');
  await createConfirmedPerson(admin.request, account);
  const ola = await signIn(browser, account);
  const slug = await createCommunity(ola.request, admin.request, {
    name: `Erasure practice ${uniqueWord('')}`,
    purpose: 'Led by one person who asks to be forgotten.',
    visibility: 'institution',
    joinPolicy: 'open',
  });
  await ola.context().close();

  // Administration → Users: Erase… asks for the reason and the person's address before anything happens.
  await admin.goto('/admin/users');
  await typeInto(admin.getByLabel('Search users'), account.email);
  await expect(admin.getByRole('row')).toHaveCount(2);
  await activate(admin.getByRole('button', { name: `Erase ${account.name}` }));
  const dialog = await openDialog(admin, `Erase ${account.name}?`);
  await activate(dialog.getByRole('button', { name: 'Erase this person' }));
  await expect(dialog.getByRole('alert')).toContainText('Please correct the highlighted fields.');
  await expect(dialog.getByText('Write the reason for the request (at least 3 characters).')).toBeVisible();
  await expectAccessible(admin, 'in the erase dialog with the fields to correct');
  await typeInto(
    dialog.getByRole('textbox', { name: 'Reason for the request' }),
    'Formal request, ref. 2026-17',
  );
  await typeInto(dialog.getByRole('textbox', { name: `Type ${account.email} to confirm` }), account.email);
  await activate(dialog.getByRole('button', { name: 'Erase this person' }));
  await expect(dialog).toBeHidden();
  await expect(admin.getByRole('status').filter({ hasText: `${account.name} was erased.` })).toBeVisible();
  await expect(admin.getByText('No users match')).toBeVisible();
  await expectAccessible(admin, 'on the users page after the erasure');

  // The community they led alone: the coordinators are pointed to its Leadership tab.
  await admin.goto(`/communities/${slug}`);
  const notice = admin.getByRole('alert').filter({ hasText: 'This community has no leader' });
  await expect(notice).toBeVisible();
  await expectAccessible(admin, 'on a leaderless community');
  await activate(notice.getByRole('link', { name: 'Go to Leadership' }));
  await expect(admin).toHaveURL(new RegExp(`/communities/${slug}/leadership$`));
});
