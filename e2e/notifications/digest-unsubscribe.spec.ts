import pg from 'pg';
import { createConfirmedPerson, newAccount } from '../support/accounts.ts';
import { translator } from '../support/catalog.ts';
import { leaderAndMember, signInOnce } from '../support/communities.ts';
import { expect, expectAccessible, test } from '../support/fixtures.ts';
import { activate, selectOption } from '../support/keyboard.ts';
import { e2eDatabaseName } from '../support/run-data.ts';

/** A time zone whose local hour is 07 now (Etc/GMT-N is N hours ahead of UTC): the digest goes out at once. */
function zoneAtSevenNow(): string {
  const offset = ((7 - new Date().getUTCHours() + 36) % 24) - 12;
  return offset === 0 ? 'Etc/GMT' : offset > 0 ? `Etc/GMT-${offset}` : `Etc/GMT+${-offset}`;
}

/** Queues the hourly digest job now, as its schedule would (the journeys run on PostgreSQL). */
async function runDigestJob(): Promise<void> {
  const server = process.env.TEST_DATABASE_URL;
  if (!server) throw new Error('This journey queues the digest job in PostgreSQL: set TEST_DATABASE_URL.');
  const url = new URL(server);
  url.pathname = `/${e2eDatabaseName}`;
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    await client.query(`insert into pgboss.job (name, data) values ('digests.send', '{}'::jsonb)`);
  } finally {
    await client.end();
  }
}

test('a Dutch member gets the daily digest and stops a community’s email in one click from it', async ({
  browser,
}) => {
  const nl = translator('nl');
  const { admin, leader, slug } = await leaderAndMember(browser, {
    name: 'Digest practice',
    purpose: 'Where news arrives once a day.',
  });
  const account = newAccount('Anneke de Vries');
  await createConfirmedPerson(admin.request, account);
  const member = await signInOnce(browser, account);
  const profile = await member.request.patch('/api/me', {
    data: { language: 'nl', timeZone: zoneAtSevenNow() },
  });
  expect(profile.ok(), await profile.text()).toBe(true);
  expect((await member.request.post(`/api/communities/${slug}/join`, { data: {} })).ok()).toBe(true);

  // On the community page, the member chooses the daily digest for this community, by keyboard.
  await member.goto(`/communities/${slug}`);
  const choice = member.getByRole('combobox', { name: nl('settings.communityEmail.label') });
  await expect(choice).toHaveValue('default');
  await selectOption(choice, nl('enums.emailChoice.daily'));
  const community = (await (await member.request.get(`/api/communities/${slug}/email`)).json()) as {
    data: { name: string };
  };
  await expect(
    member
      .getByRole('status')
      .filter({ hasText: nl('settings.communityEmail.saved', { community: community.data.name }) }),
  ).toBeVisible();
  await expectAccessible(member, 'on the community page with the daily digest chosen');

  // A leader's announcement waits for the digest; the job sends it at the member's 07:00.
  const announcement = await leader.request.post(`/api/communities/${slug}/threads`, {
    data: { kind: 'announcement', title: 'Room change on Thursday', body: 'We meet in B2.14.' },
  });
  expect(announcement.status(), await announcement.text()).toBe(201);
  await runDigestJob();
  let link = '';
  await expect(async () => {
    const mail = await admin.request.get(`/api/admin/mail?to=${encodeURIComponent(account.email)}`);
    const texts = ((await mail.json()) as { data: { text: string }[] }).data.map((m) => m.text);
    const digest = texts.find((text) => text.includes('Room change on Thursday')) ?? '';
    expect(digest).toContain(nl('email.digest.section.announcement'));
    const stop = nl('email.digest.stopCommunity', { community: community.data.name });
    link = new RegExp(`- ${stop}\\s+(https?://\\S+/unsubscribe/\\S+)`).exec(digest)?.[1] ?? '';
    expect(link).not.toBe('');
  }).toPass({ timeout: 30_000 });

  // Opened from the email, signed out, in a Dutch browser: the page asks once; one click turns it off.
  const context = await browser.newContext({ locale: 'nl-NL' });
  const page = await context.newPage();
  await page.goto(link);
  await expect(
    page.getByRole('heading', { level: 1, name: nl('notifications.unsubscribe.title') }),
  ).toBeVisible();
  await expect(page.getByText(new RegExp(`^Geen e-mails meer van “${community.data.name}”`))).toBeVisible();
  await expectAccessible(page, 'on the community unsubscribe page, asking');
  await activate(page.getByRole('button', { name: nl('notifications.unsubscribe.confirm') }));
  await expect(
    page.getByRole('status').filter({ hasText: nl('notifications.unsubscribe.done') }),
  ).toBeVisible();
  await expectAccessible(page, 'on the community unsubscribe page, done');
  await context.close();

  // Back in Copse, the community's choice shows off.
  await member.goto(`/communities/${slug}`);
  await expect(member.getByRole('combobox', { name: nl('settings.communityEmail.label') })).toHaveValue(
    'off',
  );
  await expectAccessible(member, 'on the community page with its email off');
  await member.goto('/settings/notifications');
  await expect(member.getByRole('combobox', { name: community.data.name })).toHaveValue('off');
  await expectAccessible(member, 'on the notification settings');
});
