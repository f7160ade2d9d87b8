import {
  communityPerson,
  createCommunity,
  signInAdministrator,
  signInOnce,
  uniqueWord,
} from '../support/communities.ts';
import { expect, expectAccessible, test } from '../support/fixtures.ts';
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
  await box.fill(word);
  await box.press('Enter');
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
  await kinds.getByRole('link', { name: 'Discussions (1)' }).click();
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
  await result.getByRole('link', { name: title }).click();
  await expect(member.getByRole('heading', { level: 1, name: title })).toBeVisible();

  // Nothing found: the page says so and how to search better.
  const nothing = uniqueWord('nothing');
  await member.goto(`/search?q=${nothing}`);
  await expect(member.getByRole('heading', { name: `No results for “${nothing}”` })).toBeVisible();
  await expect(member.getByText('Put a phrase in quotes')).toBeVisible();
  await expectAccessible(member, 'on a search with no results');
});
