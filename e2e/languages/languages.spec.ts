import { confirmationLinkFor, newAccount } from '../support/accounts.ts';
import { expectNoEnglish, readCatalog, translator } from '../support/catalog.ts';
import {
  communityPerson,
  createCommunity,
  signInAdministrator,
  signInOnce,
  uniqueWord,
} from '../support/communities.ts';
import { expect, expectAccessible, test } from '../support/fixtures.ts';
import { activate, typeInto } from '../support/keyboard.ts';
import { scheduleMeeting, utcDayAt } from '../support/meetings.ts';

/** The lines of the seeded charter template as a page shows them (Markdown marks and bullets gone). */
function charterLines(): string[] {
  const english = readCatalog('en');
  return Object.entries(english)
    .filter(([id]) => id.startsWith('charter.template.'))
    .flatMap(([, text]) => text.split('\n'))
    .map((line) => line.replace(/\*\*/g, '').replace(/^- /, '').trim())
    .filter(Boolean);
}

// A person whose browser speaks Dutch (then one whose browser speaks Italian) uses Copse from sign-up
// to a reply: every page they see is in their language (checked against the catalogs and for English
// sentences), apart from what people wrote and the names Copse, Toolkit and Ping.
for (const [locale, browserLocale, name] of [
  ['nl', 'nl-NL', 'Maarten Kuipers'],
  ['it', 'it-IT', 'Giulia Ferrari'],
] as const) {
  test(`a person whose browser speaks ${locale} signs up, joins a community, says they will come and replies, all in ${locale}`, async ({
    browser,
  }) => {
    const t = translator(locale);
    const word = uniqueWord(locale);
    const admin = await signInAdministrator(browser);
    const leaderAccount = await communityPerson(admin.request, 'leader');
    const leader = await signInOnce(browser, leaderAccount);
    const communityName = `Feedback ${word}`;
    const purpose = `Sharing ways to give feedback (${word}).`;
    const slug = await createCommunity(leader.request, admin.request, {
      name: communityName,
      purpose,
      visibility: 'institution',
      joinPolicy: 'open',
    });
    const meetingTitle = `Feedback round ${word}`;
    const meetingId = await scheduleMeeting(leader.request, slug, {
      title: meetingTitle,
      startsAt: utcDayAt(7, '15:00'),
      endsAt: utcDayAt(7, '16:00'),
      timeZone: 'UTC',
    });
    const threadTitle = `Rubrics or comments ${word}?`;
    const thread = await leader.request.post(`/api/communities/${slug}/threads`, {
      data: { kind: 'discussion', title: threadTitle, body: 'Which works better for first-year essays?' },
    });
    expect(thread.status(), await thread.text()).toBe(201);
    const threadId = ((await thread.json()) as { data: { id: string } }).data.id;
    const person = newAccount(name);
    const content = [
      communityName,
      purpose,
      meetingTitle,
      threadTitle,
      'Which works better for first-year essays?',
      person.name,
      person.email,
      leaderAccount.name,
      'Northfield University',
      // The community's first charter: institution content, drawn from the template in the
      // institution's default language (English here), shown as written.
      ...charterLines(),
    ];

    const context = await browser.newContext({ locale: browserLocale });
    const page = await context.newPage();
    await page.goto('/signup');
    await expect(page.getByRole('heading', { level: 1, name: t('auth.signUp.title') })).toBeVisible();
    await expectNoEnglish(page, locale, content, 'the sign-up page');
    await expectAccessible(page, 'sign-up');
    await typeInto(page.getByLabel(t('auth.field.name')), person.name);
    await typeInto(page.getByLabel(t('auth.field.email')), person.email);
    await typeInto(
      page.getByRole('textbox', { name: t('auth.field.password'), exact: true }),
      person.password,
    );
    await activate(page.getByRole('button', { name: t('auth.signUp.submit') }));
    await expect(page.getByRole('heading', { level: 1, name: t('auth.checkEmail.title') })).toBeVisible();
    await expectNoEnglish(page, locale, content, 'the check-your-email page');

    await page.goto(await confirmationLinkFor(admin.request, person.email));
    await expect(
      page.getByRole('heading', { level: 1, name: t('auth.confirmEmail.doneTitle') }),
    ).toBeVisible();
    await expectNoEnglish(page, locale, content, 'the email-confirmed page');
    await page.goto('/signin');
    await typeInto(page.getByLabel(t('auth.field.email')), person.email);
    await typeInto(
      page.getByRole('textbox', { name: t('auth.field.password'), exact: true }),
      person.password,
    );
    await activate(page.getByRole('button', { name: t('auth.signIn.submit') }));
    const firstName = name.split(' ')[0] ?? name;
    await expect(
      page.getByRole('heading', { level: 1, name: t('home.signedIn.title', { name: firstName }) }),
    ).toBeVisible();
    await expectNoEnglish(page, locale, content, 'the home page');
    await expectAccessible(page, 'home');

    await page.goto('/communities');
    await expect(
      page.getByRole('heading', { level: 1, name: t('communities.directory.title') }),
    ).toBeVisible();
    await typeInto(page.getByLabel(t('communities.directory.search.label')), word);
    // The results for the word, not the list as it was before them (which a new search redraws).
    await expect(
      page.getByRole('status').filter({ hasText: t('communities.directory.status.shown', { count: 1 }) }),
    ).toBeVisible();
    await activate(page.getByRole('link', { name: communityName }));
    await expect(page.getByRole('heading', { level: 1, name: communityName })).toBeVisible();
    await expectNoEnglish(page, locale, content, 'the community page');
    await activate(page.getByRole('button', { name: t('communities.membership.join') }));
    await expect(page.getByRole('button', { name: t('communities.membership.leave') })).toBeVisible();
    await expectNoEnglish(page, locale, content, 'the community page after joining');
    await expectAccessible(page, 'community');

    await page.goto(`/meetings/${meetingId}`);
    await expect(page.getByRole('heading', { level: 1, name: meetingTitle })).toBeVisible();
    await expectNoEnglish(page, locale, content, 'the meeting page');
    await activate(page.getByRole('button', { name: t('enums.rsvpStatus.going'), exact: true }));
    await expect(
      page.getByRole('button', { name: t('enums.rsvpStatus.going'), exact: true }),
    ).toHaveAttribute('aria-pressed', 'true');
    await expectNoEnglish(page, locale, content, 'the meeting page after answering');
    await expectAccessible(page, 'meeting');

    await page.goto(`/discussions/${threadId}`);
    await expect(page.getByRole('heading', { level: 1, name: threadTitle })).toBeVisible();
    const reply = `Comments, with a rubric to start (${word}).`;
    content.push(reply);
    await typeInto(
      page.getByRole('textbox', { name: t('discussions.thread.yourReply'), exact: true }),
      reply,
    );
    await activate(page.getByRole('button', { name: t('discussions.post.postReply') }));
    await expect(page.getByRole('article').filter({ hasText: reply })).toBeVisible();
    await expectNoEnglish(page, locale, content, 'the discussion');
    await expectAccessible(page, 'discussion');
    await context.close();
  });
}
