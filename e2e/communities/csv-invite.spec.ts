import { administrator } from '../support/accounts.ts';
import {
  communityPerson,
  createCommunity,
  openDialog,
  signInAdministrator,
  uniqueWord,
} from '../support/communities.ts';
import { expect, expectAccessible, test } from '../support/fixtures.ts';
import { activate, tabTo, typeInto } from '../support/keyboard.ts';

test('a leader invites a cohort from a CSV file with error rows and a broken line, and an invited person accepts', async ({
  browser,
}) => {
  const admin = await signInAdministrator(browser);
  const student = await communityPerson(admin.request, 'member');
  const name = `Chemistry Cohort ${uniqueWord('')}`;
  const slug = await createCommunity(admin.request, admin.request, {
    name,
    purpose: 'Last year’s chemistry cohort keeps learning together.',
    visibility: 'institution',
    joinPolicy: 'invitation',
  });
  const newcomer = `newcomer.${uniqueWord('')}@northfield.example`;
  const csv = [
    'email,name',
    `${student.email},${student.name}`,
    // A quoted field broken on its line: that line is reported, the rest of the file is read.
    `lise.${uniqueWord('')}@northfield.example,"Lise Meitner`,
    `${newcomer},Rosalind Franklin`,
    'not-an-email,Broken Row',
    `${student.email.toUpperCase()},${student.name} again`,
  ].join('\n');

  // The leader previews the file: each row says whether it will be invited.
  await admin.goto(`/communities/${slug}/members`);
  await expect(admin.getByRole('heading', { name: 'Invite people' })).toBeVisible();
  // The file chooser itself has no keyboard stand-in in a test: focus reaches the file input by Tab,
  // and the file is handed to it (setInputFiles is no pointer action).
  await tabTo(admin.getByLabel('CSV file'));
  await admin.getByLabel('CSV file').setInputFiles({
    name: 'cohort.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(csv),
  });
  await activate(admin.getByRole('button', { name: 'Preview' }));
  const preview = admin.getByRole('table', { name: 'Preview of the CSV file' });
  await expect(preview.getByRole('row')).toHaveCount(6);
  const broken = preview.getByRole('row').filter({ hasText: 'does not close on this line' });
  await expect(broken.getByRole('cell').first()).toHaveText('3');
  await expect(broken).toContainText('Unreadable');
  await expect(broken).toContainText('"Lise Meitner');
  await expect(preview.getByRole('row').filter({ hasText: 'not-an-email' })).toContainText('Invalid');
  await expect(preview.getByRole('row').filter({ hasText: `${student.name} again` })).toContainText(
    'Duplicate',
  );
  await expect(preview.getByRole('row').filter({ hasText: newcomer })).toContainText('Ready');
  await expect(admin.getByText('2 people are ready to invite; 3 rows have a problem')).toBeVisible();
  await expectAccessible(admin, 'on the members tab with a CSV preview');

  // Inviting sends the two good rows and reports each row.
  await activate(admin.getByRole('button', { name: 'Invite 2 people' }));
  await expect(admin.getByRole('status').filter({ hasText: '2 invitations sent.' })).toBeVisible();
  const report = admin.getByRole('table', { name: 'What happened to each row' });
  await expect(report.getByRole('row').filter({ hasText: newcomer })).toContainText('Invited');
  await expect(report.getByRole('row').filter({ hasText: 'not-an-email' })).toContainText('Invalid');
  await expect(report.getByRole('row').filter({ hasText: 'Lise Meitner' })).toContainText('Unreadable');
  const open = admin.getByRole('list', { name: 'Open invitations' });
  await expect(open).toContainText(student.email);
  await expect(open).toContainText(newcomer);
  await expectAccessible(admin, 'on the members tab after inviting');

  // The leader revokes the newcomer's invitation.
  await activate(open.getByRole('button', { name: `Revoke the invitation to ${newcomer}` }));
  const revoke = await openDialog(admin, 'Revoke the invitation?');
  await expectAccessible(admin, 'in the revoke dialog');
  await activate(revoke.getByRole('button', { name: 'Revoke' }));
  await expect(
    admin.getByRole('status').filter({ hasText: `The invitation to ${newcomer} is revoked.` }),
  ).toBeVisible();
  await expect(open).not.toContainText(newcomer);

  // The student follows the emailed link, signs in, comes back and accepts.
  let link = '';
  await expect(async () => {
    const response = await admin.request.get(`/api/admin/mail?to=${encodeURIComponent(student.email)}`);
    const body = (await response.json()) as { data: { text: string }[] };
    const match = body.data
      .map((message) => message.text.match(/https?:\/\/\S+\/invitations\/[A-Za-z0-9_-]+/)?.[0])
      .find(Boolean);
    expect(match).toBeTruthy();
    link = match ?? '';
  }).toPass();
  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto(new URL(link).pathname);
  await expect(visitor.getByRole('heading', { level: 1, name: `Invitation to ${name}` })).toBeVisible();
  await expect(visitor.getByText(`${administrator.name} invites you to join as a member.`)).toBeVisible();
  await expectAccessible(visitor, 'on an invitation, signed out');
  await activate(visitor.getByRole('main').getByRole('link', { name: 'Sign in' }));
  await typeInto(visitor.getByLabel('Email'), student.email);
  await typeInto(visitor.getByLabel(/^Password/), student.password);
  await activate(visitor.getByRole('button', { name: 'Sign in' }));
  await expect(visitor.getByRole('heading', { level: 1, name: `Invitation to ${name}` })).toBeVisible();
  await expectAccessible(visitor, 'on an invitation, signed in');
  await activate(visitor.getByRole('button', { name: 'Accept and join' }));
  await expect(visitor.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(visitor.getByText('You are a member')).toBeVisible();

  // The link has been used.
  await visitor.goto(new URL(link).pathname);
  await expect(visitor.getByText('This invitation has already been answered.')).toBeVisible();

  await visitor.context().close();
  await admin.context().close();
});
