import type { Page } from '@playwright/test';
import { joinNewMembers } from '../support/accounts.ts';
import { expectNoEnglish, translator } from '../support/catalog.ts';
import { leaderAndMember } from '../support/communities.ts';
import { expect, expectAccessible, test } from '../support/fixtures.ts';
import { activate, pressOn, selectOption, typeInto } from '../support/keyboard.ts';

const t = translator('nl');

/** The same signed-in person in a browser that speaks Dutch. */
async function inDutch(page: Page): Promise<Page> {
  const context = await page
    .context()
    .browser()
    ?.newContext({
      locale: 'nl-NL',
      storageState: await page.context().storageState(),
    });
  if (!context) throw new Error('no browser');
  return context.newPage();
}

// The product journey "A leader sends a Ping; fifteen members answer; the leader sees the results and
// the response rate", in Dutch: thirteen answer in one click from the email, one opens the link in her
// browser, one answers on her home page and changes her mind.
test('in Dutch, a leader sends a Ping to fifteen members, answers come from the email and the home page, one changes, and the leader sees the results and the rate', async ({
  browser,
  playwright,
  baseURL,
}) => {
  test.setTimeout(240_000);
  const cast = await leaderAndMember(browser, {
    name: 'Pings met vijftien',
    purpose: 'Waar korte vragen worden gesteld en beantwoord.',
  });
  const { admin, slug } = cast;
  const others = await joinNewMembers(playwright.request, admin.request, baseURL ?? '', slug, 14);
  const leader = await inDutch(cast.leader);
  const member = await inDutch(cast.member);
  const question = 'Welke dag past voor de volgende bijeenkomst?';

  // The leader sends it from the community's Pings tab.
  await leader.goto(`/communities/${slug}/pings`);
  await activate(leader.getByRole('link', { name: t('pings.new.title') }));
  await expect(leader.getByRole('heading', { level: 2, name: t('pings.new.title') })).toBeVisible();
  await typeInto(leader.getByLabel(new RegExp(`^${t('pings.new.question')}`)), question);
  for (const [index, day] of ['dinsdag', 'donderdag'].entries()) {
    await typeInto(
      leader.getByRole('textbox', { name: t('pings.new.choice', { number: index + 1 }), exact: true }),
      day,
    );
  }
  await selectOption(leader.getByLabel(t('pings.new.window')), t('pings.window.days', { count: 2 }));
  await expectAccessible(leader, 'on the filled Ping form, in Dutch');
  await expectNoEnglish(
    leader,
    'nl',
    [question, 'dinsdag', 'donderdag', cast.leaderAccount.name],
    'the Ping form',
  );
  await activate(leader.getByRole('button', { name: t('pings.new.submit') }));
  await expect(leader.getByRole('heading', { level: 1, name: question })).toBeVisible();
  await expect(leader.getByText(t('pings.results.rate', { answered: 0, asked: 15, rate: 0 }))).toBeVisible();
  const pingId = new URL(leader.url()).pathname.split('/').at(-1) ?? '';

  // Each member's email has a link per choice.
  const linkFor = async (email: string, choice: string) => {
    let link = '';
    await expect(async () => {
      const mail = await admin.request.get(`/api/admin/mail?to=${encodeURIComponent(email)}`);
      const texts = ((await mail.json()) as { data: { text: string }[] }).data.map((m) => m.text);
      const text = texts.find((body) => body.includes(question)) ?? '';
      link = new RegExp(`- ${choice}\\s+(https?://\\S+/pings/answer/\\S+)`).exec(text)?.[1] ?? '';
      expect(link).not.toBe('');
    }).toPass();
    return link;
  };
  // Thirteen answer in one click from the email: what the link's page sends, with no session.
  const mailClient = await playwright.request.newContext({ baseURL: baseURL ?? '' });
  for (const [index, person] of others.slice(0, 13).entries()) {
    const link = await linkFor(person.email, index % 3 === 0 ? 'donderdag' : 'dinsdag');
    const token = link.split('/').at(-1) ?? '';
    const answered = await mailClient.post(`/api/pings/answer-links/${token}`, { data: {} });
    expect(answered.status(), await answered.text()).toBe(200);
  }
  await mailClient.dispose();
  await leader.reload();
  await expect(
    leader.getByText(t('pings.results.rate', { answered: 13, asked: 15, rate: 87 })),
  ).toBeVisible();

  // The fourteenth opens her link in a Dutch browser, signed out: the page asks once.
  const signedOut = await (await browser.newContext({ locale: 'nl-NL' })).newPage();
  await signedOut.goto(await linkFor(others[13]?.email ?? '', 'dinsdag'));
  await expect(signedOut.getByRole('heading', { level: 1, name: t('pings.link.title') })).toBeVisible();
  await expectAccessible(signedOut, 'on the answer-link page, in Dutch');
  await activate(signedOut.getByRole('button', { name: t('pings.link.send', { choice: 'dinsdag' }) }));
  await expect(
    signedOut.getByRole('status').filter({ hasText: t('pings.link.done', { choice: 'dinsdag' }) }),
  ).toBeVisible();
  await signedOut.context().close();

  // The fifteenth answers on her home page, then changes her answer.
  await member.goto('/');
  await expect(member.getByRole('heading', { level: 2, name: t('pings.home.title') })).toBeVisible();
  await activate(member.getByRole('link', { name: question }));
  await expect(member.getByRole('heading', { level: 1, name: question })).toBeVisible();
  await pressOn(member.getByRole('radio', { name: 'dinsdag' }), 'ArrowDown');
  await expect(member.getByRole('radio', { name: 'donderdag' })).toBeChecked();
  await activate(member.getByRole('button', { name: t('pings.answer.send') }));
  await expect(member.getByRole('status').filter({ hasText: t('pings.answer.done') })).toBeVisible();
  await expectAccessible(member, 'on the Ping after answering, in Dutch');
  await pressOn(member.getByRole('radio', { name: 'donderdag' }), 'ArrowUp');
  await expect(member.getByRole('radio', { name: 'dinsdag' })).toBeChecked();
  await activate(member.getByRole('button', { name: t('pings.answer.change') }));
  await expect(
    member.getByText(t('pings.results.rate', { answered: 15, asked: 15, rate: 100 })),
  ).toBeVisible();

  // The leader sees every answer and the rate: 10 Tuesday (9 from links, the fourteenth, the changed
  // answer), 5 Thursday.
  await leader.goto(`/pings/${pingId}`);
  await expect(
    leader.getByText(t('pings.results.rate', { answered: 15, asked: 15, rate: 100 })),
  ).toBeVisible();
  await expect(leader.getByRole('row', { name: 'dinsdag 10' })).toBeVisible();
  await expect(leader.getByRole('row', { name: 'donderdag 5' })).toBeVisible();
  await expectAccessible(leader, 'on the results of fifteen answers, in Dutch');
  await expectNoEnglish(
    leader,
    'nl',
    [question, 'dinsdag', 'donderdag', cast.leaderAccount.name],
    'the Ping results',
  );
  await leader.context().close();
  await member.context().close();
});
