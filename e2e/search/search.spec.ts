import { createConfirmedPerson, newAccount } from '../support/accounts.ts';
import {
  communityPerson,
  createCommunity,
  signInAdministrator,
  signInOnce,
  uniqueWord,
} from '../support/communities.ts';
import { expect, expectAccessible, test } from '../support/fixtures.ts';
import { activate, pressOn, selectOption, tabTo, typeInto } from '../support/keyboard.ts';
import { expectNoSidewaysScroll } from '../support/meetings.ts';

test('a member searches from the header, filters by discussions and opens the thread', async ({
  browser,
}) => {
  const admin = await signInAdministrator(browser);
  const leaderAccount = await communityPerson(admin.request, 'leader');
  const memberAccount = await communityPerson(admin.request, 'member');
  const leader = await signInOnce(browser, leaderAccount);
  const slug = await createCommunity(leader.request, admin.request, {
    name: `Assessment Circle ${uniqueWord('')}`,
    purpose: 'Lecturers comparing how they design and mark assessments.',
    visibility: 'institution',
    joinPolicy: 'open',
  });
  const member = await signInOnce(browser, memberAccount);
  const joined = await member.request.post(`/api/communities/${slug}/join`, { data: {} });
  expect(joined.ok()).toBe(true);

  // The member starts a discussion with a word nobody else uses.
  const word = uniqueWord('rubric');
  const title = `Marking with the ${word} method`;
  const started = await member.request.post(`/api/communities/${slug}/threads`, {
    data: {
      kind: 'discussion',
      title,
      body: `Has anyone tried the ${word} approach for marking group projects?`,
    },
  });
  expect(started.status(), await started.text()).toBe(201);

  // They search for it from the header box.
  await member.goto('/');
  const box = member.getByRole('searchbox', { name: 'Search Copse' });
  await typeInto(box, word);
  await pressOn(box, 'Enter');
  await expect(member).toHaveURL(`/search?q=${word}`);
  await expect(member.getByRole('heading', { level: 1, name: 'Search' })).toBeVisible();
  const results = member.getByRole('region', { name: 'Results' });
  const result = results.getByRole('article', { name: title });
  await expect(result).toBeVisible();
  await expect(result.getByText('Discussion', { exact: true })).toBeVisible();
  await expect(result.locator('mark').first()).toContainText(word, { ignoreCase: true });
  await expectAccessible(member, 'on the search results');

  // Only discussions.
  const kinds = member.getByRole('navigation', { name: 'Kinds of result' });
  await activate(kinds.getByRole('link', { name: 'Discussions (1)' }));
  await expect(member).toHaveURL(`/search?q=${word}&kind=thread`);
  await expect(kinds.getByRole('link', { name: 'Discussions (1)' })).toHaveAttribute('aria-current', 'page');
  await expect(results.getByRole('article')).toHaveCount(1);
  await expectAccessible(member, 'on the search results filtered by discussions');

  // Readable on a phone: the header offers a search button instead of the box.
  await member.setViewportSize({ width: 360, height: 740 });
  await expect(member.getByRole('link', { name: 'Search Copse' })).toBeVisible();
  await expect(result).toBeVisible();
  await expectNoSidewaysScroll(member);
  await expectAccessible(member, 'on the search results at 360 px');
  await member.setViewportSize({ width: 1280, height: 720 });

  // Opening the result goes to the thread.
  await activate(result.getByRole('link', { name: title }));
  await expect(member.getByRole('heading', { level: 1, name: title })).toBeVisible();

  // Nothing found: the page says so and how to search better.
  const nothing = uniqueWord('nothing');
  await member.goto(`/search?q=${nothing}`);
  await expect(member.getByRole('heading', { name: `No results for “${nothing}”` })).toBeVisible();
  await expect(member.getByText('Put a phrase in quotes')).toBeVisible();
  await expectAccessible(member, 'on a search with no results');
});

test('a search matching every kind shows a mixed list, pages on by keyboard and opens a person card', async ({
  browser,
}) => {
  // It writes 23 posts and a person, and checks four long result lists with axe (both sorts).
  test.setTimeout(240_000);
  const admin = await signInAdministrator(browser);
  const leaderAccount = await communityPerson(admin.request, 'leader');
  const memberAccount = await communityPerson(admin.request, 'member');
  const leader = await signInOnce(browser, leaderAccount);
  const word = uniqueWord('scaffold');
  const slug = await createCommunity(leader.request, admin.request, {
    name: `Tutoring Circle ${uniqueWord('')}`,
    purpose: `Colleagues practising ${word} tutoring together.`,
    visibility: 'institution',
    joinPolicy: 'open',
  });
  const member = await signInOnce(browser, memberAccount);
  expect((await member.request.post(`/api/communities/${slug}/join`, { data: {} })).ok()).toBe(true);

  // 1 community, 12 discussions, 6 replies, 4 resources and 1 person: 24 results, more than a page.
  const threadIds: string[] = [];
  for (let i = 1; i <= 12; i++) {
    const started = await leader.request.post(`/api/communities/${slug}/threads`, {
      data: {
        kind: 'discussion',
        title: `The ${word} method, part ${i}`,
        body: `Notes on ${word} in week ${i}.`,
      },
    });
    expect(started.status(), await started.text()).toBe(201);
    threadIds.push(((await started.json()) as { data: { id: string } }).data.id);
  }
  for (let i = 1; i <= 6; i++) {
    const replied = await member.request.post(`/api/threads/${threadIds[0]}/replies`, {
      data: { body: `We tried ${word} with group ${i}.` },
    });
    expect(replied.status(), await replied.text()).toBe(201);
  }
  for (let i = 1; i <= 4; i++) {
    const shared = await leader.request.post(`/api/communities/${slug}/resources`, {
      data: { kind: 'link', title: `A ${word} checklist ${i}`, url: `https://example.org/${word}/${i}` },
    });
    expect(shared.status(), await shared.text()).toBe(201);
  }
  const tutorAccount = newAccount('Lev Vygotsky');
  await createConfirmedPerson(admin.request, tutorAccount);
  const tutor = await signInOnce(browser, tutorAccount);
  const profile = await tutor.request.patch('/api/me', { data: { expertise: [`${word} tutoring`, 'play'] } });
  expect(profile.ok(), await profile.text()).toBe(true);

  await member.goto(`/search?q=${word}`);
  const kinds = member.getByRole('navigation', { name: 'Kinds of result' });
  await expect(kinds.getByRole('link', { name: 'All (24)' })).toBeVisible();
  await expect(kinds.getByRole('link', { name: 'People (1)' })).toBeVisible();
  const results = member.getByRole('region', { name: 'Results' });
  await expect(results.getByRole('article')).toHaveCount(20);
  await expect(results.getByRole('status')).toHaveText(`20 of 24 results for “${word}”, best first.`);
  await expectAccessible(member, 'on a mixed list of search results');

  // The next page, by keyboard: focus moves to the first new result.
  const more = results.getByRole('button', { name: 'Load more results' });
  await tabTo(more);
  await member.keyboard.press('Enter');
  await expect(results.getByRole('article')).toHaveCount(24);
  await expect(results.getByRole('article').nth(20).getByRole('heading').getByRole('link')).toBeFocused();
  await expect(more).toHaveCount(0);
  await expect(results.getByRole('status')).toHaveText(`24 results for “${word}”, best first.`);
  for (const badge of ['Community', 'Discussion', 'Reply', 'Resource', 'Person'])
    await expect(results.getByText(badge, { exact: true }).first()).toBeVisible();
  await expectAccessible(member, 'on both pages of a mixed list of search results');

  // Newest first: a labelled control, used by keyboard, its choice kept in the address and the tabs.
  const sortBy = member.getByRole('combobox', { name: 'Sort by' });
  await expect(sortBy).toHaveValue('relevance');
  await tabTo(sortBy);
  await selectOption(sortBy, { label: 'Newest' });
  await expect(member).toHaveURL(`/search?q=${word}&sort=newest`);
  await expect(results.getByRole('status')).toHaveText(`20 of 24 results for “${word}”, newest first.`);
  // The newest result is the person, whose account is the newest thing that matches.
  await expect(results.getByRole('article').first()).toHaveAccessibleName('Lev Vygotsky');
  await expectAccessible(member, 'on search results sorted newest first');
  await activate(kinds.getByRole('link', { name: 'Discussions (12)' }));
  await expect(member).toHaveURL(`/search?q=${word}&kind=thread&sort=newest`);
  await expect(results.getByRole('article').first()).toHaveAccessibleName(`The ${word} method, part 12`);
  await expectAccessible(member, 'on discussions sorted newest first');
  // One step back at a time: each Back lands before the next (a second Back while the first is still
  // being handled could be taken before the page settles).
  await member.goBack();
  await expect(member).toHaveURL(`/search?q=${word}&sort=newest`);
  await expect(results.getByRole('article').first()).toHaveAccessibleName('Lev Vygotsky');
  await member.goBack();
  await expect(member).toHaveURL(`/search?q=${word}`);
  await expect(sortBy).toHaveValue('relevance');
  // Back to best match, with both pages loaded before.
  await expect(results.getByRole('status')).toHaveText(`24 results for “${word}”, best first.`);

  // The person is a card: name, kind, the expertise the word matched; it opens their profile.
  const card = results.getByRole('article', { name: 'Lev Vygotsky' });
  await expect(card.getByText('Person', { exact: true })).toBeVisible();
  await expect(card.getByRole('list', { name: 'Expertise' })).toContainText(
    `${word} tutoring (matches your search)`,
  );
  await expect(card).not.toContainText('lev vygotsky');
  await activate(card.getByRole('link', { name: 'Lev Vygotsky' }));
  await expect(member.getByRole('heading', { level: 1, name: 'Lev Vygotsky' })).toBeVisible();
  for (const page of [admin, leader, member, tutor]) await page.context().close();
});
