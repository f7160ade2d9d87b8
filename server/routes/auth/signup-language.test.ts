import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '../../db/schema/index.ts';
import { getTestApp, type TestApp } from '../../test/app.ts';
import { latestEmailTo } from '../../test/factories.ts';

let t: TestApp;
beforeAll(async () => {
  t = await getTestApp();
});
afterAll(async () => t.close());

const signUp = (email: string, acceptLanguage?: string) =>
  t.app.inject({
    method: 'POST',
    url: '/api/auth/signup',
    headers: acceptLanguage ? { 'accept-language': acceptLanguage } : {},
    payload: { email, password: 'a long and memorable passphrase', displayName: 'Giulia Ferrari' },
  });

describe('signing up in a language', () => {
  it('writes the confirmation email in the language of the page, without choosing it for the profile', async () => {
    expect((await signUp('giulia@example.test', 'it-IT,it;q=0.9,en;q=0.5')).statusCode).toBe(201);
    const { message, token } = await latestEmailTo(t.database.db, 'giulia@example.test');
    expect(message?.subject).toBe('Conferma il tuo indirizzo email per Copse');
    expect(token).toBeTruthy();
    const [person] = await t.database.db.select().from(users).where(eq(users.email, 'giulia@example.test'));
    expect(person?.language).toBeNull();
  });

  it("uses the institution's default language when the page asks for none Copse speaks", async () => {
    expect((await signUp('kurt@example.test', 'de-DE')).statusCode).toBe(201);
    const { message } = await latestEmailTo(t.database.db, 'kurt@example.test');
    expect(message?.subject).toMatch(/^Confirm your email/);
  });
});
