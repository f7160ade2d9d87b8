import {
  communityPerson,
  createCommunity,
  openDialog,
  signInAdministrator,
  signInOnce,
  uniqueWord,
} from '../support/communities.ts';
import { expect, expectAccessible, test } from '../support/fixtures.ts';
import { activate, selectOption, typeInto } from '../support/keyboard.ts';

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
  await activate(member.getByRole('button', { name: 'Ask to join' }));
  const ask = await openDialog(member, `Ask to join ${name}`);
  await expect(ask).toBeVisible();
  await expectAccessible(member, 'in the ask-to-join dialog');
  await typeInto(
    ask.getByLabel('Message to the leaders'),
    'I run the nursery lab and would love to share notes.',
  );
  await activate(ask.getByRole('button', { name: 'Send request' }));
  await expect(ask).toBeHidden();
  await expect(member.getByRole('status').filter({ hasText: 'Your request is sent' })).toBeVisible();
  await expect(member.getByRole('button', { name: 'Request pending' })).toBeDisabled();
  await expectAccessible(member, 'on a community with a pending request');

  // The leader sees the request on the members tab and approves it with a welcome.
  await leader.goto(`/communities/${slug}`);
  await activate(
    leader.getByRole('navigation', { name: 'Community sections' }).getByRole('link', { name: 'Members' }),
  );
  await expect(leader.getByRole('heading', { name: 'Requests to join (1)' })).toBeVisible();
  const requests = leader.getByRole('list', { name: 'Pending requests' });
  await expect(requests).toContainText('I run the nursery lab');
  await expectAccessible(leader, 'on the members tab with a request');
  await activate(requests.getByRole('button', { name: `Approve ${memberAccount.name}` }));
  const approve = await openDialog(leader, `Approve ${memberAccount.name}’s request?`);
  await expectAccessible(leader, 'in the approve dialog');
  await typeInto(approve.getByLabel(`Message to ${memberAccount.name}`), 'Welcome! We meet on Thursdays.');
  await activate(approve.getByRole('button', { name: 'Approve' }));
  await expect(approve).toBeHidden();
  await expect(
    leader.getByRole('status').filter({ hasText: `${memberAccount.name} is now a member.` }),
  ).toBeVisible();
  await expect(leader.getByText('No one is waiting for an answer.')).toBeVisible();
  const members = leader.getByRole('list', { name: `Members of ${name}` });
  await expect(members.getByRole('listitem')).toHaveCount(2);

  // The leader makes them a co-leader; the member list and the role select say so.
  await selectOption(members.getByLabel(`Role of ${memberAccount.name}`, { exact: true }), {
    label: 'Co-leader',
  });
  await activate(members.getByRole('button', { name: `Save role of ${memberAccount.name}` }));
  await expect(
    leader.getByRole('status').filter({ hasText: `${memberAccount.name} is now co-leader.` }),
  ).toBeVisible();
  await selectOption(leader.getByLabel('Role', { exact: true }), { label: 'Co-leader' });
  await expect(members.getByRole('listitem')).toHaveCount(1);
  await expect(members).toContainText(memberAccount.name);
  await expectAccessible(leader, 'on the members tab after approving');

  // The member is told by a notification and sees their place in the community.
  await member.reload();
  await expect(member.getByText('You co-lead this community')).toBeVisible();
  await expect(member.getByRole('link', { name: 'Edit details' })).toBeVisible();
  await activate(member.getByRole('button', { name: 'Leave' }));
  const leave = await openDialog(member, `Leave ${name}?`);
  await expectAccessible(member, 'in the leave dialog');
  await activate(leave.getByRole('button', { name: 'Leave community' }));
  await expect(member.getByRole('status').filter({ hasText: `You left ${name}.` })).toBeVisible();
  await expect(member.getByRole('button', { name: 'Ask to join' })).toBeVisible();

  await member.context().close();
  await leader.context().close();
  await admin.context().close();
});
