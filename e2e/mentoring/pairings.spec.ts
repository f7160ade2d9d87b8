import { createConfirmedPerson, newAccount } from '../support/accounts.ts';
import { translator } from '../support/catalog.ts';
import { createCommunity, signInAdministrator, signInOnce, uniqueWord } from '../support/communities.ts';
import { expect, expectAccessible, test } from '../support/fixtures.ts';
import { activate, selectOption, typeInto } from '../support/keyboard.ts';

const t = translator('en');

test('a coordinator sees the pairings across the institution; the mentee closes with a reflection and turns it into a value story', async ({
  browser,
}) => {
  const admin = await signInAdministrator(browser);
  const mentorAccount = newAccount('Iris Mentor');
  const menteeAccount = newAccount('Jonas Mentee');
  await createConfirmedPerson(admin.request, mentorAccount);
  await createConfirmedPerson(admin.request, menteeAccount);
  const skill = uniqueWord('coaching').toLowerCase();
  const mentor = await signInOnce(browser, mentorAccount);
  expect((await mentor.request.patch('/api/me', { data: { expertise: [skill] } })).ok()).toBe(true);
  const offered = await mentor.request.put('/api/mentoring/offers/mentor', {
    data: { skills: [skill], cap: 1 },
  });
  expect(offered.ok(), await offered.text()).toBe(true);
  const mentee = await signInOnce(browser, menteeAccount);
  const asked = await mentee.request.post('/api/mentoring/pairs', {
    data: {
      mentorId: (await (await mentor.request.get('/api/me')).json()).data.id,
      message: 'Private hello',
    },
  });
  expect(asked.status(), await asked.text()).toBe(201);
  const pairId = ((await asked.json()) as { data: { id: string } }).data.id;
  expect((await mentor.request.post(`/api/mentoring/pairs/${pairId}/accept`)).ok()).toBe(true);
  const communityName = uniqueWord('Coaching practice');
  await createCommunity(mentee.request, admin.request, {
    name: communityName,
    purpose: 'Colleagues who coach one another.',
  });

  // The coordinator opens Mentoring from the coordination navigation: the pair, its skill, the full mentor.
  await admin.goto('/coordination/proposals');
  await activate(
    admin
      .getByRole('navigation', { name: t('layout.coordination.label') })
      .getByRole('link', { name: t('mentoring.overview.nav') }),
  );
  await expect(admin.getByRole('heading', { level: 1, name: t('mentoring.overview.title') })).toBeVisible();
  const pairs = admin.getByRole('region', { name: t('mentoring.overview.pairs') });
  await expect(pairs.getByText(`${mentorAccount.name} mentors ${menteeAccount.name}`)).toBeVisible();
  await expect(admin.getByText(`${skill}: 1 active, 0 requested`)).toBeVisible();
  await expect(
    admin.getByRole('region', { name: t('mentoring.overview.atCap') }).getByText(mentorAccount.name),
  ).toBeVisible();
  await expect(admin.getByText('Private hello')).toHaveCount(0);
  await expectAccessible(admin, 'on the pairings page');

  // The mentee closes the pairing with a reflection, then turns it into a draft story.
  await mentee.goto(`/mentoring/pairs/${pairId}`);
  await typeInto(
    mentee.getByLabel(t('mentoring.close.reflection')),
    'Coaching weekly made my feedback kinder.',
  );
  await activate(mentee.getByRole('button', { name: t('mentoring.close.submit') }));
  await expect(mentee.getByText(t('mentoring.pair.closed'))).toBeVisible();
  const story = mentee.getByRole('region', { name: t('mentoring.story.title') });
  await expect(story).toBeVisible();
  await expectAccessible(mentee, 'on the closed pairing with its story offer');
  await activate(story.getByRole('button', { name: t('mentoring.story.submit') }));
  await expect(story.getByRole('combobox', { name: t('mentoring.story.community') })).toHaveAttribute(
    'aria-invalid',
    'true',
  );
  await expectAccessible(mentee, 'with no community chosen');
  await selectOption(story.getByLabel(t('mentoring.story.community')), communityName);
  await activate(story.getByRole('button', { name: t('mentoring.story.submit') }));
  await expect(
    mentee.getByRole('heading', { level: 1, name: `What I learnt mentoring with ${mentorAccount.name}` }),
  ).toBeVisible();
  await expect(mentee.getByText(t('stories.badge.draft'), { exact: true })).toBeVisible();
  await expect(mentee.getByText('Coaching weekly made my feedback kinder.')).toBeVisible();
  await expectAccessible(mentee, 'on the draft story');
  await activate(mentee.getByRole('button', { name: t('stories.draft.publish') }));
  await expect(mentee.getByRole('status').filter({ hasText: t('stories.draft.published') })).toBeVisible();
  await expect(mentee.getByText(t('stories.badge.draft'), { exact: true })).toHaveCount(0);
  await expectAccessible(mentee, 'on the published story');
});
