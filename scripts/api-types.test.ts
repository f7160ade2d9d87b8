import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getTestApp, type TestApp } from '../server/test/app.ts';
import { apiTypesOf, readApiTypes } from './api-types.ts';

let t: TestApp;
beforeAll(async () => {
  t = await getTestApp();
});
afterAll(async () => t.close());

describe("the web app's API types", () => {
  it('are what the server describes now (else run: node scripts/api-types.ts)', async () => {
    const document = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    const current = await apiTypesOf(document);
    expect(current.length).toBeGreaterThan(1000);
    // Compared whole, but reported briefly: the first line that differs.
    const committed = readApiTypes().split('\n');
    const firstDifference = current.split('\n').findIndex((line, index) => line !== committed[index]);
    expect(
      firstDifference === -1 && committed.length === current.split('\n').length
        ? 'same'
        : `line ${firstDifference + 1} differs`,
    ).toBe('same');
  });
});
