import { createConfirmedPerson, newAccount, signIn } from '../support/accounts.ts';
import { leaderAndMember } from '../support/communities.ts';
import { expect, expectAccessible, test } from '../support/fixtures.ts';
import { activate, check, typeInto } from '../support/keyboard.ts';

test('a member deletes their account keeping what they wrote: signed out, the password no longer works, and their reply shows under "A former member"', async ({
  browser,
}) => {
  const { admin, leader, slug } = await leaderAndMember(browser, {
    name: 'Leaving practice',
    purpose: 'Where people come and go.',
  });
  const account = newAccount('Noor Leaving');
  await createConfirmedPerson(admin.request, account);
  const noor = await signIn(browser, account);
  const joined = await noor.request.post(`/api/communities/${slug}/join`, { data: {} });
  expect(joined.ok(), await joined.text()).toBe(true);
  const started = await leader.request.post(`/api/communities/${slug}/threads`, {
    data: { kind: 'discussion', title: 'What made you stay?', body: 'Tell us.' },
  });
  expect(started.status(), await started.text()).toBe(201);
  const { data: thread } = (await started.json()) as { data: { id: string } };
  const replied = await noor.request.post(`/api/threads/${thread.id}/replies`, {
    data: { body: 'The Friday lunches kept me here.' },
  });
  expect(replied.status(), await replied.text()).toBe(201);

  // Settings → Delete account: both ways explained; keep what I wrote, password and email address.
  await noor.goto('/settings/profile');
  await activate(
    noor.getByRole('navigation', { name: 'Settings' }).getByRole('link', { name: 'Delete account' }),
  );
  await expect(noor.getByRole('heading', { level: 1, name: 'Delete your account' })).toBeVisible();
  await check(noor.getByRole('radio', { name: 'Keep it without my name (anonymise)' }));
  await expect(noor.getByText('shown as written by "A former member"', { exact: false })).toBeVisible();
  await expectAccessible(noor, 'on Delete account');
  await typeInto(noor.getByLabel('Your password'), account.password);
  await typeInto(noor.getByRole('textbox', { name: 'Type your email address to confirm' }), account.email);
  await activate(noor.getByRole('button', { name: 'Delete my account' }));

  // Signed out, on the "account deleted" page.
  await expect(noor.getByRole('heading', { level: 1, name: 'Your account is deleted' })).toBeVisible();
  await expect(noor).toHaveURL(/\/account-deleted$/);
  await expectAccessible(noor, 'on the account-deleted page');

  // The old password no longer signs in.
  await noor.goto('/signin');
  await typeInto(noor.getByLabel('Email'), account.email);
  await typeInto(noor.getByLabel(/^Password/), account.password);
  await activate(noor.getByRole('button', { name: 'Sign in' }));
  await expect(noor.getByRole('alert')).toContainText('The email or password is not right.');
  await expectAccessible(noor, 'signing in with the deleted account');

  // The leader sees the reply kept, under "A former member".
  await leader.goto(`/discussions/${thread.id}`);
  const reply = leader.getByRole('article', { name: 'Reply from A former member' });
  await expect(reply).toContainText('The Friday lunches kept me here.');
  await expect(leader.getByText(account.name)).toHaveCount(0);
  await expectAccessible(leader, 'on the thread with a former member’s reply');
});
