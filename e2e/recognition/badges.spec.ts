import { createConfirmedPerson, newAccount, signIn } from '../support/accounts.ts';
import { leaderAndMember } from '../support/communities.ts';
import { expect, expectAccessible, test } from '../support/fixtures.ts';
import { activate, typeInto, uncheck } from '../support/keyboard.ts';
import { scheduleMeeting, utcDayAt } from '../support/meetings.ts';

test('a member earns a badge for her first post, sees it on her profile and hides it; she thanks the host of a meeting', async ({
  browser,
}) => {
  const { admin, leader, leaderAccount, slug } = await leaderAndMember(browser, {
    name: 'Badge practice',
    purpose: 'Where contributions are noticed.',
  });
  const account = newAccount('Rosa Badge');
  await createConfirmedPerson(admin.request, account);
  const rosa = await signIn(browser, account);
  const joined = await rosa.request.post(`/api/communities/${slug}/join`, { data: {} });
  expect(joined.ok(), await joined.text()).toBe(true);
  const me = (await (await rosa.request.get('/api/me')).json()) as { data: { id: string } };
  const profile = `/people/${me.data.id}`;

  // Before she posts: no badges, and a word on how they come.
  await rosa.goto(profile);
  const badges = rosa.getByRole('region', { name: 'Badges' });
  await expect(badges).toContainText('No badges yet.');
  await expectAccessible(rosa, 'on her profile without badges');

  const started = await rosa.request.post(`/api/communities/${slug}/threads`, {
    data: { kind: 'discussion', title: 'Hello from Rosa', body: 'Glad to be here.' },
  });
  expect(started.status(), await started.text()).toBe(201);
  await rosa.reload();
  await expect(badges.getByText('First post', { exact: true })).toBeVisible();
  await expect(badges.getByRole('link', { name: /Badge practice/ })).toBeVisible();
  await expectAccessible(rosa, 'on her profile with a badge');

  // The leader sees it on her profile.
  await leader.goto(profile);
  await expect(leader.getByRole('region', { name: 'Badges' })).toContainText('First post');

  // She hides her badges in her settings.
  await rosa.goto('/settings/profile');
  const show = rosa.getByRole('switch', { name: 'Show my badges on my profile' });
  await expect(show).toBeChecked();
  await uncheck(show);
  await expect(
    rosa.getByRole('status').filter({ hasText: 'Your badges are now hidden from others.' }),
  ).toBeVisible();
  await expect(show).not.toBeChecked();
  await expectAccessible(rosa, 'after hiding her badges');
  await leader.reload();
  await expect(leader.getByRole('heading', { level: 1, name: account.name })).toBeVisible();
  await expect(leader.getByRole('region', { name: 'Badges' })).toHaveCount(0);
  await rosa.goto(profile);
  await expect(rosa.getByRole('region', { name: 'Badges' })).toContainText('Only you see your badges');

  // A meeting the leader hosted yesterday: Rosa thanks her for hosting.
  const meetingId = await scheduleMeeting(leader.request, slug, {
    title: 'Peer review hour',
    startsAt: utcDayAt(-1, '10:00'),
    endsAt: utcDayAt(-1, '11:00'),
    timeZone: 'UTC',
  });
  await rosa.goto(`/meetings/${meetingId}`);
  const hosting = rosa.getByRole('region', { name: 'Kudos for hosting' });
  await activate(hosting.getByRole('button', { name: `Give kudos to ${leaderAccount.name}` }));
  await typeInto(hosting.getByLabel(`Your thanks to ${leaderAccount.name}`), 'A calm, useful hour.');
  await activate(hosting.getByRole('button', { name: 'Send kudos' }));
  await expect(hosting.getByRole('list', { name: `Kudos for ${leaderAccount.name}` })).toContainText(
    'A calm, useful hour.',
  );
  await expectAccessible(rosa, 'after thanking the host');
  // The host sees the thanks on the meeting and cannot thank herself.
  await leader.goto(`/meetings/${meetingId}`);
  const own = leader.getByRole('region', { name: 'Kudos for hosting' });
  await expect(own).toContainText('A calm, useful hour.');
  await expect(own.getByRole('button', { name: /Give kudos/ })).toHaveCount(0);
});
