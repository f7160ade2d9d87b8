import {
  communityPerson,
  createCommunity,
  openDialog,
  signInAdministrator,
  signInOnce,
  uniqueWord,
} from '../support/communities.ts';
import { expect, expectAccessible, test } from '../support/fixtures.ts';

test('a member asks to join a moderated community and a leader approves, then changes their role', async ({
  browser,
}) => {
  const admin = await signInAdministrator(browser);
  const leaderAccount = await communityPerson(admin.request, 'leader');
  const memberAccount = await communityPerson(admin.request, 'member');
  const leader = await signInOnce(browser, leaderAccount);
  const name = `Play and Learning ${uniqueWord('')}`;
  const slug = await createCommunity(leader.request, admin.request, {
    name,
    purpose: 'Early-years educators studying play as learning.',
    visibility: 'institution',
    joinPolicy: 'request',
  });

  // The member asks to join, with a message to the leaders.
  const member = await signInOnce(browser, memberAccount);
  await member.goto(`/communities/${slug}`);
  await expect(member.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(member.getByText('Ask to join').first()).toBeVisible();
  await expectAccessible(member, 'on a moderated community');
  await member.getByRole('button', { name: 'Ask to join' }).click();
  const ask = await openDialog(member, `Ask to join ${name}`);
  await expect(ask).toBeVisible();
  await expectAccessible(member, 'in the ask-to-join dialog');
  await ask.getByLabel('Message to the leaders').fill('I run the nursery lab and would love to share notes.');
  await ask.getByRole('button', { name: 'Send request' }).click();
  await expect(ask).toBeHidden();
  await expect(member.getByRole('status').filter({ hasText: 'Your request is sent' })).toBeVisible();
  await expect(member.getByRole('button', { name: 'Request pending' })).toBeDisabled();
  await expectAccessible(member, 'on a community with a pending request');

  // The leader sees the request on the members tab and approves it with a welcome.
  await leader.goto(`/communities/${slug}`);
  await leader
    .getByRole('navigation', { name: 'Community sections' })
    .getByRole('link', { name: 'Members' })
    .click();
  await expect(leader.getByRole('heading', { name: 'Requests to join (1)' })).toBeVisible();
  const requests = leader.getByRole('list', { name: 'Pending requests' });
  await expect(requests).toContainText('I run the nursery lab');
  await expectAccessible(leader, 'on the members tab with a request');
  await requests.getByRole('button', { name: `Approve ${memberAccount.name}` }).click();
  const approve = await openDialog(leader, `Approve ${memberAccount.name}’s request?`);
  await expectAccessible(leader, 'in the approve dialog');
  await approve.getByLabel(`Message to ${memberAccount.name}`).fill('Welcome! We meet on Thursdays.');
  await approve.getByRole('button', { name: 'Approve' }).click();
  await expect(approve).toBeHidden();
  await expect(
    leader.getByRole('status').filter({ hasText: `${memberAccount.name} is now a member.` }),
  ).toBeVisible();
  await expect(leader.getByText('No one is waiting for an answer.')).toBeVisible();
  const members = leader.getByRole('list', { name: `Members of ${name}` });
  await expect(members.getByRole('listitem')).toHaveCount(2);

  // The leader makes them a co-leader; the member list and the role select say so.
  await members
    .getByLabel(`Role of ${memberAccount.name}`, { exact: true })
    .selectOption({ label: 'Co-leader' });
  await members.getByRole('button', { name: `Save role of ${memberAccount.name}` }).click();
  await expect(
    leader.getByRole('status').filter({ hasText: `${memberAccount.name} is now co-leader.` }),
  ).toBeVisible();
  await leader.getByLabel('Role', { exact: true }).selectOption({ label: 'Co-leader' });
  await expect(members.getByRole('listitem')).toHaveCount(1);
  await expect(members).toContainText(memberAccount.name);
  await expectAccessible(leader, 'on the members tab after approving');

  // The member is told by a notification and sees their place in the community.
  await member.reload();
  await expect(member.getByText('You co-lead this community')).toBeVisible();
  await expect(member.getByRole('link', { name: 'Edit details' })).toBeVisible();
  await member.getByRole('button', { name: 'Leave' }).click();
  const leave = await openDialog(member, `Leave ${name}?`);
  await expectAccessible(member, 'in the leave dialog');
  await leave.getByRole('button', { name: 'Leave community' }).click();
  await expect(member.getByRole('status').filter({ hasText: `You left ${name}.` })).toBeVisible();
  await expect(member.getByRole('button', { name: 'Ask to join' })).toBeVisible();

  await member.context().close();
  await leader.context().close();
  await admin.context().close();
});
