import type { Page } from '@playwright/test';
import { communityPerson, openDialog, signInAdministrator, signInOnce } from '../support/communities.ts';
import { expect, expectAccessible, test } from '../support/fixtures.ts';
import { activate, check, pressOn, selectOption, typeInto } from '../support/keyboard.ts';

/** Opens "Your proposals" from the account menu. */
async function openYourProposals(page: Page, name: string): Promise<void> {
  await activate(page.getByRole('button', { name: `Account menu for ${name}` }));
  await activate(page.getByRole('menuitem', { name: 'Your proposals' }));
  await expect(page.getByRole('heading', { level: 1, name: 'Your proposals' })).toBeVisible();
}

test('a member proposes a community with a co-leader; a coordinator asks for changes, then approves', async ({
  browser,
}) => {
  // The suite shares its people (the server limits sign-ups per address): Wenger proposes, Lave co-leads.
  const admin = await signInAdministrator(browser);
  const [proposer, coLeader] = await Promise.all([
    communityPerson(admin.request, 'leader'),
    communityPerson(admin.request, 'member'),
  ]);
  const name = `Outdoor learning ${Date.now().toString(36)}`;

  // The proposer starts from their (empty) list of proposals.
  const [member, colleague] = await Promise.all([
    signInOnce(browser, proposer),
    signInOnce(browser, coLeader),
  ]);
  await openYourProposals(member, proposer.name);
  await activate(member.getByRole('main').getByRole('link', { name: 'Propose a community' }).first());
  await expect(member.getByRole('heading', { level: 1, name: 'Propose a community' })).toBeVisible();

  // Sending it empty names what is missing, on the fields.
  await activate(member.getByRole('button', { name: 'Send the proposal' }));
  await expect(member.getByRole('alert')).toContainText('Please correct the highlighted fields.');
  await expect(member.getByLabel('Purpose')).toHaveAttribute('aria-invalid', 'true');
  await expect(member.getByText('Describe the purpose: the common interest')).toBeVisible();
  await expectAccessible(member, 'on the proposal form with errors');

  await typeInto(member.getByLabel(/^Name/), name);
  await typeInto(
    member.getByLabel('Purpose'),
    'Teachers who take their classes outside and want to do it well.',
  );
  await typeInto(member.getByLabel('Objectives'), 'Share lesson plans\nVisit each other’s sites');
  await typeInto(member.getByLabel('Intended members'), 'Primary and secondary teacher educators');
  await typeInto(member.getByLabel('Meeting plan'), 'One hour a month, outdoors when the weather allows');
  const topics = member.getByRole('combobox', { name: 'Topics' });
  await typeInto(topics, 'fieldwork');
  await pressOn(topics, 'Enter');
  await selectOption(member.getByLabel('Format'), { label: 'In person' });
  const coLeaders = member.getByRole('combobox', { name: 'Co-leaders' });
  await typeInto(coLeaders, coLeader.name.slice(0, 7));
  await activate(member.getByRole('option', { name: coLeader.name }));
  await check(member.getByRole('radio', { name: /^Moderated/ }));
  await typeInto(member.getByLabel('Support needed from the coordinators'), 'A budget for one field day');
  await activate(member.getByRole('button', { name: 'Send the proposal' }));

  // The proposal's page: waiting for review, the co-leader yet to answer.
  await expect(member.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(member.getByRole('status').filter({ hasText: 'Your proposal is sent' })).toBeVisible();
  await expect(member.getByText('Waiting for review')).toBeVisible();
  const team = member.getByRole('list', { name: 'Leadership team' });
  await expect(team.getByRole('listitem').filter({ hasText: coLeader.name })).toContainText(
    'Not answered yet',
  );

  // The co-leader finds the invitation among their proposals and accepts.
  await openYourProposals(colleague, coLeader.name);
  const invitation = colleague.getByRole('listitem', { name });
  await expect(invitation).toContainText('You are invited to co-lead');
  await expectAccessible(colleague, 'on the list of proposals with an invitation');
  await activate(invitation.getByRole('link', { name }));
  await expect(colleague.getByRole('heading', { name: 'Co-lead this community?' })).toBeVisible();
  await expectAccessible(colleague, 'on a proposal naming them as co-leader');
  await activate(colleague.getByRole('button', { name: 'Accept to co-lead' }));
  await expect(colleague.getByRole('status').filter({ hasText: 'You accepted to co-lead' })).toBeVisible();
  await expect(
    colleague
      .getByRole('list', { name: 'Leadership team' })
      .getByRole('listitem')
      .filter({ hasText: coLeader.name }),
  ).toContainText('Accepted');

  // A coordinator finds it in the queue and asks for a change.
  await activate(admin.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Coordination' }));
  await expect(admin.getByRole('heading', { level: 1, name: 'Proposals' })).toBeVisible();
  await expect(admin.getByRole('tab', { name: 'To review' })).toHaveAttribute('aria-selected', 'true');
  await expectAccessible(admin, 'on the proposal queue');
  await activate(admin.getByRole('listitem', { name }).getByRole('link', { name }));
  await expect(admin.getByRole('heading', { level: 1, name })).toBeVisible();
  await expectAccessible(admin, 'on a proposal to review');
  // Objectives typed one per line show one per line (rendered text, as a reader sees it).
  const objectives = 'Share lesson plans\nVisit each other’s sites';
  await expect(admin.getByRole('definition').filter({ hasText: 'Share lesson plans' })).toHaveJSProperty(
    'innerText',
    objectives,
  );
  await activate(admin.getByRole('button', { name: 'Ask for changes' }));
  const changes = await openDialog(admin, 'Ask for changes');
  await activate(changes.getByRole('button', { name: 'Ask for changes' }));
  await expect(changes.getByText('Write a message.')).toBeVisible();
  await expectAccessible(admin, 'in the ask-for-changes dialog');
  await typeInto(changes.getByLabel('What should change?'), 'Please say how newcomers will be welcomed.');
  await activate(changes.getByRole('button', { name: 'Ask for changes' }));
  await expect(changes).toBeHidden();
  await expect(admin.getByRole('main').getByText('Changes requested', { exact: true })).toBeVisible();

  // The proposer reads the request, edits and resubmits.
  await member.reload();
  await expect(member.getByRole('heading', { name: 'Changes requested' })).toBeVisible();
  await expect(member.getByText('Please say how newcomers will be welcomed.').first()).toBeVisible();
  await expectAccessible(member, 'on a proposal with changes requested');
  await activate(member.getByRole('link', { name: 'Edit the proposal' }));
  await expect(member.getByRole('heading', { level: 1, name: 'Edit the proposal' })).toBeVisible();
  await expect(member.getByLabel('Purpose')).toHaveValue(/take their classes outside/);
  await expectAccessible(member, 'on the edit form');
  await typeInto(
    member.getByLabel('Intended members'),
    'Anyone who teaches outside; each newcomer gets a buddy.',
  );
  await activate(member.getByRole('button', { name: 'Save changes' }));
  await expect(member.getByRole('status').filter({ hasText: 'Your changes are saved' })).toBeVisible();
  await expect(member.getByText('each newcomer gets a buddy')).toBeVisible();
  await activate(member.getByRole('button', { name: 'Resubmit for review' }));
  const resubmit = await openDialog(member, 'Resubmit for review');
  await expectAccessible(member, 'in the resubmit dialog');
  await typeInto(resubmit.getByLabel('What did you change? (optional)'), 'Added buddies for newcomers.');
  await activate(resubmit.getByRole('button', { name: 'Resubmit' }));
  await expect(resubmit).toBeHidden();
  await expect(member.getByRole('main').getByText('Waiting for review', { exact: true })).toBeVisible();

  // The coordinator approves; the conversation kept every step.
  await admin.reload();
  const conversation = admin.getByRole('list', { name: 'Conversation, oldest first' });
  await expect(conversation.getByRole('listitem')).toHaveText([
    /submitted the proposal/,
    /asked for changes.*newcomers will be welcomed/s,
    /resubmitted the proposal.*Added buddies/s,
  ]);
  await activate(admin.getByRole('button', { name: 'Approve' }));
  const approve = await openDialog(admin, `Approve “${name}”?`);
  await expectAccessible(admin, 'in the approve dialog');
  await typeInto(approve.getByLabel('A note for the leaders (optional)'), 'Welcome! Enjoy the outdoors.');
  await activate(approve.getByRole('button', { name: 'Approve and open the community' }));
  await expect(approve).toBeHidden();
  await expect(admin.getByRole('main').getByText('Approved', { exact: true }).first()).toBeVisible();
  await expectAccessible(admin, 'on an approved proposal');

  // The new community's home page shows both leaders and a charter drawn from the template.
  await activate(admin.getByRole('link', { name: `Go to ${name}` }));
  await expect(admin.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(admin.getByRole('main').getByText(proposer.name).first()).toBeVisible();
  await expect(admin.getByRole('main').getByText(coLeader.name).first()).toBeVisible();
  await expectAccessible(admin, 'on the new community’s home page');
  await expect(admin.getByRole('region', { name: 'Objectives' }).locator('.prose')).toHaveJSProperty(
    'innerText',
    objectives,
  );
  await activate(admin.getByRole('main').getByRole('link', { name: 'Charter' }).first());
  await expect(admin.getByRole('heading', { name: 'Participation guidelines' })).toBeVisible();
  await expect(admin.getByRole('region', { name: 'Objectives' }).locator('.prose')).toHaveJSProperty(
    'innerText',
    objectives,
  );
  await expectAccessible(admin, 'on the new community’s charter');

  // The proposer sees the outcome in their list.
  await openYourProposals(member, proposer.name);
  await expect(member.getByRole('listitem', { name })).toContainText('Approved');

  await colleague.context().close();
  await member.context().close();
  await admin.context().close();
});
