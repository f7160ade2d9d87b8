import { communityPerson, openDialog, signInAdministrator, signInOnce } from '../support/communities.ts';
import { expect, expectAccessible, test } from '../support/fixtures.ts';
import { activate, typeInto } from '../support/keyboard.ts';

test('a proposer withdraws one proposal and a coordinator declines another, each after confirming', async ({
  browser,
}) => {
  const admin = await signInAdministrator(browser);
  const proposer = await communityPerson(admin.request, 'leader');
  const member = await signInOnce(browser, proposer);
  const suffix = Date.now().toString(36);
  const propose = async (name: string) => {
    const response = await member.request.post('/api/proposals', {
      data: { name, purpose: 'People who want to try this together.' },
    });
    expect(response.status()).toBe(201);
    return ((await response.json()) as { data: { id: string } }).data.id;
  };
  const withdrawn = await propose(`Chess club ${suffix}`);
  const declined = await propose(`Staff choir ${suffix}`);

  // The proposer withdraws the first, after confirming.
  await member.goto(`/proposals/${withdrawn}`);
  await activate(member.getByRole('button', { name: 'Withdraw' }));
  const confirm = await openDialog(member, 'Withdraw the proposal?');
  await expect(confirm).toContainText('cannot be reopened');
  await expectAccessible(member, 'in the withdraw dialog');
  await activate(confirm.getByRole('button', { name: 'Withdraw the proposal' }));
  await expect(confirm).toBeHidden();
  await expect(member.getByRole('status').filter({ hasText: 'The proposal is withdrawn.' })).toBeVisible();
  await expect(member.getByRole('link', { name: 'Edit the proposal' })).toHaveCount(0);
  await expect(member.getByRole('list', { name: 'Conversation, oldest first' })).toContainText(
    'withdrew the proposal',
  );

  // A coordinator declines the second: a reason is required.
  await admin.goto(`/proposals/${declined}`);
  await activate(admin.getByRole('button', { name: 'Decline' }));
  const decline = await openDialog(admin, `Decline “Staff choir ${suffix}”?`);
  await activate(decline.getByRole('button', { name: 'Decline the proposal' }));
  await expect(decline.getByLabel('Reason')).toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(admin, 'in the decline dialog with an error');
  await typeInto(
    decline.getByLabel('Reason'),
    'The staff choir already exists: join it through the Arts office.',
  );
  await activate(decline.getByRole('button', { name: 'Decline the proposal' }));
  await expect(decline).toBeHidden();
  await expect(admin.getByRole('button', { name: 'Approve' })).toHaveCount(0);

  // The proposer sees both outcomes.
  await member.goto(`/proposals/${declined}`);
  await expect(member.getByRole('main').getByText('already exists: join it').first()).toBeVisible();
  await expectAccessible(member, 'on a declined proposal');
  await member.goto('/proposals');
  await expect(member.getByRole('listitem', { name: `Chess club ${suffix}` })).toContainText('Withdrawn');
  await expect(member.getByRole('listitem', { name: `Staff choir ${suffix}` })).toContainText('Declined');

  // The queue files them under their status.
  await admin.goto('/coordination/proposals?status=declined');
  await expect(admin.getByRole('tab', { name: 'Declined' })).toHaveAttribute('aria-selected', 'true');
  await expect(admin.getByRole('listitem', { name: `Staff choir ${suffix}` })).toBeVisible();
  await expect(admin.getByRole('listitem', { name: `Chess club ${suffix}` })).toHaveCount(0);

  await member.context().close();
  await admin.context().close();
});
