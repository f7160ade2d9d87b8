// Error answers in the reader's language (#14): the Accept-Language the web app sends, else the signed-in
// member's language, else the institution's default; codes and statuses stay the same in every language.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from './db/schema/index.ts';
import { AppError, localize, message } from './errors.ts';
import { formatWait } from './services/rate-limit.ts';
import { getTestApp, type TestApp } from './test/app.ts';
import { signedInUser } from './test/factories.ts';

let t: TestApp;
let admin: Awaited<ReturnType<typeof signedInUser>>;
beforeAll(async () => {
  t = await getTestApp();
  admin = await signedInUser(t.app, { role: 'administrator' });
});
afterAll(async () => t.close());

const db = () => t.app.deps.database.db;
let ip = 0;
/** A request with the given headers, from its own address (so sign-in limits do not interfere). */
function call(
  method: 'GET' | 'POST' | 'PATCH',
  url: string,
  headers: Record<string, string>,
  payload?: object,
) {
  return t.app.inject({
    method,
    url,
    headers,
    remoteAddress: `10.7.0.${++ip % 250}`,
    ...(payload ? { payload } : {}),
  });
}
const badSignIn = (headers: Record<string, string>) =>
  call('POST', '/api/auth/signin', headers, { email: 'not an address', password: '' });
const missingCommunity = (headers: Record<string, string>) =>
  call('GET', '/api/communities/no-such-community', headers);

describe('error answers in the language of the request', () => {
  it('speaks English by default, as before', async () => {
    const invalid = await badSignIn({});
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json()).toEqual({
      error: 'validation_failed',
      message: 'email: Enter a valid email address.',
      fields: { email: 'Enter a valid email address.', password: 'Enter your password.' },
    });
    const missing = await missingCommunity({});
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toEqual({ error: 'not_found', message: 'That community was not found.' });
  });

  it('answers Dutch to Accept-Language: nl, validation and not-found alike', async () => {
    const invalid = await badSignIn({ 'accept-language': 'nl-NL,nl;q=0.9,en;q=0.8' });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json()).toEqual({
      error: 'validation_failed',
      message: 'email: Vul een geldig e-mailadres in.',
      fields: { email: 'Vul een geldig e-mailadres in.', password: 'Vul je wachtwoord in.' },
    });
    const missing = await missingCommunity({ 'accept-language': 'nl' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toEqual({ error: 'not_found', message: 'Die community is niet gevonden.' });
  });

  it('answers Italian to Accept-Language: it', async () => {
    const invalid = await badSignIn({ 'accept-language': 'it-IT' });
    expect(invalid.json().fields).toEqual({
      email: 'Inserisci un indirizzo email valido.',
      password: 'Inserisci la tua password.',
    });
    const missing = await missingCommunity({ 'accept-language': 'it' });
    expect(missing.json()).toEqual({ error: 'not_found', message: 'Comunità non trovata.' });
  });

  it('translates zod’s own messages by kind, with their numbers', async () => {
    const body = { email: 'someone@example.test', password: 'x'.repeat(201) };
    const english = await call('POST', '/api/auth/signin', {}, body);
    expect(english.json().fields).toEqual({ password: 'Use at most 200 characters.' });
    const dutch = await call('POST', '/api/auth/signin', { 'accept-language': 'nl' }, body);
    expect(dutch.json().fields).toEqual({ password: 'Gebruik maximaal 200 tekens.' });
    const italian = await call('GET', '/api/search?q=', { 'accept-language': 'it' });
    expect(italian.statusCode).toBe(400);
    expect(italian.json().fields.q).toBe('Scrivi qualcosa da cercare.');
  });

  it('translates the answers Fastify itself refuses with: bad JSON, a wrong content type', async () => {
    const malformed = await t.app.inject({
      method: 'POST',
      url: '/api/auth/signin',
      headers: { 'content-type': 'application/json', 'accept-language': 'nl' },
      payload: '{"email":',
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json()).toEqual({
      error: 'bad_request',
      message: 'De inhoud van het verzoek is geen geldige JSON.',
    });
    const text = await t.app.inject({
      method: 'POST',
      url: '/api/auth/signin',
      headers: { 'content-type': 'text/plain', 'accept-language': 'it' },
      payload: 'hello',
    });
    expect(text.statusCode).toBe(415);
    expect(text.json().message).toBe('Invia il corpo della richiesta come application/json.');
  });

  it('answers a member in their profile language when the request names none', async () => {
    const member = await signedInUser(t.app);
    await db().update(users).set({ language: 'it' }).where(eq(users.id, member.user.id));
    const missing = await missingCommunity({ cookie: member.cookie });
    expect(missing.json()).toEqual({ error: 'not_found', message: 'Comunità non trovata.' });
    // The language the web app shows wins over the profile's.
    const asked = await missingCommunity({ cookie: member.cookie, 'accept-language': 'en' });
    expect(asked.json().message).toBe('That community was not found.');
  });

  it('falls back on English for a language Copse does not speak', async () => {
    const missing = await missingCommunity({ 'accept-language': 'de-DE,fr;q=0.8' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toEqual({ error: 'not_found', message: 'That community was not found.' });
  });

  it('answers a signed-out visitor in the institution’s default language, once the admin changes it', async () => {
    expect((await missingCommunity({})).json().message).toBe('That community was not found.');
    const changed = await call(
      'PATCH',
      '/api/admin/institution',
      { cookie: admin.cookie },
      { defaultLanguage: 'nl' },
    );
    expect(changed.statusCode).toBe(200);
    try {
      const missing = await missingCommunity({});
      expect(missing.json()).toEqual({ error: 'not_found', message: 'Die community is niet gevonden.' });
      // An unknown language falls back on the default too; one Copse speaks still wins.
      expect((await missingCommunity({ 'accept-language': 'de' })).json().message).toBe(
        'Die community is niet gevonden.',
      );
      expect((await missingCommunity({ 'accept-language': 'it' })).json().message).toBe(
        'Comunità non trovata.',
      );
      const invalid = await badSignIn({});
      expect(invalid.json().fields.password).toBe('Vul je wachtwoord in.');
      const route = await call('GET', '/api/no-such-route', {});
      expect(route.json()).toEqual({
        error: 'not_found',
        message: 'Geen route voor GET /api/no-such-route.',
      });
    } finally {
      await call('PATCH', '/api/admin/institution', { cookie: admin.cookie }, { defaultLanguage: 'en' });
    }
  });

  it('translates values inside messages, such as how long to wait', async () => {
    const error = new AppError(
      'rate_limited',
      message('errors.request.tooManyAttempts', { wait: formatWait(90) }),
    );
    expect(error.message).toBe('Too many attempts. Try again in 2 minutes.');
    expect(localize('nl', error.text)).toBe('Te veel pogingen. Probeer het over 2 minuten opnieuw.');
    expect(localize('it', error.text)).toBe('Troppi tentativi. Riprova tra 2 minuti.');
  });
});
