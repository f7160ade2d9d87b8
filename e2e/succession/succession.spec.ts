import { joinNewMembers } from '../support/accounts.ts';
import { leaderAndMember, signInOnce } from '../support/communities.ts';
import { expect, expectAccessible, test } from '../support/fixtures.ts';
import { activate, selectOption, typeInto } from '../support/keyboard.ts';

// #18 §1: a leader steps down, members consent to a successor, both complete the hand-over checklist,
// and the hand-over milestone shows on the community's page.
test('a leader steps down, members consent to a successor, both complete the checklist, and the milestone shows', async ({
  browser,
  playwright,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const { admin, leader, member, memberAccount, slug } = await leaderAndMember(browser, {
    name: 'Succession practice',
    purpose: 'Where leadership passes on well.',
  });
  const [ann] = await joinNewMembers(playwright.request, admin.request, baseURL ?? '', slug, 1);
  if (!ann) throw new Error('a second member expected');

  // The charter names consent; the objection period is zero days, so the leaders may close it at once.
  const home = await leader.request.get(`/api/communities/${slug}`);
  const { charter } = (await home.json()).data;
  const saved = await leader.request.put(`/api/communities/${slug}/charter`, {
    data: {
      sections: charter.sections,
      baseVersion: charter.version,
      decision: { process: 'consent', objectionDays: 0, votingDays: 7 },
    },
  });
  expect(saved.ok(), await saved.text()).toBe(true);

  // The leader opens the Leadership tab and steps down, opening nominations.
  await leader.goto(`/communities/${slug}`);
  await activate(
    leader.getByRole('navigation', { name: 'Community sections' }).getByRole('link', { name: 'Leadership' }),
  );
  await expect(leader.getByText('No succession under way.')).toBeVisible();
  await expect(leader.getByText(/chosen by consent/)).toBeVisible();
  await expectAccessible(leader, 'on the Leadership tab with no succession');
  await selectOption(leader.getByLabel('Your role afterwards'), 'Co-leader');
  await activate(leader.getByRole('button', { name: 'Step down and start a succession' }));
  await expect(leader.getByText('Nominations open')).toBeVisible();
  // The button pressed is gone with the card it was on: focus is on the new card's heading.
  await expect(leader.getByRole('heading', { name: 'Succession', exact: true })).toBeFocused();
  await expectAccessible(leader, 'on a succession open for nominations');

  // The member nominates themselves (accepted at once), after first sending the form with nobody chosen.
  await member.goto(`/communities/${slug}/leadership`);
  await activate(member.getByRole('button', { name: 'Nominate', exact: true }));
  await expect(member.getByLabel('Member to nominate')).toBeFocused();
  await expect(member.getByText(/Choose a member of this community/)).toBeVisible();
  await selectOption(member.getByLabel('Member to nominate'), memberAccount.name);
  await activate(member.getByRole('button', { name: 'Nominate', exact: true }));
  const nominations = member.getByRole('list', { name: 'Nominations' });
  await expect(nominations.getByText(memberAccount.name)).toBeVisible();
  await expect(nominations.getByText('Accepted')).toBeVisible();
  await expectAccessible(member, 'on the succession with an accepted nomination');

  // The leader proposes them; the members consent (nobody objects) and the leader closes the decision.
  await leader.reload();
  await activate(leader.getByRole('button', { name: 'Propose as successor' }));
  await expect(leader.getByText(/is proposed as the new leader/)).toBeVisible();
  await expectAccessible(leader, 'on the proposed successor');
  const annPage = await signInOnce(browser, ann);
  await annPage.goto(`/communities/${slug}/leadership`);
  await expect(annPage.getByText(/is proposed as the new leader/)).toBeVisible();
  await expectAccessible(annPage, 'on the proposal, as another member');
  await activate(leader.getByRole('button', { name: 'Close the decision' }));
  await expect(leader.getByText(`New leader: ${memberAccount.name}`)).toBeVisible();
  await expectAccessible(leader, 'on the decided succession with its checklist');

  // Both tick the hand-over checklist; the outgoing leader writes a note.
  const items = [
    'Access and roles',
    'Upcoming meetings',
    'Open action items',
    'Toolkit curation',
    'Contacts and partners',
  ];
  for (const item of items) {
    await activate(leader.getByRole('button', { name: `Done: ${item}` }));
    await expect(leader.getByRole('button', { name: `Done: ${item}` })).toHaveCount(0);
  }
  await typeInto(
    leader.getByRole('textbox', { name: 'Your note for the new leader' }),
    'The room booking renews in May.',
  );
  await activate(leader.getByRole('button', { name: 'Done: A note from the outgoing leader' }));
  await expect(
    leader.getByText('Note from the outgoing leader: The room booking renews in May.'),
  ).toBeVisible();
  await expectAccessible(leader, 'on the checklist ticked by the outgoing leader');
  await member.reload();
  await expect(
    member.getByText('Note from the outgoing leader: The room booking renews in May.'),
  ).toBeVisible();
  for (const item of [...items, 'A note from the outgoing leader']) {
    await activate(member.getByRole('button', { name: `Done: ${item}` }));
    if (item !== 'A note from the outgoing leader')
      await expect(member.getByRole('button', { name: `Done: ${item}` })).toHaveCount(0);
  }
  await expect(member.getByText('No succession under way.')).toBeVisible();
  await expect(member.getByRole('list', { name: 'Past successions' })).toContainText(
    `handed over to ${memberAccount.name}`,
  );
  await expectAccessible(member, 'on the Leadership tab after the hand-over');

  // The hand-over is a milestone, celebrated on the community's page.
  await activate(
    member.getByRole('navigation', { name: 'Community sections' }).getByRole('link', { name: 'About' }),
  );
  await expect(member.getByText('A leadership hand-over completed')).toBeVisible();
  await expectAccessible(member, 'on the community page with the hand-over milestone');
});
