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
import { nthWeekdayOfMonth } from '../support/meetings.ts';

test('a leader schedules a monthly meeting; it shows on the Meetings tab and the Calendar, and a member answers', async ({
  browser,
}) => {
  const admin = await signInAdministrator(browser);
  const leaderAccount = await communityPerson(admin.request, 'leader');
  const memberAccount = await communityPerson(admin.request, 'member');
  const leader = await signInOnce(browser, leaderAccount);
  const word = uniqueWord('');
  const name = `Reading Circle ${word}`;
  const slug = await createCommunity(leader.request, admin.request, {
    name,
    purpose: 'Colleagues who read one paper on teaching a month and talk it over.',
    visibility: 'institution',
    joinPolicy: 'open',
  });

  // The Meetings tab starts empty, with a way to schedule.
  await leader.goto(`/communities/${slug}`);
  await activate(
    leader.getByRole('navigation', { name: 'Community sections' }).getByRole('link', { name: 'Meetings' }),
  );
  await expect(leader.getByRole('heading', { level: 2, name: 'Meetings' })).toBeVisible();
  await expect(leader.getByText('No meetings planned yet.')).toBeVisible();
  await expectAccessible(leader, 'on an empty Meetings tab');
  await activate(leader.getByRole('link', { name: 'Schedule a meeting' }));
  await expect(leader.getByRole('heading', { level: 2, name: 'Schedule a meeting' })).toBeVisible();

  // Monthly on the second Wednesday, six times, in Paris, skipping the third one.
  const first = nthWeekdayOfMonth(2, 2, 3);
  const skipped = nthWeekdayOfMonth(4, 2, 3);
  await typeInto(leader.getByLabel(/^Title/), 'Monthly reading circle');
  await typeInto(leader.getByLabel('Description', { exact: true }), 'We read **one paper** a month.');
  await expect(
    leader.getByRole('region', { name: 'Preview of the description' }).locator('strong'),
  ).toHaveText('one paper');
  await typeInto(leader.getByLabel('Agenda', { exact: true }), '- Welcome\n- Discussion\n- Next paper');
  // A start left empty is asked for in the format the picker shows (this browser's is en-US), not in the
  // API's ISO form ("2026-12-01T15:00").
  const starts = leader.getByLabel(/^Starts/);
  await typeInto(starts, '');
  await activate(leader.getByRole('button', { name: 'Schedule', exact: true }));
  const shownFormat = 'Enter a date and time like 12/28/2026, 03:00 PM.';
  await expect(leader.getByText(shownFormat, { exact: true })).toBeVisible();
  await expect(starts).toHaveAccessibleDescription(shownFormat);
  await expect(starts).toBeFocused();
  await expectAccessible(leader, 'on the schedule form with a date error');
  await typeInto(starts, `${first}T15:00`);
  await typeInto(leader.getByLabel(/^Ends/), `${first}T16:30`);
  await typeInto(leader.getByRole('combobox', { name: 'Time zone' }), 'Europe/Paris');
  await activate(leader.getByRole('option', { name: 'Europe/Paris', exact: true }));
  await selectOption(leader.getByLabel('Repeats', { exact: true }), {
    label: 'Monthly on the second Wednesday',
  });
  await typeInto(leader.getByLabel('Number of meetings', { exact: true }), '6');
  await typeInto(leader.getByLabel('Skip a date', { exact: true }), skipped);
  await activate(leader.getByRole('button', { name: 'Add date' }));
  await expect(leader.getByRole('list', { name: 'Dates skipped' })).toContainText(skipped);
  await typeInto(leader.getByLabel('Room', { exact: true }), 'Library, room 2.14');
  await typeInto(
    leader.getByLabel('Online link', { exact: true }),
    'https://meet.example.org/reading-circle',
  );
  await typeInto(leader.getByLabel('Capacity', { exact: true }), '12');
  await expectAccessible(leader, 'on the schedule form');
  await activate(leader.getByRole('button', { name: 'Schedule', exact: true }));

  // The first meeting's page: times in the viewer's zone and in Paris, the series, the places.
  await expect(leader.getByRole('heading', { level: 1, name: 'Monthly reading circle' })).toBeVisible();
  await expect(leader.getByRole('status').filter({ hasText: 'The meetings are scheduled.' })).toBeVisible();
  const when = leader.getByRole('region', { name: 'When and where' });
  await expect(when).toContainText('Library, room 2.14');
  await expect(when).toContainText('0 of 12 places taken');
  await expect(when).toContainText('meeting 1 of 5');
  await expect(leader.getByRole('region', { name: 'About this meeting' }).locator('strong')).toHaveText(
    'one paper',
  );
  await expectAccessible(leader, 'on a new meeting');

  // Five meetings on the Meetings tab (six, less the skipped date)…
  await activate(leader.getByRole('link', { name, exact: true }));
  await expect(leader.getByRole('heading', { level: 2, name: 'Meetings' })).toBeVisible();
  const upcoming = leader.getByRole('list', { name: 'Upcoming meetings' });
  await expect(upcoming.getByRole('listitem')).toHaveCount(5);
  await expect(upcoming.getByRole('listitem').first()).toContainText('Monthly reading circle');
  await expectAccessible(leader, 'on the Meetings tab');

  // The community's home and its directory card show what comes next.
  await activate(
    leader.getByRole('navigation', { name: 'Community sections' }).getByRole('link', { name: 'About' }),
  );
  await expect(leader.getByRole('region', { name: 'Next meetings' })).toContainText('Monthly reading circle');
  await leader.goto(`/communities?q=${word}`);
  await expect(leader.getByRole('article', { name })).toContainText('Next meeting: Monthly reading circle');

  // …and on the leader's Calendar.
  await activate(leader.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Calendar' }));
  await expect(leader.getByRole('heading', { level: 1, name: 'Calendar' })).toBeVisible();
  const calendar = leader.getByRole('list', { name: 'Your upcoming meetings' });
  await expect(calendar.getByRole('listitem').filter({ hasText: name }).first()).toContainText(
    'Monthly reading circle',
  );
  await expectAccessible(leader, 'on the Calendar page');

  // A member joins and answers "going" from their own account.
  const member = await signInOnce(browser, memberAccount);
  const joined = await member.request.post(`/api/communities/${slug}/join`, { data: {} });
  expect(joined.ok()).toBe(true);
  await member.goto(`/communities/${slug}/meetings`);
  await activate(
    member
      .getByRole('list', { name: 'Upcoming meetings' })
      .getByRole('link', { name: 'Monthly reading circle' })
      .first(),
  );
  await expect(member.getByRole('heading', { level: 2, name: 'Are you going?' })).toBeVisible();
  await expectAccessible(member, 'on a meeting before answering');
  await activate(member.getByRole('button', { name: 'Going', exact: true }));
  await expect(member.getByRole('status').filter({ hasText: 'You are going.' })).toBeVisible();
  await expect(member.getByRole('button', { name: 'Going', exact: true })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await expect(member.getByRole('region', { name: 'When and where' })).toContainText('1 of 12 places taken');
  const meetingUrl = member.url();

  // The leader sees who answered.
  await leader.goto(meetingUrl);
  const responses = leader.getByRole('region', { name: 'Responses' });
  await expect(responses.getByRole('heading', { name: 'Going (1)' })).toBeVisible();
  await expect(responses).toContainText(memberAccount.name);
  await expectAccessible(leader, 'on a meeting with responses');

  // Roles: the member volunteers as note-taker; the leader assigns the facilitator from the suggestions.
  await member.reload();
  const memberRoles = member.getByRole('region', { name: 'Roles' });
  await activate(memberRoles.getByRole('button', { name: 'Volunteer as note-taker' }));
  await expect(
    member.getByRole('status').filter({ hasText: 'You are note-taker for this meeting.' }),
  ).toBeVisible();
  await leader.reload();
  const roles = leader.getByRole('region', { name: 'Roles' });
  await expect(roles).toContainText(`${memberAccount.name} (volunteered)`);
  await activate(roles.getByRole('button', { name: 'Assign facilitator' }));
  const assign = await openDialog(leader, 'Who is Facilitator?');
  await expectAccessible(leader, 'in the assign-role dialog');
  await activate(assign.getByRole('button', { name: leaderAccount.name }));
  await activate(assign.getByRole('button', { name: 'Assign', exact: true }));
  await expect(assign).toBeHidden();
  await expect(
    leader.getByRole('status').filter({ hasText: 'You are facilitator for this meeting.' }),
  ).toBeVisible();

  // This and the following meetings move to another room.
  await activate(leader.getByRole('link', { name: 'Edit meeting' }));
  await expect(
    leader.getByRole('heading', { level: 1, name: 'Edit “Monthly reading circle”' }),
  ).toBeVisible();
  await check(leader.getByRole('radio', { name: 'This and following meetings' }));
  await typeInto(leader.getByLabel('Room', { exact: true }), 'Library, room 3.01');
  await expectAccessible(leader, 'on the edit form of a series');
  await activate(leader.getByRole('button', { name: 'Save changes' }));
  await expect(
    leader.getByRole('status').filter({ hasText: 'This meeting and the following ones are updated.' }),
  ).toBeVisible();
  await expect(leader.getByRole('region', { name: 'When and where' })).toContainText('Library, room 3.01');

  // Cancelling one meeting leaves it visible, marked.
  await activate(leader.getByRole('button', { name: 'Cancel meeting' }));
  const cancel = await openDialog(leader, 'Cancel “Monthly reading circle”?');
  await expectAccessible(leader, 'in the cancel dialog');
  await typeInto(cancel.getByLabel('Reason'), 'The library is closed that day.');
  await activate(cancel.getByRole('button', { name: 'Cancel meeting' }));
  await expect(cancel).toBeHidden();
  await expect(leader.getByText('This meeting is cancelled')).toBeVisible();
  await expect(leader.getByText('The library is closed that day.')).toBeVisible();
  await leader.goto(`/communities/${slug}/meetings`);
  await expect(upcoming.getByRole('listitem').first()).toContainText('Cancelled');
  await expect(upcoming.getByRole('listitem')).toHaveCount(5);

  // Leaders add a role of their own.
  const activityRoles = leader.getByRole('region', { name: 'Activity roles' });
  await typeInto(activityRoles.getByLabel('New role'), 'Timekeeper');
  await activate(activityRoles.getByRole('button', { name: 'Add role' }));
  await expect(activityRoles.getByRole('list')).toContainText('Timekeeper');
  await expectAccessible(leader, 'on the Meetings tab with a cancelled meeting');

  await member.context().close();
  await leader.context().close();
  await admin.context().close();
});
