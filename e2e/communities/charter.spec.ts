import {
  communityPerson,
  createCommunity,
  openDialog,
  signInAdministrator,
  signInOnce,
  uniqueWord,
} from '../support/communities.ts';
import { expect, expectAccessible, test } from '../support/fixtures.ts';
import { activate, check, pressOn, typeInto } from '../support/keyboard.ts';

test('leaders edit the charter and details; a conflicting save is explained; members accept the guidelines', async ({
  browser,
}) => {
  const admin = await signInAdministrator(browser);
  const memberAccount = await communityPerson(admin.request, 'member');
  const name = `Teaching to Transgress ${uniqueWord('')}`;
  const slug = await createCommunity(admin.request, admin.request, {
    name,
    purpose: 'Engaged pedagogy in everyday teaching.',
    objectives: 'Read one chapter a month.',
    visibility: 'institution',
    joinPolicy: 'open',
  });

  // The leader writes new participation guidelines: version 2.
  await admin.goto(`/communities/${slug}/charter`);
  await expect(admin.getByRole('heading', { level: 2, name: 'Charter' })).toBeVisible();
  await expect(admin.getByText(/^Version 1, saved/)).toBeVisible();
  await expectAccessible(admin, 'on the charter tab');
  await activate(admin.getByRole('button', { name: 'Edit charter' }));
  await expect(admin.getByRole('heading', { name: 'Edit the charter' })).toBeVisible();
  await typeInto(admin.getByLabel('Participation guidelines'), '- Listen first.\n- **Respect** every voice.');
  await typeInto(admin.getByLabel('What changed'), 'Shorter guidelines');
  await expectAccessible(admin, 'in the charter editor');
  await activate(admin.getByRole('button', { name: 'Save new version' }));
  await expect(
    admin.getByRole('status').filter({ hasText: 'Version 2 of the charter is saved.' }),
  ).toBeVisible();
  await expect(admin.locator('.prose strong').filter({ hasText: 'Respect' }).first()).toBeVisible();
  const history = admin.getByRole('list', { name: 'Version history' });
  await expect(history.getByRole('listitem')).toHaveCount(2);
  await expect(history.getByRole('listitem').first()).toContainText('Shorter guidelines');

  // An old version opens in a dialog.
  await activate(history.getByRole('button', { name: 'View version 1' }));
  const old = await openDialog(admin, 'Charter, version 1');
  await expect(old.getByRole('heading', { name: 'Participation guidelines' })).toBeVisible();
  await expect(old).not.toContainText('Listen first');
  await expectAccessible(admin, 'in the old-version dialog');
  await activate(old.getByRole('button', { name: 'Close' }));

  // A section left empty is refused under its field, and saves no version.
  await activate(admin.getByRole('button', { name: 'Edit charter' }));
  await typeInto(admin.getByLabel('Decision-making'), '  ');
  await activate(admin.getByRole('button', { name: 'Save new version' }));
  await expect(admin.getByLabel('Decision-making')).toHaveAccessibleDescription(
    /Write the Decision-making section: a charter section cannot be empty\./,
  );
  await expectAccessible(admin, 'in the charter editor with an empty section');
  await activate(admin.getByRole('button', { name: 'Cancel' }));
  await expect(history.getByRole('listitem')).toHaveCount(2);

  // Someone else saves while the leader edits: the save is refused with a clear way forward.
  await activate(admin.getByRole('button', { name: 'Edit charter' }));
  await typeInto(admin.getByLabel('Objectives'), 'Read two chapters a month.');
  const current = (await (await admin.request.get(`/api/communities/${slug}`)).json()) as {
    data: { charter: { sections: Record<string, string> } };
  };
  const other = await admin.request.put(`/api/communities/${slug}/charter`, {
    data: { sections: current.data.charter.sections, note: 'Saved elsewhere', baseVersion: 2 },
  });
  expect(other.ok()).toBe(true);
  await activate(admin.getByRole('button', { name: 'Save new version' }));
  const alert = admin.getByRole('alert');
  await expect(alert).toContainText('Someone else saved the charter meanwhile');
  await expect(alert).toContainText('Someone saved version 3 of the charter while you were editing');
  await expect(admin.getByLabel('Objectives')).toHaveValue('Read two chapters a month.');
  await expectAccessible(admin, 'in the charter editor after a conflict');
  await activate(alert.getByRole('button', { name: 'Load the latest version' }));
  await expect(admin.getByText(/^Version 3, saved/)).toBeVisible();

  // The leader asks new members to accept the guidelines, and updates the purpose.
  await activate(admin.getByRole('link', { name: 'Edit details' }));
  await expect(admin.getByRole('heading', { level: 2, name: 'Edit details' })).toBeVisible();
  await expectAccessible(admin, 'on the edit-details page');
  await typeInto(admin.getByLabel('Purpose'), 'Engaged pedagogy, one chapter at a time.');
  await typeInto(admin.getByRole('combobox', { name: 'Topics' }), 'pedagogy');
  await pressOn(admin.getByRole('combobox', { name: 'Topics' }), 'Enter');
  await check(admin.getByLabel(/New members accept the participation guidelines/));
  await activate(admin.getByRole('button', { name: 'Save details' }));
  await expect(admin.getByRole('status').filter({ hasText: 'The details are saved.' })).toBeVisible();
  await activate(admin.getByRole('link', { name: 'Back to the community' }).first());
  await expect(admin.getByText('Engaged pedagogy, one chapter at a time.')).toBeVisible();
  await expect(admin.getByRole('list', { name: 'Topics' })).toContainText('pedagogy');

  // Joining now asks the member to accept them.
  const member = await signInOnce(browser, memberAccount);
  await member.goto(`/communities/${slug}`);
  await activate(member.getByRole('button', { name: 'Join community' }));
  const join = await openDialog(member, `Join ${name}`);
  await expect(join.getByRole('region', { name: 'Participation guidelines' })).toContainText('Listen first.');
  await expectAccessible(member, 'in the join dialog with guidelines');
  await activate(join.getByRole('button', { name: 'Join' }));
  await expect(join.getByRole('alert')).toContainText('Accept the participation guidelines to join.');
  await check(join.getByLabel('I accept the participation guidelines'));
  await activate(join.getByRole('button', { name: 'Join' }));
  await expect(join).toBeHidden();
  await expect(member.getByText('You are a member')).toBeVisible();

  await member.context().close();
  await admin.context().close();
});
