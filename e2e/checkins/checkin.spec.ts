import { translator } from '../support/catalog.ts';
import { leaderAndMember, uniqueWord } from '../support/communities.ts';
import { expect, expectAccessible, test } from '../support/fixtures.ts';
import { activate, pressOn, selectOption, typeInto, uncheck } from '../support/keyboard.ts';

test('a leader (in Dutch) runs a check-in twice, a member answers both rounds, the leader reads the trend and records an action item shown on the community home', async ({
  browser,
}) => {
  const t = translator('nl');
  const {
    leader: englishLeader,
    member,
    memberAccount,
    slug,
  } = await leaderAndMember(browser, {
    name: 'Check-in practice',
    purpose: 'Where the leaders ask how it is going.',
  });
  // The leader's browser speaks Dutch (their profile names no language), so Copse does too.
  const dutch = await browser.newContext({
    storageState: await englishLeader.context().storageState(),
    locale: 'nl-NL',
  });
  const leader = await dutch.newPage();
  // The member is shared by the journeys of a run: this check-in's title is its own.
  const checkinTitle = `Hoe gaat het, ${uniqueWord('')}?`;
  await leader.goto(`/communities/${slug}`);
  await activate(
    leader
      .getByRole('navigation', { name: t('communities.header.sections') })
      .getByRole('link', { name: t('checkins.tab.label') }),
  );
  await expect(leader.getByRole('heading', { name: t('checkins.tab.emptyTitle') })).toBeVisible();
  await expectAccessible(leader, 'on the empty Check-ins tab');

  // The builder: from an empty check-in, a Likert question and an open one, every term.
  await activate(leader.getByRole('link', { name: t('checkins.new.title') }));
  await expect(leader.getByRole('heading', { level: 2, name: t('checkins.new.title') })).toBeVisible();
  await expectAccessible(leader, 'on the check-in builder with the start-of-term template');
  await selectOption(leader.getByLabel(t('checkins.new.template')), t('checkins.new.blank'));
  await typeInto(
    leader.getByRole('textbox', { name: t('checkins.new.checkinTitle'), exact: true }),
    checkinTitle,
  );
  await selectOption(leader.getByLabel(t('checkins.new.recurrence')), t('checkins.recurrence.termLong'));
  await typeInto(
    leader.getByRole('textbox', { name: t('checkins.new.prompt', { number: 1 }), exact: true }),
    'Hoeveel heb je aan de community?',
  );
  await typeInto(
    leader.getByRole('textbox', { name: t('checkins.new.likertLabels', { number: 1 }) }),
    'Niets\nWeinig\nIets\nVeel\nHeel veel',
  );
  await activate(leader.getByRole('button', { name: t('checkins.new.addQuestion') }));
  await selectOption(
    leader.getByRole('combobox', { name: t('checkins.new.kind') }).nth(1),
    t('checkins.kind.long_text'),
  );
  await typeInto(
    leader.getByRole('textbox', { name: t('checkins.new.prompt', { number: 2 }), exact: true }),
    'Wat moet er anders?',
  );
  await uncheck(leader.getByRole('checkbox', { name: t('checkins.new.required') }).nth(1));
  await expectAccessible(leader, 'on the filled check-in builder');
  await activate(leader.getByRole('button', { name: t('checkins.new.submit') }));
  await expect(leader.getByRole('heading', { level: 1, name: checkinTitle })).toBeVisible();
  await expect(leader.getByRole('status').filter({ hasText: t('checkins.new.sent') })).toBeVisible();
  await expect(leader.getByText(t('checkins.rate', { answered: 0, asked: 2 }))).toBeVisible();
  await expectAccessible(leader, 'on the new check-in as its leader');
  const checkinUrl = new URL(leader.url()).pathname;

  // Round 1: the member finds it on their home page and answers "2 – Weinig".
  await member.goto('/');
  await expect(member.getByRole('heading', { level: 2, name: 'Check-ins for you' })).toBeVisible();
  await expectAccessible(member, 'on the home page with an open check-in');
  await activate(member.getByRole('link', { name: checkinTitle }));
  await expect(member.getByRole('heading', { level: 1, name: checkinTitle })).toBeVisible();
  await expectAccessible(member, 'on the check-in form');
  // Tab reaches the radio group's first radio; the arrow keys choose within it.
  await pressOn(member.getByRole('radio', { name: '1 – Niets' }), 'ArrowDown');
  await expect(member.getByRole('radio', { name: '2 – Weinig' })).toBeChecked();
  await typeInto(member.getByRole('textbox', { name: /Wat moet er anders/ }), 'More worked examples');
  await activate(member.getByRole('button', { name: 'Send my answers' }));
  await expect(member.getByRole('status').filter({ hasText: 'your answers are in' })).toBeVisible();
  await expectAccessible(member, 'on the check-in after answering');

  // The leader starts round 2 now; the member answers it "4 – Veel".
  await leader.reload();
  await expect(leader.getByText(t('checkins.rate', { answered: 1, asked: 2 }))).toBeVisible();
  await activate(leader.getByRole('button', { name: t('checkins.manage.nextRound.start') }));
  await expect(
    leader.getByRole('status').filter({ hasText: t('checkins.manage.nextStarted', { round: 2 }) }),
  ).toBeVisible();
  await expectAccessible(leader, 'on the check-in with round 2 open');
  await member.goto(checkinUrl);
  await expect(member.getByRole('button', { name: 'Send my answers' })).toBeVisible();
  await pressOn(member.getByRole('radio', { name: '1 – Niets' }), 'ArrowDown');
  await pressOn(member.getByRole('radio', { name: '2 – Weinig' }), 'ArrowDown');
  await pressOn(member.getByRole('radio', { name: '3 – Iets' }), 'ArrowDown');
  await expect(member.getByRole('radio', { name: '4 – Veel' })).toBeChecked();
  await typeInto(member.getByRole('textbox', { name: /Wat moet er anders/ }), 'Keep the examples coming');
  await activate(member.getByRole('button', { name: 'Send my answers' }));
  await expect(member.getByRole('status').filter({ hasText: 'your answers are in' })).toBeVisible();

  // The leader reads the results: each round's counts, the trend from 2 to 4, the texts searched.
  await leader.reload();
  await activate(leader.getByRole('link', { name: t('checkins.results.open') }));
  await expect(
    leader.getByRole('heading', {
      level: 1,
      name: t('checkins.results.heading', { title: checkinTitle }),
    }),
  ).toBeVisible();
  const trend = leader.getByRole('table', { name: t('checkins.results.trendCaption') });
  await expect(
    trend.getByRole('row', { name: `${t('checkins.results.roundShort', { round: 1 })} 2` }),
  ).toBeVisible();
  await expect(
    trend.getByRole('row', { name: `${t('checkins.results.roundShort', { round: 2 })} 4` }),
  ).toBeVisible();
  await expect(leader.getByRole('row', { name: '4 Veel 1' })).toBeVisible();
  await expectAccessible(leader, 'on the results with the trend');
  await typeInto(leader.getByRole('searchbox', { name: t('checkins.results.search') }), 'examples');
  await expect(leader.getByText('Keep the examples coming')).toBeVisible();

  // An action item from the findings, owned by the member.
  await typeInto(
    leader.getByRole('textbox', { name: t('checkins.actions.what') }),
    'Meer uitgewerkte voorbeelden delen',
  );
  await selectOption(leader.getByLabel(t('checkins.actions.owner')), memberAccount.name);
  await activate(leader.getByRole('button', { name: t('checkins.actions.record') }));
  await expect(leader.getByRole('status').filter({ hasText: t('checkins.actions.recorded') })).toBeVisible();
  await expectAccessible(leader, 'on the results after recording an action item');

  // The community home shows it until done; done, it moves to "You said, we did".
  await leader.goto(`/communities/${slug}`);
  const items = leader.getByRole('region', { name: t('checkins.actions.title') });
  await expect(items.getByText('Meer uitgewerkte voorbeelden delen', { exact: true })).toBeVisible();
  await expect(items.getByText(t('checkins.actions.ownedBy', { name: memberAccount.name }))).toBeVisible();
  await expectAccessible(leader, 'on the community home with an open action item');
  await member.goto(`/communities/${slug}`);
  await expect(
    member
      .getByRole('region', { name: 'Action items' })
      .getByText('Meer uitgewerkte voorbeelden delen', { exact: true }),
  ).toBeVisible();
  await expectAccessible(member, 'on the community home as a member');
  const title = 'Meer uitgewerkte voorbeelden delen';
  await activate(items.getByRole('button', { name: t('checkins.actions.finish', { title }) }));
  await typeInto(
    items.getByRole('textbox', { name: t('checkins.actions.whatWeDid', { title }) }),
    'Gedeeld in de bijeenkomst van maart',
  );
  await activate(items.getByRole('button', { name: t('checkins.actions.markDone') }));
  const said = leader.getByRole('region', { name: t('checkins.actions.youSaid') });
  await expect(said.getByText('Gedeeld in de bijeenkomst van maart')).toBeVisible();
  await expect(items.getByText(t('checkins.actions.empty'))).toBeVisible();
  await expectAccessible(leader, 'on the community home with "You said, we did"');
  await member.reload();
  await expect(
    member.getByRole('region', { name: 'You said, we did' }).getByText('Gedeeld in de bijeenkomst van maart'),
  ).toBeVisible();
  await dutch.close();
  await member.context().close();
});
