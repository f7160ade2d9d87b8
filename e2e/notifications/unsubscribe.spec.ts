import { createConfirmedPerson, newAccount } from '../support/accounts.ts';
import { signInAdministrator } from '../support/communities.ts';
import { expect, expectAccessible, test } from '../support/fixtures.ts';
import { activate } from '../support/keyboard.ts';

test('a member stops one kind of notification email from the link in the email, signed out, in one step', async ({
  browser,
}) => {
  const admin = await signInAdministrator(browser);
  const person = newAccount('Etienne Wenger');
  await createConfirmedPerson(admin.request, person);
  const users = await admin.request.get(`/api/admin/users?q=${encodeURIComponent(person.email)}`);
  const id = ((await users.json()) as { data: { id: string }[] }).data[0]?.id ?? '';
  // Made a coordinator: a notification, emailed by default, whose footer carries the unsubscribe link.
  expect((await admin.request.patch(`/api/admin/users/${id}`, { data: { role: 'coordinator' } })).ok()).toBe(
    true,
  );
  let link = '';
  await expect(async () => {
    const mail = await admin.request.get(`/api/admin/mail?to=${encodeURIComponent(person.email)}`);
    const texts = ((await mail.json()) as { data: { text: string }[] }).data.map((m) => m.text);
    link = texts.map((text) => text.match(/https?:\/\/\S+\/unsubscribe\/\S+/)?.[0]).find(Boolean) ?? '';
    expect(link).not.toBe('');
  }).toPass();
  await admin.context().close();

  // Opened from the email, signed out: the page asks first, so a mail scanner opening it changes nothing.
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(link);
  await expect(page.getByRole('heading', { level: 1, name: 'Unsubscribe' })).toBeVisible();
  await expect(
    page.getByText(/^Stop emails about “Changes to your role” to e•+@northfield\.example\?/),
  ).toBeVisible();
  await expectAccessible(page, 'on the unsubscribe page, asking');
  await activate(page.getByRole('button', { name: 'Unsubscribe' }));
  await expect(page.getByRole('status').filter({ hasText: 'Done: these emails are off.' })).toBeVisible();
  await expectAccessible(page, 'on the unsubscribe page, done');

  // Opened again later: already off; and a damaged link says so.
  await page.reload();
  await expect(page.getByRole('status').filter({ hasText: 'These emails are already off.' })).toBeVisible();
  await page.goto(`${link.slice(0, -3)}AAA`);
  await expect(
    page.getByRole('alert').filter({ hasText: 'This unsubscribe link is not valid' }),
  ).toBeVisible();
  await expectAccessible(page, 'on the unsubscribe page with a damaged link');
  await context.close();
});
