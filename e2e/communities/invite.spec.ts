import { confirmationLinkFor, newAccount } from '../support/accounts.ts';
import {
  communityPerson,
  createCommunity,
  signInAdministrator,
  signInOnce,
  uniqueWord,
} from '../support/communities.ts';
import { expect, expectAccessible, test } from '../support/fixtures.ts';
import { activate, selectOption, typeInto } from '../support/keyboard.ts';

test('a leader invites by email and by link; a new person signs up through the invitation and joins', async ({
  browser,
}) => {
  const admin = await signInAdministrator(browser);
  const colleague = await communityPerson(admin.request, 'member');
  const newcomer = newAccount('Paulo Freire');
  const name = `Experience and Education ${uniqueWord('')}`;
  const slug = await createCommunity(admin.request, admin.request, {
    name,
    purpose: 'Learning by doing, and reflecting on it together.',
    visibility: 'private',
    joinPolicy: 'invitation',
  });

  // The leader invites a new person by email, and makes a link for the staff room.
  await admin.goto(`/communities/${slug}/members`);
  await typeInto(admin.getByLabel('Email addresses'), `${newcomer.email}, not-an-address`);
  await activate(admin.getByRole('button', { name: 'Send invitations' }));
  await expect(admin.getByText('This address is not valid: not-an-address.')).toBeVisible();
  await expectAccessible(admin, 'on the invite form with an error');
  await typeInto(admin.getByLabel('Email addresses'), newcomer.email);
  await typeInto(admin.getByLabel('Personal message'), 'Come and reflect with us.');
  await activate(admin.getByRole('button', { name: 'Send invitations' }));
  await expect(admin.getByRole('status').filter({ hasText: '1 invitation sent.' })).toBeVisible();
  await expect(admin.getByRole('list', { name: 'Invitation results' })).toContainText('Invitation sent');
  await selectOption(admin.getByLabel('Link works for'), { label: '7 days' });
  await activate(admin.getByRole('button', { name: 'Create link' }));
  const linkBox = admin.getByRole('textbox', { name: 'Invitation link' });
  await expect(linkBox).toHaveValue(/\/invitations\/[A-Za-z0-9_-]+$/);
  await expect(admin.getByRole('button', { name: 'Copy link' })).toBeVisible();
  const open = admin.getByRole('list', { name: 'Open invitations' });
  await expect(open).toContainText(newcomer.email);
  await expect(open).toContainText('Shareable link');
  await expectAccessible(admin, 'on the members tab with a new link');

  // A colleague who is signed in follows the link and joins at once.
  const shared = new URL(await linkBox.inputValue()).pathname;
  const colleaguePage = await signInOnce(browser, colleague);
  await colleaguePage.goto(shared);
  await expect(colleaguePage.getByRole('heading', { level: 1, name: `Invitation to ${name}` })).toBeVisible();
  await activate(colleaguePage.getByRole('button', { name: 'Accept and join' }));
  await expect(colleaguePage.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(colleaguePage.getByText('You are a member')).toBeVisible();

  // The newcomer has no account: the invitation leads through sign-up and back.
  let invitation = '';
  await expect(async () => {
    const response = await admin.request.get(`/api/admin/mail?to=${encodeURIComponent(newcomer.email)}`);
    const body = (await response.json()) as { data: { text: string }[] };
    invitation = body.data.map((m) => m.text.match(/\/invitations\/[A-Za-z0-9_-]+/)?.[0]).find(Boolean) ?? '';
    expect(invitation).not.toBe('');
  }).toPass();
  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto(invitation);
  await expect(visitor.getByText(`the invitation is for ${newcomer.email}`)).toBeVisible();
  await activate(visitor.getByRole('link', { name: 'Create an account' }));
  await expect(visitor.getByRole('heading', { level: 1, name: 'Create your account' })).toBeVisible();
  await typeInto(visitor.getByLabel('Your name'), newcomer.name);
  await typeInto(visitor.getByLabel('Email'), newcomer.email);
  await typeInto(visitor.getByLabel(/^Password/), newcomer.password);
  await activate(visitor.getByRole('button', { name: 'Sign up' }));
  await expect(visitor.getByRole('heading', { level: 1, name: 'Check your email' })).toBeVisible();
  await visitor.goto(await confirmationLinkFor(admin.request, newcomer.email));
  await expect(visitor.getByRole('heading', { level: 1, name: 'Email confirmed' })).toBeVisible();
  await expect(visitor.getByText('Sign in to continue where you left off.')).toBeVisible();
  await activate(visitor.getByRole('main').getByRole('link', { name: 'Sign in' }));
  await typeInto(visitor.getByLabel('Email'), newcomer.email);
  await typeInto(visitor.getByLabel(/^Password/), newcomer.password);
  await activate(visitor.getByRole('button', { name: 'Sign in' }));
  await expect(visitor.getByRole('heading', { level: 1, name: `Invitation to ${name}` })).toBeVisible();
  await activate(visitor.getByRole('button', { name: 'Accept and join' }));
  await expect(visitor.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(visitor.getByText('3 members').first()).toBeVisible();
  await expectAccessible(visitor, 'on a private community after accepting');

  await visitor.context().close();
  await colleaguePage.context().close();
  await admin.context().close();
});
