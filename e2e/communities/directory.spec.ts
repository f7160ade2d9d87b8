import { communityPerson, createCommunity, signInAdministrator, uniqueWord } from '../support/communities.ts';
import { expect, expectAccessible, test } from '../support/fixtures.ts';
import { activate, check, pressOn, selectOption, typeInto } from '../support/keyboard.ts';

test('a visitor searches and filters the directory, then signs in and joins an open community', async ({
  browser,
}) => {
  const admin = await signInAdministrator(browser);
  const tag = uniqueWord('fern');
  const Tag = tag[0]?.toUpperCase() + tag.slice(1);
  const base = { topics: [tag], objectives: 'Meet monthly and share what works.' };
  await createCommunity(admin.request, admin.request, {
    ...base,
    name: `${Tag} Assessment Circle`,
    purpose: `Teachers rethinking assessment and feedback in ${tag} courses.`,
    topics: [tag, 'assessment'],
    audience: 'staff',
    format: 'online',
    visibility: 'public',
    joinPolicy: 'open',
  });
  await createCommunity(admin.request, admin.request, {
    ...base,
    name: `${Tag} Open Science Café`,
    purpose: `Researchers sharing open data practice and ${tag} methods.`,
    audience: 'everyone',
    format: 'hybrid',
    visibility: 'public',
    joinPolicy: 'request',
  });
  await createCommunity(admin.request, admin.request, {
    ...base,
    name: `${Tag} Staff Council`,
    kind: 'council',
    purpose: `The ${tag} council advises on teaching spaces.`,
    visibility: 'institution',
    joinPolicy: 'open',
  });
  const privateSlug = await createCommunity(admin.request, admin.request, {
    ...base,
    name: `${Tag} Private Circle`,
    purpose: `A closed ${tag} reading group.`,
    visibility: 'private',
    joinPolicy: 'invitation',
  });

  // A visitor on a phone finds the directory from the landing page; only public communities show.
  const visitor = await (await browser.newContext({ viewport: { width: 360, height: 780 } })).newPage();
  await visitor.goto('/');
  await activate(visitor.getByRole('link', { name: 'Browse the communities' }));
  await expect(visitor.getByRole('heading', { level: 1, name: 'Communities' })).toBeVisible();
  await expect(visitor.getByRole('link', { name: 'Start a community' })).toBeVisible();
  await typeInto(visitor.getByLabel('Search communities'), tag);
  const cards = visitor.getByRole('article');
  await expect(cards).toHaveCount(2);
  await expect(visitor).toHaveURL(new RegExp(`q=${tag}`));
  const circle = visitor.getByRole('article', { name: `${Tag} Assessment Circle` });
  await expect(circle.locator('mark')).toHaveText(tag);
  await expect(circle).toContainText('Open to join');
  await expect(circle).toContainText('Led by Ada Lovelace');
  await expect(visitor.getByRole('article', { name: `${Tag} Open Science Café` })).toContainText(
    'Ask to join',
  );
  await expect(visitor.getByRole('article', { name: `${Tag} Staff Council` })).toHaveCount(0);
  await expectAccessible(visitor, 'on the directory, signed out, on a phone');

  // Filters sit behind a button on a phone; each one is a step the back button undoes.
  await activate(visitor.getByRole('button', { name: 'Show filters' }));
  await check(visitor.getByLabel('Open to join only'));
  await expect(cards).toHaveCount(1);
  await expect(visitor).toHaveURL(/open=true/);
  await selectOption(visitor.getByLabel('Audience'), { label: 'Everyone' });
  await expect(visitor.getByRole('heading', { name: /^No community matches/ })).toBeVisible();
  await expectAccessible(visitor, 'on the directory with no match');
  await visitor.goBack();
  await expect(cards).toHaveCount(1);
  await expect(visitor.getByLabel('Audience')).toHaveValue('');
  await visitor.goBack();
  await expect(cards).toHaveCount(2);
  await expect(visitor.getByLabel('Search communities')).toHaveValue(tag);

  // A private community is not there for visitors, who are offered to sign in.
  await visitor.goto(`/communities/${privateSlug}`);
  await expect(visitor.getByRole('heading', { level: 1, name: 'Community not found' })).toBeVisible();
  await expect(visitor.getByRole('main').getByRole('link', { name: 'Sign in' })).toBeVisible();
  await expectAccessible(visitor, 'on a community the visitor may not see');
  await visitor.goBack();

  // The card leads to the community; joining asks the visitor to sign in and brings them back.
  const newcomer = await communityPerson(admin.request, 'member');
  await activate(circle.getByRole('link', { name: `${Tag} Assessment Circle` }));
  await expect(visitor.getByRole('heading', { level: 1, name: `${Tag} Assessment Circle` })).toBeVisible();
  await expect(visitor.getByText('Stage: Coalescing').first()).toBeVisible();
  await expectAccessible(visitor, 'on a community, signed out');
  await activate(visitor.getByRole('link', { name: 'Sign in to join' }));
  await expect(visitor.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  await typeInto(visitor.getByLabel('Email'), newcomer.email);
  await typeInto(visitor.getByLabel(/^Password/), newcomer.password);
  await activate(visitor.getByRole('button', { name: 'Sign in' }));
  await expect(visitor.getByRole('heading', { level: 1, name: `${Tag} Assessment Circle` })).toBeVisible();
  await activate(visitor.getByRole('button', { name: 'Join community' }));
  await expect(visitor.getByRole('status').filter({ hasText: 'You are now a member' })).toBeVisible();
  await expect(visitor.getByText('You are a member')).toBeVisible();
  await expect(visitor.getByText('2 members').first()).toBeVisible();
  await expectAccessible(visitor, 'on a community after joining');

  // Signed in, the institution's communities show too; kind, topic and sort narrow the list.
  await admin.goto(`/communities?q=${tag}`);
  await expect(admin.getByRole('article')).toHaveCount(4);
  await selectOption(admin.getByLabel('Kind'), { label: 'Council or committee' });
  await expect(admin.getByRole('article')).toHaveCount(1);
  await expect(admin.getByRole('article', { name: `${Tag} Staff Council` })).toContainText(
    'Council or committee',
  );
  await selectOption(admin.getByLabel('Kind'), { label: 'Communities and councils' });
  await typeInto(admin.getByLabel('Topic', { exact: true }), 'assessment');
  await pressOn(admin.getByLabel('Topic', { exact: true }), 'Enter');
  await expect(admin.getByRole('article')).toHaveCount(1);
  await expect(admin).toHaveURL(/topic=assessment/);
  await activate(admin.getByRole('button', { name: 'Clear search and filters' }).first());
  await expect(admin.getByLabel('Search communities')).toHaveValue('');
  await typeInto(admin.getByLabel('Search communities'), tag);
  await selectOption(admin.getByLabel('Sort by'), { label: 'Name (A–Z)' });
  await expect(admin.getByRole('article').getByRole('heading')).toHaveText([
    `${Tag} Assessment Circle`,
    `${Tag} Open Science Café`,
    `${Tag} Private Circle`,
    `${Tag} Staff Council`,
  ]);
  await expectAccessible(admin, 'on the directory, signed in');

  await visitor.context().close();
  await admin.context().close();
});

test('the directory loads more communities on demand', async ({ browser }) => {
  const admin = await signInAdministrator(browser);
  const tag = uniqueWord('moss');
  for (let i = 1; i <= 13; i += 1) {
    await createCommunity(admin.request, admin.request, {
      name: `Reading Group ${String(i).padStart(2, '0')} ${tag}`,
      purpose: 'Reading together.',
      topics: [tag],
      visibility: 'public',
    });
  }
  await admin.goto(`/communities?topic=${tag}&sort=name`);
  await expect(admin.getByRole('article')).toHaveCount(12);
  await activate(admin.getByRole('button', { name: 'Load more' }));
  await expect(admin.getByRole('article')).toHaveCount(13);
  await expect(admin.getByRole('article').last()).toContainText('Reading Group 13');
  await expect(admin.getByRole('button', { name: 'Load more' })).toHaveCount(0);
  await admin.context().close();
});
