import type { Page } from '@playwright/test';
import { communityPerson, openDialog, signInAdministrator, signInOnce } from '../support/communities.ts';
import { expect, expectAccessible, test } from '../support/fixtures.ts';

/** Opens "Your proposals" from the account menu. */
async function openYourProposals(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name: `Account menu for ${name}` }).click();
  await page.getByRole('menuitem', { name: 'Your proposals' }).click();
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
  await member.getByRole('main').getByRole('link', { name: 'Propose a community' }).first().click();
  await expect(member.getByRole('heading', { level: 1, name: 'Propose a community' })).toBeVisible();

  // Sending it empty names what is missing, on the fields.
  await member.getByRole('button', { name: 'Send the proposal' }).click();
  await expect(member.getByRole('alert')).toContainText('Please correct the highlighted fields.');
  await expect(member.getByLabel('Purpose')).toHaveAttribute('aria-invalid', 'true');
  await expect(member.getByText('Describe the purpose: the common interest')).toBeVisible();
  await expectAccessible(member, 'on the proposal form with errors');

  await member.getByLabel(/^Name/).fill(name);
  await member.getByLabel('Purpose').fill('Teachers who take their classes outside and want to do it well.');
  await member.getByLabel('Objectives').fill('Share lesson plans\nVisit each other’s sites');
  await member.getByLabel('Intended members').fill('Primary and secondary teacher educators');
  await member.getByLabel('Meeting plan').fill('One hour a month, outdoors when the weather allows');
  const topics = member.getByRole('combobox', { name: 'Topics' });
  await topics.fill('fieldwork');
  await topics.press('Enter');
  await member.getByLabel('Format').selectOption({ label: 'In person' });
  const coLeaders = member.getByRole('combobox', { name: 'Co-leaders' });
  await coLeaders.fill(coLeader.name.slice(0, 7));
  await member.getByRole('option', { name: coLeader.name }).click();
  await member.getByRole('radio', { name: /^Moderated/ }).check();
  await member.getByLabel('Support needed from the coordinators').fill('A budget for one field day');
  await member.getByRole('button', { name: 'Send the proposal' }).click();

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
  await invitation.getByRole('link', { name }).click();
  await expect(colleague.getByRole('heading', { name: 'Co-lead this community?' })).toBeVisible();
  await expectAccessible(colleague, 'on a proposal naming them as co-leader');
  await colleague.getByRole('button', { name: 'Accept to co-lead' }).click();
  await expect(colleague.getByRole('status').filter({ hasText: 'You accepted to co-lead' })).toBeVisible();
  await expect(
    colleague
      .getByRole('list', { name: 'Leadership team' })
      .getByRole('listitem')
      .filter({ hasText: coLeader.name }),
  ).toContainText('Accepted');

  // A coordinator finds it in the queue and asks for a change.
  await admin.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Coordination' }).click();
  await expect(admin.getByRole('heading', { level: 1, name: 'Proposals' })).toBeVisible();
  await expect(admin.getByRole('tab', { name: 'To review' })).toHaveAttribute('aria-selected', 'true');
  await expectAccessible(admin, 'on the proposal queue');
  await admin.getByRole('listitem', { name }).getByRole('link', { name }).click();
  await expect(admin.getByRole('heading', { level: 1, name })).toBeVisible();
  await expectAccessible(admin, 'on a proposal to review');
  // Objectives typed one per line show one per line (rendered text, as a reader sees it).
  const objectives = 'Share lesson plans\nVisit each other’s sites';
  await expect(admin.getByRole('definition').filter({ hasText: 'Share lesson plans' })).toHaveJSProperty(
    'innerText',
    objectives,
  );
  await admin.getByRole('button', { name: 'Ask for changes' }).click();
  const changes = await openDialog(admin, 'Ask for changes');
  await changes.getByRole('button', { name: 'Ask for changes' }).click();
  await expect(changes.getByText('Write a message.')).toBeVisible();
  await expectAccessible(admin, 'in the ask-for-changes dialog');
  await changes.getByLabel('What should change?').fill('Please say how newcomers will be welcomed.');
  await changes.getByRole('button', { name: 'Ask for changes' }).click();
  await expect(changes).toBeHidden();
  await expect(admin.getByRole('main').getByText('Changes requested', { exact: true })).toBeVisible();

  // The proposer reads the request, edits and resubmits.
  await member.reload();
  await expect(member.getByRole('heading', { name: 'Changes requested' })).toBeVisible();
  await expect(member.getByText('Please say how newcomers will be welcomed.').first()).toBeVisible();
  await expectAccessible(member, 'on a proposal with changes requested');
  await member.getByRole('link', { name: 'Edit the proposal' }).click();
  await expect(member.getByRole('heading', { level: 1, name: 'Edit the proposal' })).toBeVisible();
  await expect(member.getByLabel('Purpose')).toHaveValue(/take their classes outside/);
  await expectAccessible(member, 'on the edit form');
  await member.getByLabel('Intended members').fill('Anyone who teaches outside; each newcomer gets a buddy.');
  await member.getByRole('button', { name: 'Save changes' }).click();
  await expect(member.getByRole('status').filter({ hasText: 'Your changes are saved' })).toBeVisible();
  await expect(member.getByText('each newcomer gets a buddy')).toBeVisible();
  await member.getByRole('button', { name: 'Resubmit for review' }).click();
  const resubmit = await openDialog(member, 'Resubmit for review');
  await expectAccessible(member, 'in the resubmit dialog');
  await resubmit.getByLabel('What did you change? (optional)').fill('Added buddies for newcomers.');
  await resubmit.getByRole('button', { name: 'Resubmit' }).click();
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
  await admin.getByRole('button', { name: 'Approve' }).click();
  const approve = await openDialog(admin, `Approve “${name}”?`);
  await expectAccessible(admin, 'in the approve dialog');
  await approve.getByLabel('A note for the leaders (optional)').fill('Welcome! Enjoy the outdoors.');
  await approve.getByRole('button', { name: 'Approve and open the community' }).click();
  await expect(approve).toBeHidden();
  await expect(admin.getByRole('main').getByText('Approved', { exact: true }).first()).toBeVisible();
  await expectAccessible(admin, 'on an approved proposal');

  // The new community's home page shows both leaders and a charter drawn from the template.
  await admin.getByRole('link', { name: `Go to ${name}` }).click();
  await expect(admin.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(admin.getByRole('main').getByText(proposer.name).first()).toBeVisible();
  await expect(admin.getByRole('main').getByText(coLeader.name).first()).toBeVisible();
  await expectAccessible(admin, 'on the new community’s home page');
  await expect(admin.getByRole('region', { name: 'Objectives' }).locator('.prose')).toHaveJSProperty(
    'innerText',
    objectives,
  );
  await admin.getByRole('main').getByRole('link', { name: 'Charter' }).first().click();
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
