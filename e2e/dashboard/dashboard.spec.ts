import { readFile } from 'node:fs/promises';
import pg from 'pg';
import { translator } from '../support/catalog.ts';
import { createCommunity, leaderAndMember, uniqueWord } from '../support/communities.ts';
import { expect, expectAccessible, test } from '../support/fixtures.ts';
import { activate, selectOption, typeInto } from '../support/keyboard.ts';
import { pdfText } from '../support/pdf-text.ts';
import { e2eDatabaseName } from '../support/run-data.ts';

const t = translator('en');

/** Runs one statement on the journeys' PostgreSQL database (to age a community). */
async function onDatabase(statement: string, values: unknown[]): Promise<void> {
  const server = process.env.TEST_DATABASE_URL;
  if (!server) throw new Error('This journey ages a community in PostgreSQL: set TEST_DATABASE_URL.');
  const url = new URL(server);
  url.pathname = `/${e2eDatabaseName}`;
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    await client.query(statement, values);
  } finally {
    await client.end();
  }
}

test('a leader opens the dashboard, changes the range and exports it as CSV', async ({ browser }) => {
  const { leader, slug } = await leaderAndMember(browser, {
    name: 'Dashboard practice',
    purpose: 'Where the leaders watch how the community is doing.',
  });
  const thread = await leader.request.post(`/api/communities/${slug}/threads`, {
    data: { kind: 'discussion', title: 'Our first thread', body: 'Hello, everyone.' },
  });
  expect(thread.ok(), await thread.text()).toBe(true);

  await leader.goto(`/communities/${slug}`);
  await activate(
    leader
      .getByRole('navigation', { name: t('communities.header.sections') })
      .getByRole('link', { name: t('dashboard.tab') }),
  );
  await expect(leader.getByRole('heading', { level: 2, name: t('dashboard.title') })).toBeVisible();
  const sharing = leader.getByRole('table', { name: t('dashboard.knowledge.caption') });
  await expect(
    sharing.getByRole('row', { name: new RegExp(`^${t('dashboard.knowledge.threads')} 1`) }),
  ).toBeVisible();
  await expectAccessible(leader, 'on the dashboard (the last 90 days)');

  // The last 30 days instead, compared with the 30 before.
  const from = new Date(Date.now() - 29 * 86_400_000).toISOString().slice(0, 10);
  await typeInto(leader.getByLabel(t('dashboard.range.from')), from);
  await activate(leader.getByRole('button', { name: t('dashboard.range.apply') }));
  const csv = leader.getByRole('link', { name: t('dashboard.csv') });
  await expect(csv).toHaveAttribute('href', new RegExp(`from=${from}`));
  // The days not rolled up yet (the nightly job has not run on this fresh server) have no row; today's has.
  await expect(leader.getByRole('table', { name: t('dashboard.series.activeCaption') })).toBeVisible();
  await expectAccessible(leader, 'on the dashboard for the last 30 days');

  const downloading = leader.waitForEvent('download');
  await activate(csv);
  const text = await readFile(await (await downloading).path(), 'utf8');
  expect(text).toContain(`range,from,${from}`);
  expect(text).toContain('figure,threads,1,0');
});

test('a coordinator filters the portfolio for dormant communities and opens one', async ({ browser }) => {
  const { admin, leader } = await leaderAndMember(browser, {
    name: 'Lively circle',
    purpose: 'Where people talk every week.',
  });
  const name = `Quiet circle ${uniqueWord('')}`;
  const slug = await createCommunity(leader.request, admin.request, {
    name,
    purpose: 'Where nobody has said anything for a long time.',
    visibility: 'institution',
    joinPolicy: 'open',
  });
  await onDatabase(`update communities set created_at = now() - interval '100 days' where slug = $1`, [slug]);

  await admin.goto('/coordination/proposals');
  await activate(
    admin
      .getByRole('navigation', { name: t('layout.coordination.label') })
      .getByRole('link', { name: t('portfolio.nav') }),
  );
  await expect(admin.getByRole('heading', { level: 1, name: t('portfolio.title') })).toBeVisible();
  await expectAccessible(admin, 'on the portfolio');
  await selectOption(admin.getByLabel(t('portfolio.filter.flag')), t('portfolio.flag.dormant'));
  const table = admin.getByRole('table', { name: t('portfolio.table.caption') });
  const quiet = table.getByRole('link', { name });
  await expect(quiet).toBeVisible();
  await expect(table.getByRole('link', { name: /Lively circle/ })).toHaveCount(0);
  await expectAccessible(admin, 'on the portfolio filtered for dormant communities');

  // The term report, printed to PDF by Chromium: its text holds the figures the page shows.
  await activate(admin.getByRole('link', { name: t('portfolio.report.open') }));
  await expect(admin.getByRole('heading', { level: 1, name: /term report/ })).toBeVisible();
  await expectAccessible(admin, 'on the term report');
  const row = admin
    .getByRole('table', { name: t('portfolio.table.caption') })
    .getByRole('row', { name: new RegExp(name) });
  const cells = await row.getByRole('cell').allInnerTexts();
  const totals = await admin.getByText(/communities shown of/).innerText();
  const squeeze = (text: string) => text.replace(/\s+/g, '');
  const printed = squeeze(pdfText(await admin.pdf({ format: 'A4' })));
  for (const expected of [name, ...cells.filter((cell) => cell.trim() !== ''), totals]) {
    expect(printed).toContain(squeeze(expected));
  }

  await activate(admin.getByRole('link', { name: t('portfolio.report.back') }));
  await selectOption(admin.getByLabel(t('portfolio.filter.flag')), t('portfolio.flag.dormant'));
  await activate(
    admin.getByRole('table', { name: t('portfolio.table.caption') }).getByRole('link', { name }),
  );
  await expect(admin).toHaveURL(new RegExp(`/communities/${slug}/dashboard$`));
  await expect(admin.getByRole('heading', { level: 2, name: t('dashboard.title') })).toBeVisible();
  // Focus is on the community's heading (it follows from the placeholder shown while the page loaded).
  await expect(admin.getByRole('heading', { level: 1 })).toBeFocused();
  await expectAccessible(admin, 'on a dormant community’s dashboard');
});
