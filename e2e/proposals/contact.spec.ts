import { communityPerson, signInAdministrator, signInOnce } from '../support/communities.ts';
import { expect, expectAccessible, test } from '../support/fixtures.ts';
import { activate, selectOption, typeInto } from '../support/keyboard.ts';

test('a member writes to the coordinators and the answer reaches them by email', async ({ browser }) => {
  const admin = await signInAdministrator(browser);
  const person = await communityPerson(admin.request, 'member');
  const message = `Could we borrow a room for our reading group? (${Date.now().toString(36)})`;

  // Signed out, the form also asks who is writing.
  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto('/');
  await activate(
    visitor.getByRole('contentinfo').getByRole('link', { name: 'Get in touch with the coordinators' }),
  );
  await expect(
    visitor.getByRole('heading', { level: 1, name: 'Get in touch with the coordinators' }),
  ).toBeVisible();
  await activate(visitor.getByRole('button', { name: 'Send message' }));
  await expect(visitor.getByLabel('Your name')).toHaveAttribute('aria-invalid', 'true');
  await expect(visitor.getByText('Choose what your message is about.')).toBeVisible();
  await expectAccessible(visitor, 'on the contact page, signed out, with errors');
  await visitor.context().close();

  // The member writes from the footer link.
  const member = await signInOnce(browser, person);
  await activate(
    member.getByRole('contentinfo').getByRole('link', { name: 'Get in touch with the coordinators' }),
  );
  await expect(
    member.getByRole('heading', { level: 1, name: 'Get in touch with the coordinators' }),
  ).toBeVisible();
  await expect(member.getByLabel('Your name')).toHaveCount(0);
  await expectAccessible(member, 'on the contact page');
  await selectOption(member.getByLabel('What is it about?'), { label: 'I need logistical support' });
  await typeInto(member.getByLabel('Message'), message);
  await activate(member.getByRole('button', { name: 'Send message' }));
  await expect(member.getByRole('heading', { name: 'Your message is on its way' })).toBeVisible();
  await expect(member.getByText(person.email)).toBeVisible();
  await expectAccessible(member, 'on the contact page after sending');

  // The administrator answers from the coordinators' inbox.
  await activate(admin.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Coordination' }));
  // Coordination opens on Proposals; once it has loaded (and moved the focus to its heading), on to Inbox.
  await expect(admin.getByRole('heading', { level: 1, name: 'Proposals' })).toBeVisible();
  await activate(
    admin.getByRole('navigation', { name: 'Coordination' }).getByRole('link', { name: 'Inbox' }),
  );
  await expect(admin.getByRole('heading', { level: 1, name: 'Inbox' })).toBeVisible();
  const item = admin.getByRole('listitem', { name: `${person.name}: I need logistical support` });
  await expect(item).toContainText('Not answered');
  await expectAccessible(admin, 'on the inbox');
  await activate(item.getByRole('link'));
  await expect(admin.getByRole('heading', { level: 1, name: `Message from ${person.name}` })).toBeVisible();
  await expect(admin.getByText(message)).toBeVisible();
  await expectAccessible(admin, 'on a contact request');
  await typeInto(
    admin.getByLabel('Your answer'),
    'Yes: room 4.12 is yours on Thursdays.\n\nBring the key back to reception.',
  );
  await activate(admin.getByRole('button', { name: 'Send answer' }));
  await expect(
    admin.getByRole('status').filter({ hasText: `Your answer is emailed to ${person.email}` }),
  ).toBeVisible();
  await expect(admin.getByRole('list', { name: 'Answers, oldest first' })).toContainText(
    'room 4.12 is yours',
  );
  await activate(admin.getByRole('button', { name: 'Mark done' }));
  await expect(admin.getByRole('status').filter({ hasText: 'Marked done' })).toBeVisible();
  await expect(admin.getByRole('button', { name: 'Reopen' })).toBeVisible();
  await expectAccessible(admin, 'on an answered contact request');

  // It has left the open inbox for the done one.
  await activate(
    admin.getByRole('navigation', { name: 'Coordination' }).getByRole('link', { name: 'Inbox' }),
  );
  await expect(
    admin.getByRole('listitem', { name: `${person.name}: I need logistical support` }),
  ).toHaveCount(0);
  await activate(admin.getByRole('tab', { name: 'Done' }));
  await expect(
    admin.getByRole('listitem', { name: `${person.name}: I need logistical support` }),
  ).toContainText('1 answer');

  // The answer is in the mailbox, addressed to the member.
  await admin.goto(`/admin/mail?to=${encodeURIComponent(person.email)}`);
  await activate(admin.getByRole('link', { name: 'Re: I need logistical support' }));
  await expect(admin.getByRole('heading', { level: 1, name: 'Re: I need logistical support' })).toBeVisible();
  await expect(admin.getByText(`To ${person.email}`).or(admin.getByText(person.email)).first()).toBeVisible();
  await expect(admin.locator('.mail-text')).toContainText('room 4.12 is yours on Thursdays');

  await member.context().close();
  await admin.context().close();
});
