import { administrator } from '../support/accounts.ts';
import { leaderAndMember, uniqueWord } from '../support/communities.ts';
import { expect, expectAccessible, test } from '../support/fixtures.ts';
import { activate } from '../support/keyboard.ts';
import { expectNoSidewaysScroll } from '../support/meetings.ts';

test('on a 320–360 px phone every community tab, the institution’s name and the leaders’ faces show whole', async ({
  browser,
}) => {
  const word = uniqueWord('');
  const { admin, leader, member, slug } = await leaderAndMember(browser, {
    name: `Interdisciplinary Teaching Practice ${word}`,
    purpose: 'Colleagues from every faculty designing modules that cross disciplines.',
  });
  // A second leader, so the directory card shows two faces.
  const me = await member.request.get('/api/me');
  const memberId = (await me.json()).data.id as string;
  const promoted = await leader.request.patch(`/api/communities/${slug}/members/${memberId}`, {
    data: { role: 'co_leader' },
  });
  expect(promoted.ok(), await promoted.text()).toBe(true);

  for (const width of [320, 360]) {
    await admin.setViewportSize({ width, height: 720 });
    await admin.goto(`/communities/${slug}`);
    await expect(admin.getByRole('heading', { level: 1, name: new RegExp(word) })).toBeVisible();

    // The institution's name is whole (on two lines if need be), not cut to "Northfi…".
    const brand = admin.getByRole('banner').getByRole('link', { name: administrator.institution });
    await expect(brand).toBeVisible();
    const name = brand.getByText(administrator.institution);
    const cut = await name.evaluate(
      (element) => element.scrollWidth > element.clientWidth || element.scrollHeight > element.clientHeight,
    );
    expect(cut, `the institution's name is cut at ${width} px`).toBe(false);

    // Every tab, the coordinator's Moderation included, is on screen without sideways scrolling.
    const tabs = admin.getByRole('navigation', { name: 'Community sections' }).getByRole('link');
    await expect(tabs).toHaveText([
      'About',
      'Charter',
      'Members',
      'Discussions',
      'Meetings',
      'Toolkit',
      'Pings',
      'Check-ins',
      'Value stories',
      'Circles',
      'Projects',
      'Leadership',
      'Moderation',
      'Dashboard',
    ]);
    for (const tab of await tabs.all()) {
      await expect(tab).toBeInViewport();
    }
    await expectNoSidewaysScroll(admin);
    await activate(tabs.filter({ hasText: 'Toolkit' }));
    await expect(admin).toHaveURL(new RegExp(`/communities/${slug}/toolkit$`));
    await expect(tabs.filter({ hasText: 'Toolkit' })).toHaveAttribute('aria-current', 'page');
  }
  await expectAccessible(admin, 'on a community at 320 px');

  // The directory card shows the two leaders' faces side by side, not one over the other.
  await admin.setViewportSize({ width: 360, height: 720 });
  await admin.goto(`/communities?q=${word}`);
  const card = admin.getByRole('article', { name: new RegExp(word) });
  await expect(card).toContainText('Led by');
  const faces = await card
    .locator('.leader-avatars > *')
    .evaluateAll((avatars) => avatars.map((avatar) => avatar.getBoundingClientRect().toJSON()));
  expect(faces).toHaveLength(2);
  const [first, second] = faces as { left: number; right: number; width: number }[];
  expect(second?.left).toBeGreaterThanOrEqual(first?.right ?? Number.POSITIVE_INFINITY);
  expect(first?.width).toBeGreaterThanOrEqual(24);
  await expectNoSidewaysScroll(admin);
  await expectAccessible(admin, 'on the directory at 360 px');

  // Administration's section links wrap too: every one on screen at 320 px, no sideways scrolling.
  await admin.setViewportSize({ width: 320, height: 720 });
  await admin.goto('/admin/users');
  await expect(admin.getByRole('heading', { level: 1, name: 'Users' })).toBeVisible();
  const sections = admin.getByRole('navigation', { name: 'Administration' }).getByRole('link');
  await expect(sections).toHaveCount(10);
  for (const section of await sections.all()) {
    await expect(section).toBeInViewport();
  }
  await expectNoSidewaysScroll(admin);
  await expectAccessible(admin, 'on Admin → Users at 320 px');

  await member.context().close();
  await leader.context().close();
  await admin.context().close();
});
