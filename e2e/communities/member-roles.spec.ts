import type { Page } from '@playwright/test';
import { leaderAndMember, openDialog } from '../support/communities.ts';
import { expect, expectAccessible, test } from '../support/fixtures.ts';
import { activate, selectOption, tabTo } from '../support/keyboard.ts';

/** The role the server holds for `name` in the community, as the Members tab shows it after a reload. */
async function roleAfterReload(page: Page, name: string) {
  await page.reload();
  const select = page.getByLabel(`Role of ${name}`, { exact: true });
  await expect(select).toBeVisible();
  return select;
}

test('a leader changes roles only with Save role, and confirms stepping down (WCAG 3.2.2)', async ({
  browser,
}) => {
  const { admin, leader, leaderAccount, member, memberAccount, slug } = await leaderAndMember(browser, {
    name: 'Assessment Circle',
    purpose: 'Colleagues rethinking how we grade and give feedback.',
  });
  await leader.goto(`/communities/${slug}/members`);
  const roleOfMember = leader.getByLabel(`Role of ${memberAccount.name}`, { exact: true });
  const saveMember = leader.getByRole('button', { name: `Save role of ${memberAccount.name}` });
  await expect(roleOfMember).toHaveValue('member');

  // Arrow keys on the select only choose: nothing is saved, and a reload shows the old role.
  await tabTo(roleOfMember);
  await leader.keyboard.press('ArrowUp');
  await expect(roleOfMember).toHaveValue('sponsor');
  await leader.keyboard.press('ArrowDown');
  await leader.keyboard.press('ArrowDown');
  await expect(roleOfMember).toHaveValue('guest');
  await expect(leader.getByRole('status').filter({ hasText: 'is now' })).toHaveCount(0);
  await expect(saveMember).toBeEnabled();
  await expectAccessible(leader, 'on the members tab with a role chosen but not saved');
  await expect(await roleAfterReload(leader, memberAccount.name)).toHaveValue('member');
  await expect(saveMember).toBeDisabled();

  // Save role applies the choice.
  await selectOption(roleOfMember, { label: 'Leader' });
  await activate(saveMember);
  await expect(
    leader.getByRole('status').filter({ hasText: `${memberAccount.name} is now leader.` }),
  ).toBeVisible();
  await expect(roleOfMember).toHaveValue('leader');
  await expect(roleOfMember).toBeFocused();
  await expect(saveMember).toBeDisabled();
  await expectAccessible(leader, 'on the members tab after saving a role');
  await expect(await roleAfterReload(leader, memberAccount.name)).toHaveValue('leader');

  // Lowering your own role asks first; Cancel keeps it.
  const roleOfLeader = leader.getByLabel(`Role of ${leaderAccount.name}`, { exact: true });
  const saveLeader = leader.getByRole('button', { name: `Save role of ${leaderAccount.name}` });
  await selectOption(roleOfLeader, { label: 'Member' });
  await activate(saveLeader);
  const ask = await openDialog(leader, 'Change your own role to member?');
  await expect(ask).toContainText('You will no longer manage it');
  await expectAccessible(leader, 'in the step-down dialog');
  await activate(ask.getByRole('button', { name: 'Cancel' }));
  await expect(ask).toBeHidden();
  await expect(roleOfLeader).toHaveValue('leader');
  await expect(roleOfLeader).toBeFocused();
  await expect(await roleAfterReload(leader, leaderAccount.name)).toHaveValue('leader');

  // Confirming steps down: the leader is a member now and sees roles as badges only.
  await selectOption(roleOfLeader, { label: 'Member' });
  await activate(saveLeader);
  const confirm = await openDialog(leader, 'Change your own role to member?');
  await activate(confirm.getByRole('button', { name: 'Change my role' }));
  await expect(confirm).toBeHidden();
  await leader.reload();
  const members = leader.getByRole('list', { name: /^Members of / });
  await expect(members.getByRole('listitem').filter({ hasText: leaderAccount.name })).toContainText('Member');
  await expect(leader.getByLabel(`Role of ${memberAccount.name}`, { exact: true })).toHaveCount(0);
  await expectAccessible(leader, 'on the members tab after stepping down');

  await member.context().close();
  await leader.context().close();
  await admin.context().close();
});
