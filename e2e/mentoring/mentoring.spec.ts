import { createConfirmedPerson, newAccount } from '../support/accounts.ts';
import { signInAdministrator, signInOnce, uniqueWord } from '../support/communities.ts';
import { expect, expectAccessible, test } from '../support/fixtures.ts';
import { activate, typeInto } from '../support/keyboard.ts';
import { browserLocalTime } from '../support/meetings.ts';

test('a mentee finds a mentor through an explained suggestion and asks; the mentor accepts and they plan a meeting in their space', async ({
  browser,
}) => {
  const admin = await signInAdministrator(browser);
  const mentorAccount = newAccount('Grace Mentor');
  const menteeAccount = newAccount('Hugo Mentee');
  await createConfirmedPerson(admin.request, mentorAccount);
  await createConfirmedPerson(admin.request, menteeAccount);
  // The skill is this run's own, so the suggestion is this mentor alone.
  const skill = uniqueWord('rubrics').toLowerCase();
  const mentor = await signInOnce(browser, mentorAccount);
  expect((await mentor.request.patch('/api/me', { data: { expertise: [skill] } })).ok()).toBe(true);
  const offered = await mentor.request.put('/api/mentoring/offers/mentor', {
    data: { skills: [skill], cap: 2, availability: 'Tuesday afternoons, online' },
  });
  expect(offered.ok(), await offered.text()).toBe(true);

  // The mentee opens Mentoring from the navigation and asks for a mentor on the skill.
  const mentee = await signInOnce(browser, menteeAccount);
  await activate(mentee.getByRole('navigation').first().getByRole('link', { name: 'Mentoring' }));
  await expect(mentee.getByRole('heading', { level: 1, name: 'Mentoring' })).toBeVisible();
  await expect(mentee.getByText('No pairings yet.', { exact: false })).toBeVisible();
  await expectAccessible(mentee, 'on the empty mentoring page');
  const skills = mentee.getByRole('combobox', { name: 'Skills you want to grow' });
  await typeInto(skills, skill);
  await mentee.keyboard.press('ArrowDown');
  await mentee.keyboard.press('Enter');
  await mentee.keyboard.press('Escape');
  await activate(mentee.getByRole('button', { name: 'Save and find mentors' }));
  const suggestion = mentee.getByRole('article', { name: mentorAccount.name });
  await expect(suggestion.getByText(`Shares 1 of your skills: ${skill}.`)).toBeVisible();
  await expectAccessible(mentee, 'on the explained suggestion');
  await activate(suggestion.getByRole('button', { name: `Ask ${mentorAccount.name}` }));
  await expect(suggestion.getByText('You have asked this mentor.')).toBeVisible();
  await expectAccessible(mentee, 'after asking the mentor');

  // The mentor finds the request and accepts it.
  await mentor.goto('/mentoring');
  await activate(mentor.getByRole('link', { name: `You mentor ${menteeAccount.name}` }));
  await expect(mentor.getByRole('heading', { level: 2, name: 'Request', exact: true })).toBeVisible();
  await expectAccessible(mentor, 'on the request');
  await activate(mentor.getByRole('button', { name: 'Accept' }));
  await expect(mentor.getByRole('heading', { level: 2, name: 'Next meeting' })).toBeVisible();
  await expectAccessible(mentor, 'in the pair space');

  // They plan the next meeting in their space.
  await typeInto(mentor.getByLabel('Date and time'), await browserLocalTime(mentor, 3 * 24 * 60));
  await typeInto(mentor.getByRole('textbox', { name: 'Place' }), 'Library, room 2');
  await activate(mentor.getByRole('button', { name: 'Plan the meeting' }));
  await expect(mentor.getByRole('status').filter({ hasText: 'The meeting is planned' })).toBeVisible();
  await expect(mentor.getByRole('link', { name: 'Add to calendar (.ics)' })).toBeVisible();
  await expectAccessible(mentor, 'with the meeting planned');
  await mentee.goto(mentor.url());
  await expect(mentee.getByText('Library, room 2')).toBeVisible();
});
