import { readFile } from 'node:fs/promises';
import {
  communityPerson,
  createCommunity,
  signInAdministrator,
  signInOnce,
  uniqueWord,
} from '../support/communities.ts';
import { expect, expectAccessible, test } from '../support/fixtures.ts';
import { activate } from '../support/keyboard.ts';
import { scheduleMeeting, utcDayAt } from '../support/meetings.ts';

test('"Add to calendar" downloads the meeting as an iCalendar file', async ({ browser }) => {
  const admin = await signInAdministrator(browser);
  const leaderAccount = await communityPerson(admin.request, 'leader');
  const leader = await signInOnce(browser, leaderAccount);
  const slug = await createCommunity(leader.request, admin.request, {
    name: `Open Pedagogy ${uniqueWord('')}`,
    purpose: 'Open educational resources and renewable assignments.',
    visibility: 'public',
    joinPolicy: 'open',
  });
  const id = await scheduleMeeting(leader.request, slug, {
    title: 'Renewable assignments clinic',
    startsAt: utcDayAt(10, '14:00'),
    endsAt: utcDayAt(10, '15:30'),
    timeZone: 'America/New_York',
    onlineUrl: 'https://meet.example.org/oer',
  });

  await leader.goto(`/meetings/${id}`);
  await expect(leader.getByRole('heading', { level: 1, name: 'Renewable assignments clinic' })).toBeVisible();
  await expect(leader.getByText(/in America\/New York/)).toBeVisible();
  await expectAccessible(leader, 'on a meeting in another time zone');

  const link = leader.getByRole('link', { name: 'Add to calendar (.ics)' });
  const downloading = leader.waitForEvent('download');
  await activate(link);
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/\.ics$/);
  const text = await readFile(await download.path(), 'utf8');
  expect(text).toContain('BEGIN:VCALENDAR');
  expect(text).toContain('BEGIN:VEVENT');
  expect(text).toContain('SUMMARY:Renewable assignments clinic');
  // A file to import, not a calendar to subscribe to: no feed name or refresh interval.
  expect(text).toContain('METHOD:PUBLISH');
  expect(text).not.toContain('X-WR-CALNAME');
  expect(text).not.toContain('REFRESH-INTERVAL');

  const response = await leader.request.get(`/api/meetings/${id}/ics`);
  expect(response.ok()).toBe(true);
  expect(response.headers()['content-type']).toMatch(/^text\/calendar/);

  await leader.context().close();
  await admin.context().close();
});
