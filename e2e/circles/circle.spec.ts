import { joinNewMembers } from '../support/accounts.ts';
import { leaderAndMember, signInOnce, uniqueWord } from '../support/communities.ts';
import { expect, expectAccessible, test } from '../support/fixtures.ts';
import { activate, selectOption, typeInto, uncheck } from '../support/keyboard.ts';
import { browserLocalTime } from '../support/meetings.ts';

// #18 §3: a member forms a circle with two others, they post in its discussion and schedule a meeting;
// a member of the community who is not in the circle does not see it.
test('a member forms a circle with two others, they post and schedule a meeting, and a non-member of the circle does not see it', async ({
  browser,
  playwright,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const { admin, member, slug } = await leaderAndMember(browser, {
    name: 'Circle practice',
    purpose: 'Where small groups learn together.',
  });
  const [ann, ben, cleo] = await joinNewMembers(playwright.request, admin.request, baseURL ?? '', slug, 3);
  if (!ann || !ben || !cleo) throw new Error('three members expected');
  const circleName = `Feedback ${uniqueWord('')}`;

  // The member forms an invitation-only circle from the community's Circles tab.
  await member.goto(`/communities/${slug}`);
  await activate(
    member.getByRole('navigation', { name: 'Community sections' }).getByRole('link', { name: 'Circles' }),
  );
  await expect(member.getByText('No circles yet.')).toBeVisible();
  await expectAccessible(member, 'on the empty Circles tab');
  await activate(member.getByRole('button', { name: 'Form a circle' }));
  await typeInto(member.getByRole('textbox', { name: 'Name' }), circleName);
  await typeInto(member.getByRole('textbox', { name: 'Purpose' }), 'Six weeks on written feedback.');
  await uncheck(member.getByRole('checkbox', { name: /Any member of the community may join/ }));
  await expectAccessible(member, 'on the new circle form');
  await activate(member.getByRole('button', { name: 'Form the circle' }));
  await expect(member.getByRole('heading', { level: 1, name: circleName })).toBeVisible();
  const circleUrl = new URL(member.url()).pathname;

  // It invites Ann and Ben; Ann accepts in her browser, Ben through the API.
  for (const person of [ann, ben]) {
    await selectOption(member.getByLabel('Member of the community'), person.name);
    await activate(member.getByRole('button', { name: 'Invite', exact: true }));
    await expect(member.getByRole('status').filter({ hasText: 'Invitation sent.' })).toBeVisible();
  }
  await expectAccessible(member, 'on the forming circle with two invitations');
  const annPage = await signInOnce(browser, ann);
  await annPage.goto(circleUrl);
  await activate(annPage.getByRole('button', { name: 'Accept the invitation' }));
  await expect(annPage.getByRole('heading', { name: 'Discussion' })).toBeVisible();
  const benPage = await signInOnce(browser, ben);
  const joined = await benPage.request.post(`/api${circleUrl}/join`, { data: {} });
  expect(joined.ok(), await joined.text()).toBe(true);

  // The member starts it, posts, and schedules the first meeting.
  await member.reload();
  await activate(member.getByRole('button', { name: 'Start the circle' }));
  await expect(member.getByText('Active', { exact: true })).toBeVisible();
  await typeInto(member.getByRole('textbox', { name: 'Your post' }), 'Bring one piece of feedback you gave.');
  await activate(member.getByRole('button', { name: 'Post', exact: true }));
  await expect(member.getByText('Bring one piece of feedback you gave.')).toBeVisible();
  await typeInto(member.getByRole('textbox', { name: 'Title' }), 'Kick-off');
  await typeInto(member.getByLabel('Day and time'), await browserLocalTime(member, 24 * 60));
  await activate(member.getByRole('button', { name: 'Schedule', exact: true }));
  await expect(member.getByText('Kick-off')).toBeVisible();
  await expectAccessible(member, 'on the active circle with a post and a meeting');

  // Ann answers in the discussion.
  await annPage.reload();
  await expect(annPage.getByText('Kick-off')).toBeVisible();
  await typeInto(annPage.getByRole('textbox', { name: 'Your post' }), 'I will bring a lab report.');
  await activate(annPage.getByRole('button', { name: 'Post', exact: true }));
  await expect(annPage.getByText('I will bring a lab report.')).toBeVisible();
  await expectAccessible(annPage, 'on the circle as an invited member who joined');

  // Cleo, a member of the community but not of the circle, sees neither it nor its content.
  const cleoPage = await signInOnce(browser, cleo);
  await cleoPage.goto(`/communities/${slug}/circles`);
  await expect(cleoPage.getByText('No circles yet.')).toBeVisible();
  await expect(cleoPage.getByText(circleName)).toHaveCount(0);
  await expectAccessible(cleoPage, 'on the Circles tab of a member outside the circle');
  await cleoPage.goto(circleUrl);
  await expect(cleoPage.getByRole('alert')).toBeVisible();
  await expect(cleoPage.getByText('Bring one piece of feedback')).toHaveCount(0);
  await expectAccessible(cleoPage, 'on the circle page, refused');
});
