import { signInAdministrator } from '../support/communities.ts';
import { expect, expectAccessible, test } from '../support/fixtures.ts';
import { activate, typeInto } from '../support/keyboard.ts';

test('an administrator edits the charter template with a live preview', async ({ browser }) => {
  const admin = await signInAdministrator(browser);
  await activate(admin.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Admin' }));
  await activate(
    admin.getByRole('navigation', { name: 'Administration' }).getByRole('link', { name: 'Charter template' }),
  );
  await expect(admin.getByRole('heading', { level: 1, name: 'Charter template' })).toBeVisible();
  const field = admin.getByRole('textbox', { name: 'Participation guidelines (Markdown)' });
  const original = await field.inputValue();

  // The preview follows the Markdown as it is typed.
  const rule = `Listen first (${Date.now().toString(36)})`;
  await typeInto(field, `## How we take part\n\n- **${rule}**\n- Share what worked, and what did not`);
  const preview = admin.getByRole('region', { name: 'Preview Participation guidelines' });
  await expect(preview.getByRole('heading', { name: 'How we take part' })).toBeVisible();
  await expect(preview.getByRole('listitem').first()).toHaveText(rule);
  await expect(admin.getByText('You have unsaved changes.')).toBeVisible();
  await expectAccessible(admin, 'on the charter template page');

  await activate(admin.getByRole('button', { name: 'Save template' }));
  await expect(admin.getByRole('status').filter({ hasText: 'The template is saved.' })).toBeVisible();
  await admin.reload();
  await expect(field).toHaveValue(new RegExp(rule.replace(/[()]/g, '\\$&')));

  // Put the institution's text back for the other journeys.
  await typeInto(field, original);
  await activate(admin.getByRole('button', { name: 'Save template' }));
  await expect(admin.getByRole('status').filter({ hasText: 'The template is saved.' })).toBeVisible();
  await admin.context().close();
});
