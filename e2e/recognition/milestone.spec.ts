import { createConfirmedPerson, joinNewMembers, newAccount, signIn } from '../support/accounts.ts';
import { leaderAndMember } from '../support/communities.ts';
import { expect, expectAccessible, test } from '../support/fixtures.ts';
import { activate, typeInto } from '../support/keyboard.ts';

test('a milestone appears when the tenth member joins, and a leader adds a word to it', async ({
  browser,
  playwright,
  baseURL,
}) => {
  const { admin, leader, slug } = await leaderAndMember(browser, {
    name: 'Milestone practice',
    purpose: 'Where a community celebrates what it reaches.',
  });
  // The leader and one member, and seven more: nine in all.
  await joinNewMembers(playwright.request, admin.request, baseURL ?? '', slug, 7);

  await leader.goto(`/communities/${slug}`);
  const milestones = leader.getByRole('region', { name: 'Milestones' });
  await expect(milestones.getByText(/None yet/)).toBeVisible();
  await expectAccessible(leader, 'on the About tab without milestones');

  // The tenth joins from the community's page.
  const tenthAccount = newAccount('Etta Wenger');
  await createConfirmedPerson(admin.request, tenthAccount);
  const tenth = await signIn(browser, tenthAccount);
  await tenth.goto(`/communities/${slug}`);
  await activate(tenth.getByRole('button', { name: 'Join community' }));
  const tenthMilestones = tenth.getByRole('region', { name: 'Milestones' });
  await expect(tenthMilestones.getByText('10 members')).toBeVisible();
  await expect(tenthMilestones.getByText(/^Reached /)).toBeVisible();
  await expect(tenth.getByRole('button', { name: /Add a word/ })).toHaveCount(0);
  await expectAccessible(tenth, 'on the About tab with the milestone');

  // A leader adds a word to the celebration.
  await leader.reload();
  await expect(milestones.getByText('10 members')).toBeVisible();
  await activate(leader.getByRole('button', { name: 'Add a word to “10 members”' }));
  const note = leader.getByLabel('Your word on “10 members”');
  await expect(note).toBeFocused();
  await typeInto(note, 'Ten of us: thank you for bringing your colleagues along!');
  await expectAccessible(leader, 'writing a word on the milestone');
  await activate(leader.getByRole('button', { name: 'Save' }));
  await expect(
    milestones.getByText('Ten of us: thank you for bringing your colleagues along!'),
  ).toBeVisible();
  await expect(leader.getByRole('button', { name: 'Change the word on “10 members”' })).toBeVisible();

  // The members see it on their home page, with the word.
  await tenth.goto('/');
  const celebrations = tenth.getByRole('region', { name: 'Celebrations in your communities' });
  await expect(celebrations.getByText(/10 members/)).toBeVisible();
  await expect(celebrations.getByText(/Ten of us/)).toBeVisible();
  await expectAccessible(tenth, 'on the home page with a celebration');
  await tenth.context().close();
});
