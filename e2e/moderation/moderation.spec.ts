import { administrator } from '../support/accounts.ts';
import { leaderAndMember, openDialog, uniqueWord } from '../support/communities.ts';
import { expect, expectAccessible, test } from '../support/fixtures.ts';
import { activate, typeInto } from '../support/keyboard.ts';
import { expectNoSidewaysScroll } from '../support/meetings.ts';

test('a member mentions the leader, a post is reported, and the leader hides it from the Moderation page', async ({
  browser,
}) => {
  // Three people, two dialogs and nine accessibility checks: more than the default minute on two cores.
  test.setTimeout(240_000);
  const { admin, leader, leaderAccount, member, memberAccount, slug } = await leaderAndMember(browser, {
    name: 'Marking Circle',
    purpose: 'Lecturers comparing how they mark and moderate assessed work.',
  });
  expect((await admin.request.post(`/api/communities/${slug}/join`, { data: {} })).ok()).toBe(true);
  const title = `Ground rules ${uniqueWord('')}`;
  const started = await leader.request.post(`/api/communities/${slug}/threads`, {
    data: { title, body: 'How do we keep feedback kind?' },
  });
  expect(started.ok()).toBe(true);
  const threadUrl = `/discussions/${(await started.json()).data.id}`;

  // The member replies, mentioning the leader through "Mention someone".
  await member.goto(threadUrl);
  await typeInto(
    member.getByRole('textbox', { name: 'Your reply', exact: true }),
    'Honestly, only fools mark on paper.',
  );
  const mention = member.getByRole('combobox', { name: 'Mention someone' });
  await typeInto(mention, leaderAccount.name.slice(0, 5));
  await activate(member.getByRole('option', { name: leaderAccount.name }));
  const mentioned = member.getByRole('group', { name: 'People mentioned' });
  await expect(mentioned).toContainText(`@${leaderAccount.name}`);
  await expect(member.getByRole('textbox', { name: 'Your reply', exact: true })).toHaveValue(
    `Honestly, only fools mark on paper. @${leaderAccount.name} `,
  );
  await expectAccessible(member, 'on the reply form with a mention');
  await activate(member.getByRole('button', { name: 'Post reply' }));
  const reply = member.getByRole('article', { name: `Reply from ${memberAccount.name}` });
  await expect(reply).toContainText(`only fools mark on paper. @${leaderAccount.name}`);

  // The member edits the reply; its history shows what it said before.
  await activate(reply.getByRole('button', { name: 'Edit' }));
  await typeInto(
    reply.getByRole('textbox', { name: 'Edit your reply' }),
    `Honestly, only fools mark on paper, @${leaderAccount.name}.`,
  );
  await activate(reply.getByRole('button', { name: 'Save changes' }));
  await expect(reply).toContainText('edited');
  await activate(reply.getByRole('button', { name: 'History' }));
  const history = await openDialog(member, 'Earlier versions');
  await expect(history).toContainText(`only fools mark on paper. @${leaderAccount.name}`);
  await expect(history).toContainText(`by ${memberAccount.name}`);
  await expectAccessible(member, 'on the history dialog');
  await member.keyboard.press('Escape');
  await expect(history).toBeHidden();

  // The leader is told about the mention.
  await leader.goto('/notifications');
  await expect(leader.getByText(`${memberAccount.name} mentioned you in “${title}”`)).toBeVisible();

  // Another member (the administrator, who joined) reports the reply with a reason.
  await admin.goto(threadUrl);
  const reported = admin.getByRole('article', { name: `Reply from ${memberAccount.name}` });
  await activate(reported.getByRole('button', { name: 'Report' }));
  const reportDialog = await openDialog(admin, `Report the reply from ${memberAccount.name}`);
  await activate(reportDialog.getByRole('button', { name: 'Send report' }));
  await expect(reportDialog.getByRole('alert')).toContainText('Please correct the highlighted fields.');
  await expectAccessible(admin, 'on the report dialog');
  await typeInto(
    reportDialog.getByRole('textbox', { name: 'Reason' }),
    'Insulting colleagues who mark on paper.',
  );
  await activate(reportDialog.getByRole('button', { name: 'Send report' }));
  await expect(reportDialog.getByRole('status')).toContainText('the community’s moderators will look at it');
  await activate(reportDialog.getByRole('button', { name: 'Done' }));
  await expect(reportDialog).toBeHidden();

  // Coordinators see it in the queue of every community.
  await admin.goto('/coordination/reports');
  const everywhere = admin.getByRole('article', { name: `Report: Reply in “${title}”` });
  await expect(everywhere).toContainText('Insulting colleagues who mark on paper.');
  await expect(everywhere).toContainText('Marking Circle');
  await expectAccessible(admin, 'on the coordinators’ reports');

  // Members do not see the Moderation tab; the leader does, and finds the report there.
  await member.goto(`/communities/${slug}`);
  const memberTabs = member.getByRole('navigation', { name: 'Community sections' });
  await expect(memberTabs.getByRole('link', { name: 'Discussions' })).toBeVisible();
  await expect(memberTabs.getByRole('link', { name: 'Moderation' })).toHaveCount(0);
  await leader.goto(`/communities/${slug}`);
  await activate(
    leader.getByRole('navigation', { name: 'Community sections' }).getByRole('link', { name: 'Moderation' }),
  );
  const reports = leader.getByRole('region', { name: 'Reports' });
  const card = reports.getByRole('article', { name: `Report: Reply in “${title}”` });
  await expect(card).toContainText('Insulting colleagues who mark on paper.');
  await expect(card).toContainText('only fools mark on paper');
  await expect(card).toContainText(`Reported by ${administrator.name}`);
  await expect(card.getByRole('link', { name: title })).toHaveAttribute('href', /#post-/);
  await expect(leader.getByRole('region', { name: 'Suspensions' })).toContainText('No one is suspended');
  await expectAccessible(leader, 'on the Moderation page');

  // The suspend dialog asks for a reason (looked at, then cancelled).
  await activate(card.getByRole('button', { name: 'Suspend the author' }));
  const suspendDialog = await openDialog(leader, `Suspend ${memberAccount.name}`);
  await expectAccessible(leader, 'on the suspend dialog');
  await activate(suspendDialog.getByRole('button', { name: 'Cancel' }));
  await expect(suspendDialog).toBeHidden();

  // The leader hides the post: the report leaves the open queue and shows under Hidden.
  await activate(card.getByRole('button', { name: 'Hide post' }));
  await expect(reports.getByText('No open reports')).toBeVisible();
  await activate(reports.getByRole('tab', { name: 'Hidden' }));
  await expect(reports.getByRole('article', { name: `Report: Reply in “${title}”` })).toContainText('Hidden');
  const log = leader.getByRole('table', { name: 'Moderation log' });
  await expect(log).toContainText('Hid a post');
  await expectAccessible(leader, 'on the Moderation page after hiding');

  // The leader suspends the author; the member can still read but no longer reply, until it is lifted.
  const hiddenCard = reports.getByRole('article', { name: `Report: Reply in “${title}”` });
  await activate(hiddenCard.getByRole('button', { name: 'Suspend the author' }));
  const suspend = await openDialog(leader, `Suspend ${memberAccount.name}`);
  await typeInto(suspend.getByRole('textbox', { name: 'Reason' }), 'Insults after a warning.');
  await activate(suspend.getByRole('button', { name: 'Suspend' }));
  await expect(suspend).toBeHidden();
  const suspensions = leader.getByRole('region', { name: 'Suspensions' });
  const suspension = suspensions.getByRole('article', { name: `Suspension of ${memberAccount.name}` });
  await expect(suspension).toContainText('Insults after a warning.');
  await expect(suspension).toContainText('until lifted');
  await expect(log).toContainText(`Suspended ${memberAccount.name}`);
  await member.goto(threadUrl);
  await expect(member.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(member.getByRole('textbox', { name: 'Your reply', exact: true })).toHaveCount(0);
  await expect(member.getByText('You are suspended from this community')).toBeVisible();
  await expectAccessible(member, 'on a thread while suspended');
  await activate(suspension.getByRole('button', { name: 'Lift suspension' }));
  await expect(suspensions.getByText('No one is suspended')).toBeVisible();
  await expect(log).toContainText(`Lifted the suspension of ${memberAccount.name}`);

  // On a phone the Moderation page reads without sideways scrolling.
  await leader.setViewportSize({ width: 360, height: 780 });
  await expectNoSidewaysScroll(leader);
  await leader.setViewportSize({ width: 1280, height: 800 });

  // The leader sees the reply marked as hidden; the member no longer sees its text.
  await leader.goto(threadUrl);
  const forLeader = leader.getByRole('article', { name: `Reply from ${memberAccount.name}` });
  await expect(forLeader.getByText('Hidden from members')).toBeVisible();
  await expect(forLeader).toContainText('only fools mark on paper');
  await member.goto(threadUrl);
  await expect(member.getByText('This reply was hidden by a moderator.')).toBeVisible();
  await expect(member.getByRole('textbox', { name: 'Your reply', exact: true })).toBeVisible();
  await expect(member.getByText('only fools mark on paper')).toHaveCount(0);
  await expectAccessible(member, 'on a thread with a hidden reply');

  for (const page of [member, leader, admin]) await page.context().close();
});
