import { communityPerson, signInAdministrator } from '../support/communities.ts';
import { expect, test } from '../support/fixtures.ts';

// The "cast" project (playwright.config.ts): after the bootstrap and before the journeys, which run in
// two workers at once and would otherwise both create the two people the community journeys share.
test('the two people the community journeys share sign up and confirm their email', async ({ browser }) => {
  const admin = await signInAdministrator(browser);
  const leader = await communityPerson(admin.request, 'leader');
  const member = await communityPerson(admin.request, 'member');
  for (const person of [leader, member]) {
    const found = await admin.request.get(`/api/people?q=${encodeURIComponent(person.name)}`);
    expect(found.ok()).toBe(true);
    const { data } = (await found.json()) as { data: { displayName: string }[] };
    expect(data.filter((row) => row.displayName === person.name)).toHaveLength(1);
  }
  await admin.context().close();
});
