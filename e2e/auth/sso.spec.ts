import { startTestIdentityProvider, type TestIdentityProvider } from '../../server/test/identity-provider.ts';
import { administrator, signIn } from '../support/accounts.ts';
import { expect, expectAccessible, test } from '../support/fixtures.ts';
import { activate, typeInto } from '../support/keyboard.ts';
import { e2ePort } from '../support/run-data.ts';

// A real OpenID provider (oidc-provider) on a free loopback port, for this journey only.
let idp: TestIdentityProvider;
test.beforeAll(async () => {
  const site = `http://localhost:${e2ePort}`;
  idp = await startTestIdentityProvider({
    redirectUri: `${site}/api/auth/sso/callback`,
    postLogoutRedirectUri: `${site}/signin`,
  });
});
test.afterAll(async () => idp.close());

test('an administrator adds an identity provider and a person signs in with it', async ({ browser }) => {
  const admin = await signIn(browser, administrator);
  await admin.goto('/admin');
  await activate(
    admin.getByRole('navigation', { name: 'Administration' }).getByRole('link', { name: 'Single sign-on' }),
  );
  await expect(admin.getByRole('heading', { level: 1, name: 'Single sign-on' })).toBeVisible();
  await expectAccessible(admin, 'on the single sign-on page');

  await typeInto(admin.getByLabel(/^Name on the button/), 'Campus login');
  await typeInto(admin.getByLabel(/^Issuer URL/), idp.issuer);
  await typeInto(admin.getByLabel(/^Client ID/), idp.clientId);
  await typeInto(admin.getByLabel(/^Client secret/), idp.clientSecret);
  await activate(admin.getByRole('button', { name: 'Add provider' }));
  await expect(admin.getByRole('status').filter({ hasText: 'Campus login was added' })).toBeVisible();
  await expect(admin.getByText(`${'http://localhost:'}${e2ePort}/api/auth/sso/callback`)).toBeVisible();
  await expectAccessible(admin, 'with a provider added');

  // Someone new signs in with it: an account is made from the provider's claims.
  idp.loginAs('katherine-1', {
    email: 'katherine@campus.test',
    email_verified: true,
    name: 'Katherine Johnson',
  });
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto('/signin');
  const button = page.getByRole('link', { name: 'Sign in with Campus login' });
  await expect(button).toBeVisible();
  await expectAccessible(page, 'on the sign-in page with a provider');
  await activate(button);
  await expect(page.getByRole('button', { name: /Katherine Johnson/ })).toBeVisible();
  await expectAccessible(page, 'signed in through the provider');

  await context.close();
  await admin.context().close();
});
