import { startTestIdentityProvider, type TestIdentityProvider } from '../../server/test/identity-provider.ts';
import { administrator, createConfirmedPerson, newAccount, signIn } from '../support/accounts.ts';
import { expect, expectAccessible, test } from '../support/fixtures.ts';
import { activate, check, typeInto } from '../support/keyboard.ts';
import { e2ePort } from '../support/run-data.ts';

// A real OpenID provider (oidc-provider) on a free loopback port, for this journey only.
let idp: TestIdentityProvider;
const site = `http://localhost:${e2ePort}`;
test.beforeAll(async () => {
  idp = await startTestIdentityProvider({
    redirectUri: `${site}/api/auth/sso/callback`,
    postLogoutRedirectUri: `${site}/signin`,
  });
});
test.afterAll(async () => idp.close());

test('an administrator adds an identity provider and turns on SSO only; a member links their account, signs in with it and signs out of both', async ({
  browser,
}) => {
  const admin = await signIn(browser, administrator);
  const member = newAccount('Katherine Johnson');
  await createConfirmedPerson(admin.request, member);
  try {
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
    await expect(admin.getByText(`${site}/api/auth/sso/callback`)).toBeVisible();
    await check(admin.getByRole('switch', { name: /^SSO only/ }));
    await expect(admin.getByRole('status').filter({ hasText: 'SSO only is on.' })).toBeVisible();
    await expectAccessible(admin, 'with a provider added and SSO only on');

    // The sign-in page offers the provider; the password form waits behind a button.
    idp.loginAs('katherine-1', { email: member.email, email_verified: true, name: 'Katherine Johnson' });
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto('/signin');
    const button = page.getByRole('link', { name: 'Sign in with Campus login' });
    await expect(button).toBeVisible();
    await expect(page.getByLabel('Email')).toBeHidden();
    await expect(page.getByRole('button', { name: /^Administrator or invited guest\?/ })).toBeVisible();
    await expectAccessible(page, 'on the sign-in page in SSO-only mode');

    // The provider gives an address that has an account: it is linked only once she proves it is hers.
    await activate(button);
    await expect(page.getByRole('heading', { level: 1, name: 'Link your account' })).toBeVisible();
    await expectAccessible(page, 'on the link-your-account page');
    await typeInto(page.getByLabel(/^Your Copse password/), member.password);
    await activate(page.getByRole('button', { name: 'Link and sign in' }));
    await expect(page.getByRole('heading', { level: 1, name: 'Welcome, Katherine' })).toBeVisible();
    await expectAccessible(page, 'signed in through the provider');

    // Single log-out: signing out of Copse goes on to the provider (which asks, as providers do),
    // then back to Copse's sign-in page.
    await activate(page.getByRole('button', { name: `Account menu for ${member.name}` }));
    await activate(page.getByRole('menuitem', { name: 'Sign out' }));
    await page.waitForURL((url) => url.origin === new URL(idp.issuer).origin);
    await activate(page.getByRole('button', { name: 'Yes, sign me out' }));
    await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
    expect(new URL(page.url()).pathname).toBe('/signin');
    await context.close();
  } finally {
    // The other journeys sign in with passwords, on a sign-in page without this journey's provider.
    await admin.request.put('/api/admin/sso', { data: { ssoOnly: false } });
    const providers = await admin.request.get('/api/admin/identity-providers');
    for (const provider of ((await providers.json()) as { data: { id: string }[] }).data) {
      await admin.request.delete(`/api/admin/identity-providers/${provider.id}`);
    }
    await admin.context().close();
  }
});
