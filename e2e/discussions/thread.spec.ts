import { leaderAndMember, openDialog } from '../support/communities.ts';
import { expect, expectAccessible, test } from '../support/fixtures.ts';
import { activate, typeInto } from '../support/keyboard.ts';
import { expectNoSidewaysScroll } from '../support/meetings.ts';

test('a member asks a question, another replies mentioning them, and the asker is told and marks the helpful answer', async ({
  browser,
}) => {
  const {
    admin,
    leader,
    leaderAccount,
    member: asker,
    memberAccount,
    slug,
  } = await leaderAndMember(browser, {
    name: 'Feedback Practice',
    purpose: 'Lecturers sharing what works when giving feedback on drafts.',
  });

  // The asker finds an empty Discussions tab and starts a question.
  await asker.goto(`/communities/${slug}/discussions`);
  const list = asker.getByRole('region', { name: 'Discussions' });
  await expect(list.getByText('No discussions yet.')).toBeVisible();
  await expectAccessible(asker, 'on an empty Discussions tab');
  await activate(asker.getByRole('button', { name: 'Start a discussion' }));
  const form = asker.getByRole('form', { name: 'Start a discussion' });
  await activate(form.getByRole('button', { name: 'Post' }));
  await expect(form.getByRole('alert')).toContainText('Please correct the highlighted fields.');
  await activate(form.getByRole('combobox', { name: 'Kind' }));
  await activate(asker.getByRole('option', { name: 'Question' }));
  await typeInto(form.getByRole('textbox', { name: 'Title' }), 'How do you give feedback on 200 drafts?');
  await typeInto(
    form.getByRole('textbox', { name: 'Message', exact: true }),
    'I teach a large first-year module. **What works** for you?',
  );
  await expect(form.getByRole('region', { name: 'Preview of the message' }).locator('strong')).toHaveText(
    'What works',
  );
  await expectAccessible(asker, 'on the start-a-discussion form');
  await activate(form.getByRole('button', { name: 'Post' }));
  await expect(
    asker.getByRole('heading', { level: 1, name: 'How do you give feedback on 200 drafts?' }),
  ).toBeVisible();
  const threadUrl = asker.url();

  // The home page shows the new thread among the active discussions of the asker's communities.
  await asker.goto('/');
  const active = asker.getByRole('region', { name: 'Active discussions' });
  await expect(active.getByRole('link', { name: 'How do you give feedback on 200 drafts?' })).toHaveAttribute(
    'href',
    threadUrl.replace(/^https?:\/\/[^/]+/, ''),
  );
  await expectAccessible(asker, "on the home page's What's new");
  await asker.goto(threadUrl);

  // Another member replies, mentioning the asker through "Mention someone".
  await leader.goto(threadUrl);
  await expect(leader.getByRole('heading', { name: 'Replies (0)' })).toBeVisible();
  await typeInto(
    leader.getByRole('textbox', { name: 'Your reply', exact: true }),
    'Audio feedback: five minutes a draft, and students listen to it.',
  );
  await typeInto(leader.getByRole('combobox', { name: 'Mention someone' }), memberAccount.name.slice(0, 5));
  await activate(leader.getByRole('option', { name: memberAccount.name }));
  await expect(leader.getByRole('group', { name: 'People mentioned' })).toContainText(
    `@${memberAccount.name}`,
  );
  await activate(leader.getByRole('button', { name: 'Post reply' }));
  const reply = leader.getByRole('article', { name: `Reply from ${leaderAccount.name}` });
  await expect(reply).toContainText('Audio feedback');
  await activate(reply.getByRole('button', { name: 'Thumbs up: 0' }));
  await expect(reply.getByRole('button', { name: 'Thumbs up: 1' })).toHaveAttribute('aria-pressed', 'true');

  // The asker is told of the mention, and follows it to the thread.
  await asker.goto('/notifications');
  const told = asker.getByText(
    `${leaderAccount.name} mentioned you in “How do you give feedback on 200 drafts?”`,
  );
  await expect(told).toBeVisible();
  await asker.goto(threadUrl);

  // The asker marks it as the helpful answer.
  const answer = asker.getByRole('article', { name: `Reply from ${leaderAccount.name}` });
  await expect(answer).toContainText('Audio feedback');
  await activate(answer.getByRole('button', { name: 'Mark as helpful answer' }));
  await expect(answer.getByText('Helpful answer', { exact: true })).toBeVisible();
  await expect(asker.getByText('Answered', { exact: true })).toBeVisible();
  await expectAccessible(asker, 'on a thread with a helpful answer');

  // Deleting asks first; the asker keeps the thread.
  await activate(asker.getByRole('button', { name: 'Delete thread' }));
  const dialog = await openDialog(asker, 'Delete this thread?');
  await expectAccessible(asker, 'on the delete-thread dialog');
  await activate(dialog.getByRole('button', { name: 'Keep it' }));
  await expect(dialog).toBeHidden();

  // The list shows the question as answered.
  await asker.goto(`/communities/${slug}/discussions`);
  const row = asker.getByRole('listitem').filter({ hasText: 'How do you give feedback on 200 drafts?' });
  await expect(row.getByText('Question', { exact: true })).toBeVisible();
  await expect(row.getByText('Answered', { exact: true })).toBeVisible();
  await expect(row).toContainText('1 reply');
  await expectAccessible(asker, 'on the Discussions tab with a thread');

  // On a phone (360 px wide) the thread reads without sideways scrolling.
  await asker.setViewportSize({ width: 360, height: 780 });
  await asker.goto(threadUrl);
  await expect(
    asker.getByRole('heading', { level: 1, name: 'How do you give feedback on 200 drafts?' }),
  ).toBeVisible();
  await expectNoSidewaysScroll(asker);
  await expectAccessible(asker, 'on a thread at 360 px');

  await asker.context().close();
  await leader.context().close();
  await admin.context().close();
});
