import { createConfirmedPerson, newAccount } from '../support/accounts.ts';
import { leaderAndMember, signInOnce } from '../support/communities.ts';
import { expect, expectAccessible, test } from '../support/fixtures.ts';
import { activate, pressOn, selectOption, typeInto } from '../support/keyboard.ts';

test('a leader sends a Ping; one member answers from the email link, another from the home page and changes it; the leader sees the results and the response rate', async ({
  browser,
}) => {
  const { admin, leader, member, memberAccount, slug } = await leaderAndMember(browser, {
    name: 'Ping practice',
    purpose: 'Where quick questions are asked and answered.',
  });
  const second = newAccount('Donald Schon');
  await createConfirmedPerson(admin.request, second);
  const secondPage = await signInOnce(browser, second);
  expect((await secondPage.request.post(`/api/communities/${slug}/join`, { data: {} })).ok()).toBe(true);

  // The leader opens the community's Pings (none yet) and sends one from the form.
  await leader.goto(`/communities/${slug}`);
  await activate(
    leader.getByRole('navigation', { name: 'Community sections' }).getByRole('link', { name: 'Pings' }),
  );
  await expect(leader.getByRole('heading', { name: 'No Pings yet' })).toBeVisible();
  await expectAccessible(leader, 'on the empty Pings tab');
  await activate(leader.getByRole('link', { name: 'Send a Ping' }));
  await expect(leader.getByRole('heading', { level: 2, name: 'Send a Ping' })).toBeVisible();
  // Sent empty, the form names what is missing on the fields.
  await activate(leader.getByRole('button', { name: 'Send the Ping' }));
  await expect(leader.getByRole('alert')).toContainText('Please correct the highlighted fields.');
  await expect(leader.getByText('Write the question.')).toBeVisible();
  await expect(leader.getByRole('textbox', { name: 'Choice 1', exact: true })).toHaveAttribute(
    'aria-invalid',
    'true',
  );
  await expectAccessible(leader, 'on the Ping form with errors');
  await typeInto(leader.getByLabel(/^Question/), 'Which day suits the next meeting?');
  await typeInto(leader.getByRole('textbox', { name: 'Choice 1', exact: true }), 'Tuesday');
  await typeInto(leader.getByRole('textbox', { name: 'Choice 2', exact: true }), 'Thursday');
  await activate(leader.getByRole('button', { name: 'Add a choice' }));
  await typeInto(leader.getByRole('textbox', { name: 'Choice 3', exact: true }), 'Friday');
  await activate(leader.getByRole('button', { name: 'Remove choice 3' }));
  await expect(leader.getByRole('textbox', { name: 'Choice 3', exact: true })).toHaveCount(0);
  await selectOption(leader.getByLabel('Open for'), '2 days');
  await expectAccessible(leader, 'on the filled Ping form');
  await activate(leader.getByRole('button', { name: 'Send the Ping' }));
  await expect(
    leader.getByRole('heading', { level: 1, name: 'Which day suits the next meeting?' }),
  ).toBeVisible();
  await expect(leader.getByRole('status').filter({ hasText: 'Your Ping is on its way' })).toBeVisible();
  await expect(leader.getByText('0 of 2 answered (0%)')).toBeVisible();
  const pingId = new URL(leader.url()).pathname.split('/').at(-1) ?? '';

  // The member answers from the email: the link shows the answer and asks once, signed out.
  let link = '';
  await expect(async () => {
    const mail = await admin.request.get(`/api/admin/mail?to=${encodeURIComponent(memberAccount.email)}`);
    const texts = ((await mail.json()) as { data: { text: string }[] }).data.map((m) => m.text);
    // Each choice is a list item: "- Tuesday", then its link on the next line.
    const text = texts.find((body) => body.includes('Which day suits')) ?? '';
    link = /- Tuesday\s+(https?:\/\/\S+\/pings\/answer\/\S+)/.exec(text)?.[1] ?? '';
    expect(link).not.toBe('');
  }).toPass();
  const context = await browser.newContext();
  const fromEmail = await context.newPage();
  await fromEmail.goto(link);
  await expect(fromEmail.getByRole('heading', { level: 1, name: 'Answer a Ping' })).toBeVisible();
  await expect(fromEmail.getByText('Your answer: Tuesday')).toBeVisible();
  await expectAccessible(fromEmail, 'on the answer-link page');
  await activate(fromEmail.getByRole('button', { name: 'Answer “Tuesday”' }));
  await expect(
    fromEmail.getByRole('status').filter({ hasText: 'your answer “Tuesday” is in' }),
  ).toBeVisible();
  await context.close();

  // The second member finds it on the home page, answers, then changes the answer.
  await secondPage.goto('/');
  await expect(secondPage.getByRole('heading', { level: 2, name: 'Quick questions for you' })).toBeVisible();
  await expectAccessible(secondPage, 'on the home page with an open Ping');
  await activate(secondPage.getByRole('link', { name: 'Which day suits the next meeting?' }));
  await expect(
    secondPage.getByRole('heading', { level: 1, name: 'Which day suits the next meeting?' }),
  ).toBeVisible();
  // Tab reaches a radio group once (its first radio); the arrow keys choose within it.
  await pressOn(secondPage.getByRole('radio', { name: 'Tuesday' }), 'ArrowDown');
  await expect(secondPage.getByRole('radio', { name: 'Thursday' })).toBeChecked();
  await activate(secondPage.getByRole('button', { name: 'Send answer' }));
  await expect(secondPage.getByRole('status').filter({ hasText: 'your answer is in' })).toBeVisible();
  await expect(secondPage.getByText('2 of 2 answered (100%)')).toBeVisible();
  await expectAccessible(secondPage, 'on the Ping page after answering');
  // In a radio group only the chosen radio takes the focus; the arrow keys choose another.
  await pressOn(secondPage.getByRole('radio', { name: 'Thursday' }), 'ArrowUp');
  await expect(secondPage.getByRole('radio', { name: 'Tuesday' })).toBeChecked();
  await activate(secondPage.getByRole('button', { name: 'Change answer' }));
  await expect(secondPage.getByText('2 of 2 answered (100%)')).toBeVisible();

  // The leader sees the rate and the counts.
  await leader.goto(`/pings/${pingId}`);
  await expect(leader.getByText('2 of 2 answered (100%)')).toBeVisible();
  await expect(leader.getByRole('row', { name: 'Tuesday 2' })).toBeVisible();
  await expect(leader.getByRole('row', { name: 'Thursday 0' })).toBeVisible();
  await expectAccessible(leader, 'on the Ping page as its leader');

  // The leader opens a discussion of the results; the Ping then links to it.
  await activate(leader.getByRole('button', { name: 'Discuss the results' }));
  await expect(
    leader.getByRole('heading', { level: 1, name: 'Ping: Which day suits the next meeting?' }),
  ).toBeVisible();
  await expectAccessible(leader, 'on the discussion of the Ping');
  await leader.goto(`/pings/${pingId}`);
  await expect(leader.getByRole('link', { name: 'Open the discussion of this Ping' })).toBeVisible();
  await member.context().close();
});
