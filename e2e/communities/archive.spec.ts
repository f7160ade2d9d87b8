import {
  communityPerson,
  createCommunity,
  openDialog,
  signInAdministrator,
  signInOnce,
  uniqueWord,
} from '../support/communities.ts';
import { expect, expectAccessible, test } from '../support/fixtures.ts';
import { activate, check, selectOption, typeInto } from '../support/keyboard.ts';

test('a leader archives a community: it turns read-only and stays in the directory, marked', async ({
  browser,
}) => {
  const admin = await signInAdministrator(browser);
  const leaderAccount = await communityPerson(admin.request, 'leader');
  const memberAccount = await communityPerson(admin.request, 'member');
  const leader = await signInOnce(browser, leaderAccount);
  const word = uniqueWord('');
  const name = `Situated Learning ${word}`;
  const slug = await createCommunity(leader.request, admin.request, {
    name,
    purpose: 'Apprenticeship and legitimate peripheral participation, in practice.',
    visibility: 'public',
    joinPolicy: 'open',
  });
  const member = await signInOnce(browser, memberAccount);
  const joined = await member.request.post(`/api/communities/${slug}/join`, { data: {} });
  expect(joined.ok()).toBe(true);

  // The leader moves the stage on, reading what each stage means.
  await leader.goto(`/communities/${slug}`);
  const stage = leader.getByRole('region', { name: 'Stage' });
  await expect(stage).toContainText('Forming: the group meets');
  await activate(stage.getByRole('button', { name: 'Change stage' }));
  const dialog = await openDialog(leader, 'Change the stage');
  await expect(dialog.getByText('Archived: read-only, kept in the directory')).toBeVisible();
  await expectAccessible(leader, 'in the change-stage dialog');
  await check(dialog.getByRole('radio', { name: 'Archived' }));
  await expect(dialog.getByText('An archived community is read-only')).toBeVisible();
  await typeInto(dialog.getByLabel('Note'), 'We merged into the Practice Lab: thank you all.');
  await activate(dialog.getByRole('button', { name: 'Archive community' }));
  await expect(dialog).toBeHidden();
  await expect(leader.getByRole('status').filter({ hasText: 'it is now read-only' })).toBeVisible();
  await expect(leader.getByText('This community is archived')).toBeVisible();
  const history = leader.getByRole('list', { name: 'Stage history' });
  await expect(history.getByRole('listitem').first()).toContainText('Coalescing → Archived');
  await expect(history.getByRole('listitem').first()).toContainText('We merged into the Practice Lab');
  await expect(history.getByRole('listitem').first()).toContainText(leaderAccount.name);
  await expect(leader.getByRole('link', { name: 'Edit details' })).toHaveCount(0);
  await expect(stage.getByRole('button', { name: 'Change stage' })).toHaveCount(0);
  await expectAccessible(leader, 'on an archived community');

  // Nothing can be changed: no charter editing, no role changes, no invitations.
  await activate(
    leader.getByRole('navigation', { name: 'Community sections' }).getByRole('link', { name: 'Charter' }),
  );
  await expect(leader.getByRole('heading', { level: 2, name: 'Charter' })).toBeVisible();
  await expect(leader.getByRole('button', { name: 'Edit charter' })).toHaveCount(0);
  await activate(
    leader.getByRole('navigation', { name: 'Community sections' }).getByRole('link', { name: 'Members' }),
  );
  await expect(leader.getByRole('list', { name: `Members of ${name}` }).getByRole('listitem')).toHaveCount(2);
  await expect(leader.getByLabel(`Role of ${memberAccount.name}`)).toHaveCount(0);
  await expect(leader.getByRole('heading', { name: 'Invite people' })).toHaveCount(0);

  // A member can no longer leave; a visitor can no longer join.
  await member.goto(`/communities/${slug}`);
  await expect(member.getByText('This community is archived')).toBeVisible();
  await expect(member.getByRole('button', { name: 'Leave' })).toHaveCount(0);
  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto(`/communities/${slug}`);
  await expect(visitor.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(visitor.getByRole('link', { name: 'Sign in to join' })).toHaveCount(0);

  // It stays findable in the directory, marked as archived, and "open to join" leaves it out.
  await visitor.goto(`/communities?q=${word}`);
  const card = visitor.getByRole('article', { name });
  await expect(card.getByText('Archived', { exact: true })).toBeVisible();
  await expect(card).toContainText('Read-only');
  await expectAccessible(visitor, 'on the directory with an archived community');
  await selectOption(visitor.getByLabel('Stage'), { label: 'Archived' });
  await expect(visitor.getByRole('article', { name })).toBeVisible();
  await check(visitor.getByLabel('Open to join only'));
  await expect(visitor.getByRole('heading', { name: /^No community matches/ })).toBeVisible();

  await visitor.context().close();
  await member.context().close();
  await leader.context().close();
  await admin.context().close();
});
