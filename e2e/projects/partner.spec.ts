import { type Account, confirmationLinkFor, createConfirmedPerson, newAccount } from '../support/accounts.ts';
import { leaderAndMember, uniqueWord } from '../support/communities.ts';
import { expect, expectAccessible, test } from '../support/fixtures.ts';
import { activate, selectOption, typeInto } from '../support/keyboard.ts';

// #18 §4: a member starts a project and invites an external partner by email; the partner signs up,
// accepts, and sees that project and nothing else of Copse; they add a task and an output.
test('a partner invited to a project sees only that project, works in it and leaves it', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const { admin, member, slug } = await leaderAndMember(browser, {
    name: 'Library partnership',
    purpose: 'Where teaching staff work with the city library.',
  });
  const title = `Open textbook ${uniqueWord('')}`;

  // The member starts a project from the community's Projects tab.
  await member.goto(`/communities/${slug}`);
  await activate(
    member.getByRole('navigation', { name: 'Community sections' }).getByRole('link', { name: 'Projects' }),
  );
  await expect(member.getByText('No projects yet.')).toBeVisible();
  await expectAccessible(member, 'on the empty Projects tab');
  await activate(member.getByRole('button', { name: 'Start a project' }));
  await typeInto(member.getByRole('textbox', { name: 'Title' }), title);
  await typeInto(member.getByRole('textbox', { name: 'Goal' }), 'An open textbook written with the library.');
  await expectAccessible(member, 'on the new project form');
  await activate(member.getByRole('button', { name: 'Start the project' }));
  await expect(member.getByRole('heading', { level: 1, name: title })).toBeVisible();
  const projectUrl = new URL(member.url()).pathname;

  // Its lead rewords the goal.
  await activate(member.getByRole('button', { name: 'Edit the title and goal' }));
  const editing = member.getByRole('form', { name: 'Edit the project' });
  await typeInto(
    editing.getByRole('textbox', { name: 'Goal' }),
    'An open textbook and a reading list, with the library.',
  );
  await expectAccessible(member, 'on the form that edits the project');
  await activate(editing.getByRole('button', { name: 'Save' }));
  await expect(member.getByText('An open textbook and a reading list, with the library.')).toBeVisible();

  // They add a milestone, then invite the partner by email.
  await typeInto(member.getByRole('textbox', { name: 'Milestone' }), 'First chapter drafted');
  await typeInto(member.getByLabel('Date'), '2027-03-01');
  await activate(member.getByRole('button', { name: 'Add the milestone' }));
  await expect(member.getByRole('checkbox', { name: 'First chapter drafted' })).toBeVisible();
  const partner: Account = newAccount('Paula Partner');
  await typeInto(member.getByRole('textbox', { name: 'Email address' }), partner.email);
  await typeInto(member.getByRole('textbox', { name: 'Name' }), partner.name);
  await activate(member.getByRole('button', { name: 'Send the invitation' }));
  await expect(member.getByRole('status').filter({ hasText: 'Invitation sent.' })).toBeVisible();
  await expectAccessible(member, 'on the project with a milestone and an invitation sent');

  // The invitation link, from the outbox; the partner makes an account and signs in.
  let invitation = '';
  await expect(async () => {
    const mail = await admin.request.get(`/api/admin/mail?to=${encodeURIComponent(partner.email)}`);
    const body = (await mail.json()) as { data: { text: string }[] };
    invitation =
      body.data.map((m) => m.text.match(/https?:\/\/\S+\/invitations\/\S+/)?.[0]).find(Boolean) ?? '';
    expect(invitation).not.toBe('');
  }).toPass();
  await createConfirmedPerson(admin.request, partner);
  expect(await confirmationLinkFor(admin.request, partner.email)).toContain('confirm-email');
  const page = await (await browser.newContext()).newPage();
  await page.goto(new URL(invitation).pathname);
  await expect(page.getByText(`You are invited as a partner in the project “${title}”`)).toBeVisible();
  await expectAccessible(page, 'on the invitation, signed out');
  await activate(page.getByRole('link', { name: 'Sign in' }).last());
  await typeInto(page.getByLabel('Email'), partner.email);
  await typeInto(page.getByLabel(/^Password/), partner.password);
  await activate(page.getByRole('button', { name: 'Sign in' }));
  await activate(page.getByRole('button', { name: 'Accept' }));

  // They land on the project: its goal, the milestone, themselves as partner.
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: 'Paula Partner (Partner)' })).toBeVisible();
  await expect(page.getByRole('checkbox', { name: 'First chapter drafted' })).toBeVisible();
  await expectAccessible(page, 'on the project, as the partner');

  // Their navigation leads only to their projects; the community and the rest of Copse are not theirs.
  const nav = page.getByRole('navigation', { name: 'Main' }).first();
  await expect(nav.getByRole('link')).toHaveText(['My projects']);
  await page.goto(`/communities/${slug}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Community not found' })).toBeVisible();
  await expect(page.getByRole('search')).toHaveCount(0);
  await expect(page.getByText('Where teaching staff work with the city library.')).toHaveCount(0);
  await expectAccessible(page, 'on the community page, refused to the partner');
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'My projects' })).toBeVisible();
  await expectAccessible(page, 'on My projects, as the partner');
  await activate(page.getByRole('link', { name: title }));

  // The partner adds a task they own, and a resource output.
  await typeInto(page.getByRole('textbox', { name: 'Task' }), 'Scan the archive');
  await selectOption(page.getByLabel('Owner'), 'Paula Partner');
  await activate(page.getByRole('button', { name: 'Add the task' }));
  await expect(page.getByRole('checkbox', { name: 'Scan the archive' })).toBeVisible();
  await selectOption(page.getByLabel('Kind'), 'Resource for the Toolkit');
  await typeInto(page.getByRole('textbox', { name: 'Title' }), 'Archive scanning guide');
  await typeInto(page.getByRole('textbox', { name: 'Link (optional)' }), 'https://library.example/guide');
  await activate(page.getByRole('button', { name: 'Add the output' }));
  await expect(page.getByRole('link', { name: 'Archive scanning guide' })).toBeVisible();
  await expectAccessible(page, 'on the project after the partner added a task and an output');

  // The partner's part is done: they leave the project, and it leaves their list.
  await activate(page.getByRole('button', { name: 'Leave the project' }));
  const leaving = page.getByRole('dialog', { name: 'Leave this project?' });
  await expect(leaving).toBeVisible();
  await activate(leaving.getByRole('button', { name: 'Leave' }));
  await expect(page.getByRole('heading', { level: 1, name: 'My projects' })).toBeVisible();
  await expect(page.getByText('You are not in any project yet.')).toBeVisible();
  await expectAccessible(page, 'on My projects, after the partner left');

  // The member sees the partner's work; the output has joined the community's Toolkit.
  await member.goto(projectUrl);
  await expect(member.getByRole('checkbox', { name: 'Scan the archive' })).toBeVisible();
  await activate(member.getByRole('link', { name: 'In the Toolkit' }));
  await expect(member.getByRole('heading', { level: 1, name: 'Archive scanning guide' })).toBeVisible();
  await expectAccessible(member, 'on the Toolkit resource the project produced');
});
