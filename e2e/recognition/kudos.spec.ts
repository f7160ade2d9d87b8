import { leaderAndMember } from '../support/communities.ts';
import { expect, expectAccessible, test } from '../support/fixtures.ts';
import { activate, typeInto } from '../support/keyboard.ts';

test('a member gives kudos for a thread, and its author is told', async ({ browser }) => {
  const { leader, leaderAccount, member, memberAccount, slug } = await leaderAndMember(browser, {
    name: 'Kudos practice',
    purpose: 'Where members thank each other for what they share.',
  });
  const title = `Our rubric for lab reports ${Date.now().toString(36)}`;
  const started = await leader.request.post(`/api/communities/${slug}/threads`, {
    data: { kind: 'discussion', title, body: 'Here is the rubric we use, with examples.' },
  });
  expect(started.status(), await started.text()).toBe(201);
  const threadId = ((await started.json()) as { data: { id: string } }).data.id;

  await member.goto(`/discussions/${threadId}`);
  await expect(member.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await activate(member.getByRole('button', { name: `Give kudos to ${leaderAccount.name}` }));
  const message = member.getByLabel(`Your thanks to ${leaderAccount.name}`);
  await expect(message).toBeFocused();
  await expectAccessible(member, 'writing kudos');
  await typeInto(message, 'The examples saved me an afternoon.');
  await activate(member.getByRole('button', { name: 'Send kudos' }));
  await expect(member.getByRole('status').filter({ hasText: 'Your kudos are on their way' })).toBeVisible();
  const list = member.getByRole('list', { name: `Kudos for ${leaderAccount.name}` });
  await expect(list).toContainText(`Kudos from ${memberAccount.name}: The examples saved me an afternoon.`);
  // One from each member for each contribution.
  await expect(member.getByRole('button', { name: `Give kudos to ${leaderAccount.name}` })).toHaveCount(0);
  await expectAccessible(member, 'after giving kudos');

  // The author is told, and sees them under the thread.
  await leader.goto('/notifications');
  await expect(leader.getByText(`${memberAccount.name} gave you kudos for`).first()).toBeVisible();
  await expectAccessible(leader, 'on the notifications with kudos');
  await leader.goto(`/discussions/${threadId}`);
  await expect(leader.getByRole('list', { name: `Kudos for ${leaderAccount.name}` })).toContainText(
    'The examples saved me an afternoon.',
  );
  await expect(leader.getByRole('button', { name: /Give kudos/ })).toHaveCount(0);
});
