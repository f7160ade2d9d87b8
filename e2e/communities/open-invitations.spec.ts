import { readFileSync } from 'node:fs';
import { createCommunity, openDialog, signInAdministrator, uniqueWord } from '../support/communities.ts';
import { expect, expectAccessible, test } from '../support/fixtures.ts';
import { activate } from '../support/keyboard.ts';

test('a leader pages through 150 open invitations from a cohort import, downloads them as CSV and revokes one', async ({
  browser,
}) => {
  const admin = await signInAdministrator(browser);
  const word = uniqueWord('');
  const slug = await createCommunity(admin.request, admin.request, {
    name: `Physics Cohort ${word}`,
    purpose: 'This year’s physics cohort learns together.',
    visibility: 'institution',
    joinPolicy: 'invitation',
  });
  const emails = Array.from({ length: 150 }, (_, i) => `student-${i}.${word}@northfield.example`);
  const imported = await admin.request.post(`/api/communities/${slug}/invitations/csv?dryRun=false`, {
    multipart: {
      file: {
        name: 'cohort.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(
          [
            'email,name',
            `${emails[0]},"=HYPERLINK(""https://evil.example"",""Student 0"")"`,
            ...emails.slice(1).map((email, i) => `${email},Student ${i + 1}`),
          ].join('\n'),
        ),
      },
    },
  });
  expect(imported.status(), await imported.text()).toBe(200);

  // The list shows 100 and says how many there are; Load more adds the rest.
  await admin.goto(`/communities/${slug}/members`);
  const open = admin.getByRole('list', { name: 'Open invitations' });
  await expect(open.getByRole('listitem')).toHaveCount(100);
  await expect(
    admin.getByRole('status').filter({ hasText: 'Showing 100 of 150 open invitations.' }),
  ).toBeVisible();
  await expectAccessible(admin, 'on the members tab with 150 open invitations');
  await activate(admin.getByRole('button', { name: 'Load more invitations' }));
  await expect(open.getByRole('listitem')).toHaveCount(150);
  await expect(admin.getByRole('button', { name: 'Load more invitations' })).toHaveCount(0);
  await expect(open.getByRole('listitem').filter({ hasText: emails[0] ?? '' })).toContainText(
    '=HYPERLINK("https://evil.example","Student 0")',
  );

  // The CSV download holds every one; a name a spreadsheet would run as a formula starts with a quote.
  const [download] = await Promise.all([
    admin.waitForEvent('download'),
    activate(admin.getByRole('link', { name: 'Download as CSV' })),
  ]);
  expect(download.suggestedFilename()).toBe(`invitations-${slug}.csv`);
  const file = readFileSync((await download.path()) ?? '', 'utf8');
  const lines = file.trimEnd().split('\r\n');
  expect(lines).toHaveLength(151);
  expect(lines.find((line) => line.startsWith(`${emails[0]},`))).toContain(
    `,"'=HYPERLINK(""https://evil.example"",""Student 0"")",`,
  );

  // Every one of them, the last of the file too, can be revoked.
  const last = emails.at(-1) ?? '';
  await activate(open.getByRole('button', { name: `Revoke the invitation to ${last}` }));
  const revoke = await openDialog(admin, 'Revoke the invitation?');
  await activate(revoke.getByRole('button', { name: 'Revoke' }));
  await expect(
    admin.getByRole('status').filter({ hasText: `The invitation to ${last} is revoked.` }),
  ).toBeVisible();
  await expect(open.getByRole('listitem')).toHaveCount(149);
  await expect(open).not.toContainText(last);
  await expectAccessible(admin, 'on the members tab after revoking the 150th invitation');
  await admin.context().close();
});
