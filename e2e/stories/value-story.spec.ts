import pg from 'pg';
import { translator } from '../support/catalog.ts';
import { leaderAndMember, uniqueWord } from '../support/communities.ts';
import { expect, expectAccessible, test } from '../support/fixtures.ts';
import { activate, typeInto } from '../support/keyboard.ts';
import { e2eDatabaseName } from '../support/run-data.ts';

/** Dates the community three months back (setup only: a community two months old with no meeting). */
async function ageCommunity(slug: string): Promise<void> {
  const server = process.env.TEST_DATABASE_URL;
  if (!server) throw new Error('This journey ages its community in PostgreSQL: set TEST_DATABASE_URL.');
  const url = new URL(server);
  url.pathname = `/${e2eDatabaseName}`;
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    await client.query(`update communities set created_at = now() - interval '3 months' where slug = $1`, [
      slug,
    ]);
  } finally {
    await client.end();
  }
}

test('a member (in Italian) tells a value story from "I used this" on a resource; the leader sees it in the matrix, features it, and dismisses "no meeting for two months"', async ({
  browser,
}) => {
  const it = translator('it');
  const en = translator('en');
  const {
    leader,
    member: englishMember,
    slug,
  } = await leaderAndMember(browser, {
    name: 'Value practice',
    purpose: 'Where members tell what the community gave them.',
  });
  await ageCommunity(slug);
  const resourceTitle = `Rubric template ${uniqueWord('')}`;
  const added = await leader.request.post(`/api/communities/${slug}/resources`, {
    data: { kind: 'link', title: resourceTitle, url: 'https://example.org/rubric-template' },
  });
  expect(added.status(), await added.text()).toBe(201);
  const resourceId = (await added.json()).data.id as string;

  // The member's browser speaks Italian, so Copse does too.
  const italian = await browser.newContext({
    storageState: await englishMember.context().storageState(),
    locale: 'it-IT',
  });
  const member = await italian.newPage();
  await member.goto(`/resources/${resourceId}`);
  await expect(member.getByRole('heading', { level: 1, name: resourceTitle })).toBeVisible();
  await typeInto(
    member.getByRole('textbox', { name: it('toolkit.uses.whatHappened') }),
    'L’ho usata nel mio corso.',
  );
  await activate(member.getByRole('button', { name: it('toolkit.uses.recordUse') }));
  const tell = member.getByRole('link', { name: it('stories.fromUse.tell') });
  await expect(tell).toBeVisible();
  await expectAccessible(member, 'on the resource with their "I used this" record');

  // The story form starts from the record: the resource linked, "applied value" from what they wrote.
  await activate(tell);
  await expect(member.getByRole('heading', { level: 2, name: it('stories.new.title') })).toBeVisible();
  await expect(member.getByRole('checkbox', { name: resourceTitle })).toBeChecked();
  const storyTitle = `Le rubriche ${uniqueWord('')}`;
  await typeInto(member.getByRole('textbox', { name: it('stories.form.title') }), storyTitle);
  await typeInto(
    member.getByRole('textbox', {
      name: `${it('stories.cycle.immediate.name')}: ${it('stories.cycle.immediate.question')}`,
    }),
    'Ho trovato un modello di rubrica nel Toolkit.',
  );
  await expectAccessible(member, 'on the filled story form');
  await activate(member.getByRole('button', { name: it('stories.new.submit') }));
  await expect(member.getByRole('heading', { level: 1, name: storyTitle })).toBeVisible();
  await expect(member.getByRole('status').filter({ hasText: it('stories.new.recorded') })).toBeVisible();
  await expect(member.getByRole('link', { name: resourceTitle }).first()).toBeVisible();
  await expectAccessible(member, 'on their new story');

  // The leader finds it in the value-creation matrix and features it.
  await leader.goto(`/communities/${slug}`);
  await activate(
    leader
      .getByRole('navigation', { name: en('communities.header.sections') })
      .getByRole('link', { name: en('stories.tab.label') }),
  );
  const matrix = leader.getByRole('region', { name: en('stories.matrix.title') });
  const immediate = matrix.getByRole('region', { name: en('stories.cycle.immediate.name') });
  await expect(immediate.getByRole('link', { name: storyTitle })).toBeVisible();
  await expectAccessible(leader, 'on the Value stories tab with the matrix');
  await activate(immediate.getByRole('link', { name: storyTitle }));
  await expect(leader.getByRole('heading', { level: 1, name: storyTitle })).toBeVisible();
  await activate(leader.getByRole('button', { name: en('stories.curate.feature') }));
  await expect(leader.getByRole('status').filter({ hasText: en('stories.curate.featured') })).toBeVisible();
  await expect(leader.getByRole('button', { name: en('stories.curate.unfeature') })).toBeVisible();
  await expectAccessible(leader, 'on the featured story');

  // On the community home, the suggestions: no meeting for two months; the leader dismisses it.
  await activate(leader.getByRole('link', { name: /Value practice/ }).first());
  const suggestions = leader.getByRole('region', { name: en('suggestions.title') });
  const noMeeting = suggestions.getByRole('article', { name: en('suggestions.noMeeting.title') });
  await expect(noMeeting).toBeVisible();
  await expect(noMeeting.getByRole('link', { name: en('suggestions.noMeeting.step') })).toBeVisible();
  await expectAccessible(leader, 'on the community home with suggestions');
  await activate(
    noMeeting.getByRole('button', {
      name: en('suggestions.dismissLabel', { title: en('suggestions.noMeeting.title') }),
    }),
  );
  await expect(
    suggestions.getByRole('status').filter({ hasText: en('suggestions.dismissed') }),
  ).toBeVisible();
  await expect(noMeeting).toHaveCount(0);
  // The button is gone with it: focus is on the card's heading, where the keyboard user goes on from.
  await expect(suggestions.getByRole('heading', { name: en('suggestions.title') })).toBeFocused();
  await expectAccessible(leader, 'after dismissing the suggestion');
  await italian.close();
});
