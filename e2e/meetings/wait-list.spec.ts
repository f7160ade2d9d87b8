import {
  communityPerson,
  createCommunity,
  signInAdministrator,
  signInOnce,
  uniqueWord,
} from '../support/communities.ts';
import { expect, expectAccessible, test } from '../support/fixtures.ts';
import { activate, check, uncheck } from '../support/keyboard.ts';
import { expectNoSidewaysScroll, scheduleMeeting, utcDayAt } from '../support/meetings.ts';

test('a full meeting puts the next person on the wait list and promotes them when a place frees up', async ({
  browser,
}) => {
  const admin = await signInAdministrator(browser);
  const leaderAccount = await communityPerson(admin.request, 'leader');
  const memberAccount = await communityPerson(admin.request, 'member');
  const leader = await signInOnce(browser, leaderAccount);
  const slug = await createCommunity(leader.request, admin.request, {
    name: `Lab Safety Circle ${uniqueWord('')}`,
    purpose: 'Technicians sharing practice on safe teaching labs.',
    visibility: 'institution',
    joinPolicy: 'open',
  });
  const member = await signInOnce(browser, memberAccount);
  const joined = await member.request.post(`/api/communities/${slug}/join`, { data: {} });
  expect(joined.ok()).toBe(true);
  const id = await scheduleMeeting(leader.request, slug, {
    title: 'Fume cupboard walk-through',
    startsAt: utcDayAt(3, '10:00'),
    endsAt: utcDayAt(3, '11:00'),
    timeZone: 'UTC',
    capacity: 1,
    room: 'Chemistry lab B',
  });

  // A takes the one place.
  await leader.goto(`/meetings/${id}`);
  await expect(leader.getByRole('heading', { level: 1, name: 'Fume cupboard walk-through' })).toBeVisible();
  await activate(leader.getByRole('button', { name: 'Going', exact: true }));
  await expect(leader.getByRole('status').filter({ hasText: 'You are going.' })).toBeVisible();
  await expect(leader.getByRole('region', { name: 'When and where' })).toContainText('1 of 1 places taken');

  // B asks for it and waits, first in line.
  await member.goto(`/meetings/${id}`);
  await expect(member.getByRole('region', { name: 'When and where' })).toContainText('1 of 1 places taken');
  await activate(member.getByRole('button', { name: 'Going', exact: true }));
  await expect(
    member.getByRole('status').filter({ hasText: 'you are on the wait list (position 1)' }),
  ).toBeVisible();
  await expect(member.getByRole('region', { name: 'When and where' })).toContainText('1 on the wait list');
  await expectAccessible(member, 'on a meeting with a wait list');

  // A cannot come after all: B moves up.
  await leader.reload();
  await expect(
    leader.getByRole('region', { name: 'Responses' }).getByRole('heading', { name: 'On the wait list (1)' }),
  ).toBeVisible();
  await activate(leader.getByRole('button', { name: 'Not going', exact: true }));
  await expect(leader.getByRole('status').filter({ hasText: 'You are not going.' })).toBeVisible();

  await member.reload();
  await expect(member.getByText('You are going.')).toBeVisible();
  await expect(member.getByRole('button', { name: 'Going', exact: true })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await expect(member.getByRole('region', { name: 'When and where' })).toContainText('1 of 1 places taken');
  await expectAccessible(member, 'on a meeting after promotion from the wait list');

  // On a phone (360 px wide) the page reads without sideways scrolling.
  await member.setViewportSize({ width: 360, height: 780 });
  await expect(member.getByRole('heading', { level: 1, name: 'Fume cupboard walk-through' })).toBeVisible();
  await expectNoSidewaysScroll(member);
  await expectAccessible(member, 'on a meeting at 360 px');

  // The leaders let every member schedule; the member now can.
  await leader.goto(`/communities/${slug}/edit`);
  await check(leader.getByRole('radio', { name: 'Every member' }));
  await activate(leader.getByRole('button', { name: 'Save details' }));
  await expect(leader.getByRole('status').filter({ hasText: 'The details are saved.' })).toBeVisible();
  await member.goto(`/communities/${slug}/meetings`);
  await expect(member.getByRole('link', { name: 'Schedule a meeting' })).toBeVisible();

  // Reminders: the member keeps the day-before one and turns off the hour-before one.
  await member.goto('/settings/profile');
  const reminders = member.getByRole('region', { name: 'Meeting reminders' });
  await expect(reminders.getByRole('switch', { name: 'A day before' })).toBeChecked();
  await uncheck(reminders.getByRole('switch', { name: 'An hour before' }));
  await expect(
    member.getByRole('status').filter({ hasText: 'An hour before: reminders off.' }),
  ).toBeVisible();
  await member.reload();
  await expect(
    member.getByRole('region', { name: 'Meeting reminders' }).getByRole('switch', { name: 'An hour before' }),
  ).not.toBeChecked();
  await expectAccessible(member, 'on the profile settings with reminders');

  await member.context().close();
  await leader.context().close();
  await admin.context().close();
});
