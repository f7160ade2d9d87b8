import { once } from 'node:events';
import { createServer } from 'node:http';
import { signInAdministrator } from '../support/communities.ts';
import { expect, expectAccessible, test } from '../support/fixtures.ts';
import { e2ePort } from '../support/run-data.ts';

test('a form on another site that posts to Copse arrives without the session and is refused', async ({
  browser,
}) => {
  const page = await signInAdministrator(browser);
  // 127.0.0.1 and localhost are different sites: a page served on 127.0.0.1 plays the attacker's,
  // auto-submitting a form that would sign the visitor out if their session came along.
  const target = `http://localhost:${e2ePort}/api/auth/signout`;
  const attacker = createServer((_request, response) => {
    response.setHeader('content-type', 'text/html');
    response.end(
      `<!doctype html><html lang="en"><title>Elsewhere</title><form method="post" action="${target}"><input name="x" value="1"></form><script>document.forms[0].submit()</script></html>`,
    );
  });
  attacker.listen(0, '127.0.0.1');
  await once(attacker, 'listening');
  const address = attacker.address();
  const elsewhere = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`;
  const posted = page.waitForRequest((request) => request.url() === target && request.method() === 'POST');
  await page.goto(elsewhere);
  const request = await posted;
  const headers = await request.allHeaders();
  expect(headers['sec-fetch-site'], JSON.stringify(headers)).toBe('cross-site');
  expect(headers.cookie ?? '').not.toContain('copse_session');
  expect((await request.response())?.status()).toBe(403);
  attacker.close();

  // The visitor is still signed in.
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Welcome, Ada' })).toBeVisible();
  await expectAccessible(page, 'on the home page after the cross-site post');
});
