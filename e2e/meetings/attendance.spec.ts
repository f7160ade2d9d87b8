import { leaderAndMember, openDialog } from '../support/communities.ts';
import { expect, expectAccessible, test } from '../support/fixtures.ts';
import { activate, check, typeInto } from '../support/keyboard.ts';
import { browserLocalTime, expectNoSidewaysScroll } from '../support/meetings.ts';

test('after a meeting the host takes attendance, including someone who had not answered, and adds notes', async ({
  browser,
}) => {
  const { admin, leader, leaderAccount, member, memberAccount, slug } = await leaderAndMember(browser, {
    name: 'Feedback Literacy',
    purpose: 'Helping students use the feedback they get.',
  });

  // The leader, on a phone, records a meeting that took place in the last hour (in the browser's zone).
  await leader.setViewportSize({ width: 360, height: 780 });
  await leader.goto(`/communities/${slug}/meetings/new`);
  await expect(leader.getByRole('heading', { level: 2, name: 'Schedule a meeting' })).toBeVisible();
  await expectNoSidewaysScroll(leader);
  await expectAccessible(leader, 'on the schedule form at 360 px');
  await typeInto(leader.getByLabel(/^Title/), 'Feedback dialogue session');
  await typeInto(leader.getByLabel(/^Starts/), await browserLocalTime(leader, -50));
  await typeInto(leader.getByLabel(/^Ends/), await browserLocalTime(leader, -10));
  await activate(leader.getByRole('button', { name: 'Schedule', exact: true }));
  await expect(leader.getByRole('heading', { level: 1, name: 'Feedback dialogue session' })).toBeVisible();

  // Attendance: every member listed; the member who never answered is ticked too.
  const attendance = leader.getByRole('region', { name: 'Attendance' });
  await expect(attendance).toContainText('Attendance has not been taken yet.');
  await activate(attendance.getByRole('button', { name: 'Take attendance' }));
  const checklist = attendance.getByRole('list', { name: 'Members who came' });
  await expect(checklist.getByRole('checkbox')).toHaveCount(2);
  await expectAccessible(leader, 'while taking attendance');
  await check(checklist.getByRole('checkbox', { name: leaderAccount.name }));
  await check(checklist.getByRole('checkbox', { name: memberAccount.name }));
  await activate(attendance.getByRole('button', { name: 'Save attendance' }));
  await expect(
    leader.getByRole('status').filter({ hasText: 'Attendance is saved: 2 people came.' }),
  ).toBeVisible();
  await expect(attendance.getByRole('list', { name: 'Who came' })).toContainText(memberAccount.name);

  // Notes, a recording and a follow-up action.
  const followUp = leader.getByRole('region', { name: 'Notes and follow-up' });
  await activate(followUp.getByRole('button', { name: 'Add notes' }));
  await typeInto(followUp.getByLabel('Notes', { exact: true }), 'We compared **three** feedback templates.');
  await typeInto(
    followUp.getByLabel('Recording link', { exact: true }),
    'https://video.example.org/feedback-1',
  );
  await activate(followUp.getByRole('button', { name: 'Add an action' }));
  await typeInto(followUp.getByLabel('Action 1', { exact: true }), 'Share the templates with the group');
  await expectAccessible(leader, 'while writing the notes');
  await activate(followUp.getByRole('button', { name: 'Save follow-up' }));
  await expect(leader.getByRole('status').filter({ hasText: 'The notes are saved.' })).toBeVisible();
  await expect(followUp.locator('strong')).toHaveText('three');
  await expect(followUp.getByRole('list', { name: 'Follow-up actions' })).toContainText(
    'Share the templates with the group',
  );
  await expect(followUp.getByRole('link', { name: 'Watch the recording' })).toBeVisible();

  // The follow-up discussion starts from the meeting and comes back to it.
  const meetingUrl = leader.url();
  await activate(
    leader
      .getByRole('region', { name: 'Follow-up discussion' })
      .getByRole('button', { name: 'Start the follow-up discussion' }),
  );
  await expect(
    leader.getByRole('heading', { level: 1, name: 'Follow-up: Feedback dialogue session' }),
  ).toBeVisible();
  await leader.goto(meetingUrl);
  await expect(
    leader
      .getByRole('region', { name: 'Follow-up discussion' })
      .getByRole('link', { name: 'Open the follow-up discussion' }),
  ).toBeVisible();
  await expectNoSidewaysScroll(leader);
  await expectAccessible(leader, 'on a meeting with attendance and notes');

  // The member finds it among their past meetings, marked as attended.
  await member.goto('/calendar');
  await expect(member.getByRole('heading', { level: 1, name: 'Calendar' })).toBeVisible();
  await activate(member.getByRole('tab', { name: 'Past' }));
  const past = member.getByRole('list', { name: 'Your past meetings' });
  const row = past.getByRole('listitem').filter({ hasText: 'Feedback dialogue session' });
  await expect(row).toContainText('You attended');
  await expectAccessible(member, 'on the past tab of the Calendar');

  // The member's private calendar feed: made, read by a calendar app, reset (the old address stops), off.
  const feed = member.getByRole('region', { name: 'Calendar feed' });
  await activate(feed.getByRole('button', { name: 'Create feed address' }));
  const address = feed.getByLabel('Your calendar feed address');
  await expect(address).toHaveValue(/\/api\/calendar\/feeds\/[\w-]+\.ics$/);
  const firstUrl = await address.inputValue();
  const ics = await member.request.get(firstUrl);
  expect(ics.headers()['content-type']).toMatch(/^text\/calendar/);
  expect(await ics.text()).toContain('SUMMARY:Feedback dialogue session');
  await expectAccessible(member, 'on the Calendar with a feed');
  await activate(feed.getByRole('button', { name: 'Reset address' }));
  const reset = await openDialog(member, 'Reset your feed address?');
  await expectAccessible(member, 'in the reset-feed dialog');
  await activate(reset.getByRole('button', { name: 'Reset address' }));
  await expect(reset).toBeHidden();
  await expect(member.getByRole('status').filter({ hasText: 'the old one no longer works' })).toBeVisible();
  await expect(address).not.toHaveValue(firstUrl);
  expect((await member.request.get(firstUrl)).status()).toBe(404);

  // The community's own feed carries the member's key (the community is not public).
  await member.goto(`/communities/${slug}/meetings`);
  const communityFeed = member.getByLabel('Community calendar address');
  await expect(communityFeed).toHaveValue(/calendar\.ics\?token=/);
  const communityIcs = await member.request.get(await communityFeed.inputValue());
  expect(await communityIcs.text()).toContain('BEGIN:VEVENT');

  await member.goto('/calendar');
  await activate(
    member.getByRole('region', { name: 'Calendar feed' }).getByRole('button', { name: 'Turn off feed' }),
  );
  await expect(member.getByRole('button', { name: 'Create feed address' })).toBeVisible();

  await member.context().close();
  await leader.context().close();
  await admin.context().close();
});
