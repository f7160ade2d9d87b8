import { describe, expect, it } from 'vitest';
import { findPointerActions } from './check-keyboard-journeys.ts';

const found = (source: string) =>
  findPointerActions('probe.spec.ts', source).map((finding) => `${finding.line} ${finding.text}`);

describe('the keyboard journeys check', () => {
  it('finds every pointer action and programmatic focus, with its line', () => {
    expect(
      found(`test('probe', async ({ page }) => {
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByLabel('Name').focus();
  await page.getByLabel('Agree').check();
  await page.getByLabel('Agree').uncheck();
  await page.getByLabel('Kind').selectOption('council');
  await page.getByText('Row').dblclick();
  await page.getByText('Tip').hover();
  await page.getByText('Card').tap();
  await page.getByText('Card')['click']();
  await page.mouse.wheel(0, 100);
  await page.locator('input').evaluate((el) => (el as HTMLElement).focus());
});`),
    ).toEqual([
      '2 .click(',
      '3 .focus(',
      '4 .check(',
      '5 .uncheck(',
      '6 .selectOption(',
      '7 .dblclick(',
      '8 .hover(',
      '9 .tap(',
      '10 .click(',
      '11 .mouse',
      '12 .focus(',
    ]);
  });

  it('lets keyboard journeys, comments and strings pass', () => {
    expect(
      found(`import { activate, check, selectOption, tabTo, typeInto } from '../support/keyboard.ts';
// Not a .click( here: a comment.
test('probe', async ({ page }) => {
  await activate(page.getByRole('button', { name: 'Save' }));
  await check(page.getByLabel('Agree'));
  await selectOption(page.getByLabel('Kind'), { label: 'Council' });
  await typeInto(page.getByLabel('Name'), 'Use .click() with care');
  await tabTo(page.getByRole('link', { name: 'Home' }));
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Agree')).toBeChecked();
});`),
    ).toEqual([]);
  });
});
