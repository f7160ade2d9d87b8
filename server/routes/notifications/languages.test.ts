import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notificationKinds } from '../../../common/enums.ts';
import { institutionSettings, notifications, users } from '../../db/schema/index.ts';
import { moment } from '../../lib/notification-params.ts';
import { type NewNotification, notifyUser, phrase } from '../../services/notifications/notify.ts';
import { unitOfWork } from '../../services/unit-of-work.ts';
import { getTestApp, type TestApp } from '../../test/app.ts';
import { createTestCommunity, createUser, latestEmailTo, signedInUser } from '../../test/factories.ts';

let t: TestApp;
beforeAll(async () => {
  t = await getTestApp();
});
afterAll(async () => t.close());

const db = () => t.database.db;
const publicUrl = 'http://localhost:3000';
/** Tells someone something in a unit of work of its own, as a service would. */
const notify = (notification: NewNotification) =>
  unitOfWork(t.app.deps, (tx, outbox) => notifyUser(tx, outbox, publicUrl, notification));

const call = (method: 'GET' | 'POST', url: string, cookie?: string, payload?: unknown, language?: string) =>
  t.app.inject({
    method,
    url,
    headers: { ...(cookie ? { cookie } : {}), ...(language ? { 'accept-language': language } : {}) },
    ...(payload ? { payload: payload as object } : {}),
  });

const speaking = (userId: string, language: string | null) =>
  db().update(users).set({ language }).where(eq(users.id, userId));

const institutionDefault = (language: string) =>
  db().update(institutionSettings).set({ defaultLanguage: language }).where(eq(institutionSettings.id, 1));

describe('emails in the recipient’s language', () => {
  it('writes a Dutch member a Dutch email, an Italian member an Italian one, in HTML and text', async () => {
    const dutch = await createUser(db(), { displayName: 'Sanne de Vries' });
    const italian = await createUser(db(), { displayName: 'Giulia Russo' });
    await speaking(dutch.id, 'nl');
    await speaking(italian.id, 'it');
    for (const person of [dutch, italian]) {
      expect(
        (await call('POST', '/api/auth/password-reset', undefined, { email: person.email })).statusCode,
      ).toBe(202);
    }
    const nl = (await latestEmailTo(db(), dutch.email)).message;
    expect(nl?.subject).toBe('Stel een nieuw wachtwoord in voor Copse');
    expect(nl?.textBody).toContain('Hallo Sanne de Vries,');
    expect(nl?.textBody).toContain('Nieuw wachtwoord kiezen: http://localhost:3000/reset-password?token=');
    expect(nl?.htmlBody).toContain('<html lang="nl"');
    expect(nl?.htmlBody).toContain('<a href="http://localhost:3000/reset-password?token=');
    expect(nl?.htmlBody).toContain('Nieuw wachtwoord kiezen');

    const it_ = (await latestEmailTo(db(), italian.email)).message;
    expect(it_?.subject).toBe('Reimposta la tua password di Copse');
    expect(it_?.textBody).toContain('Ciao Giulia Russo,');
    expect(it_?.htmlBody).toContain('Scegli una nuova password');
  });

  it('keeps the English email as it was, under the institution’s name', async () => {
    const person = await createUser(db(), { displayName: 'Alex Reed' });
    await call('POST', '/api/auth/password-reset', undefined, { email: person.email });
    const { message, link } = await latestEmailTo(db(), person.email);
    expect(message?.subject).toBe('Reset your Copse password');
    expect(message?.textBody).toBe(
      [
        'Hello Alex Reed,',
        '',
        'Someone (hopefully you) asked to reset the password of your Copse account.',
        'The link works for one hour.',
        '',
        `Choose a new password: ${link}`,
        '',
        'If you did not ask for this, ignore this email: your password stays as it is.',
      ].join('\n'),
    );
    expect(message?.htmlBody).toContain('>Copse</div>');
    expect(message?.htmlBody).toContain(`<a href="${link}"`);
  });

  it('writes an invitation to an address without an account in the institution’s default language', async () => {
    const leader = await signedInUser(t.app);
    const community = await createTestCommunity(db(), [leader.user.id], { name: 'Didattica aperta' });
    await institutionDefault('it');
    try {
      const address = `nuovo-${Date.now()}@example.test`;
      const invited = await call('POST', `/api/communities/${community.slug}/invitations`, leader.cookie, {
        emails: [address],
        message: '',
      });
      expect(invited.statusCode).toBe(200);
      const { message } = await latestEmailTo(db(), address);
      expect(message?.subject).toBe(`${leader.user.displayName} ti invita in Didattica aperta`);
      expect(message?.textBody).toContain('con il ruolo di membro');
      expect(message?.textBody).toContain("Vedi l'invito");
    } finally {
      await institutionDefault('en');
    }
  });
});

describe('notifications in the reader’s language', () => {
  it('reads a notification written in English in Italian, and its email is Dutch for a Dutch member', async () => {
    const reader = await signedInUser(t.app);
    await notify({
      userId: reader.user.id,
      kind: 'community.membership',
      title: phrase('notify.membership.approved.title', { community: 'Open Science Café' }),
      body: phrase('notify.membership.suspensionLifted.body'),
      url: '/communities/open-science',
    });
    const [row] = await db().select().from(notifications).where(eq(notifications.userId, reader.user.id));
    expect(row?.title).toBe('Welcome to Open Science Café: your request was approved');

    const english = (await call('GET', '/api/notifications', reader.cookie)).json().data[0];
    expect(english.title).toBe('Welcome to Open Science Café: your request was approved');
    const italian = (
      await call('GET', '/api/notifications', reader.cookie, undefined, 'it-IT,it;q=0.9')
    ).json().data[0];
    expect(italian).toMatchObject({
      title: 'Ti diamo il benvenuto in Open Science Café: la tua richiesta è stata approvata',
      body: 'Puoi di nuovo pubblicare, rispondere, reagire e segnalare.',
      url: '/communities/open-science',
    });
    // Without a header, the member's own language.
    await speaking(reader.user.id, 'nl');
    const dutch = (await call('GET', '/api/notifications', reader.cookie)).json().data[0];
    expect(dutch.title).toBe('Welkom bij Open Science Café: je aanvraag is goedgekeurd');

    await notify({
      userId: reader.user.id,
      kind: 'community.membership',
      title: phrase('notify.membership.roleChanged.title', {
        role: 'co_leader',
        community: 'Open Science Café',
      }),
      body: phrase('notify.membership.roleChanged.body', { name: 'Kim Leader' }),
      url: '/communities/open-science',
    });
    const { message } = await latestEmailTo(db(), reader.user.email);
    expect(message?.subject).toBe('Je bent nu co-leider van Open Science Café');
    expect(message?.textBody).toContain('Kim Leader heeft je rol gewijzigd.');
    expect(message?.textBody).toContain('Openen in Copse: http://localhost:3000/communities/open-science');
    expect(message?.htmlBody).toContain('<a href="http://localhost:3000/communities/open-science"');
  });

  it('writes a moment out in the reader’s language, in the zone it was given in', async () => {
    const reader = await signedInUser(t.app);
    await notify({
      userId: reader.user.id,
      kind: 'meeting.reminder',
      title: phrase('notify.meeting.reminderDay.title', { meeting: 'Rubric swap' }),
      body: phrase('notify.meeting.reminderWhere.body', {
        meeting: 'Rubric swap',
        when: moment(new Date('2030-03-05T13:00:00Z'), 'Europe/Amsterdam'),
        where: 'Room 2.14',
      }),
      url: '/meetings/x',
    });
    const read = async (language: string) =>
      (await call('GET', '/api/notifications', reader.cookie, undefined, language)).json().data[0];
    expect(await read('en')).toMatchObject({
      title: 'Tomorrow: Rubric swap',
      body: expect.stringMatching(/^Rubric swap starts Tuesday 5 March at 14:00 \S+, Room 2\.14\.$/),
    });
    expect(await read('nl')).toMatchObject({
      title: 'Morgen: Rubric swap',
      body: expect.stringMatching(/^Rubric swap begint dinsdag 5 maart om 14:00 \S+, Room 2\.14\.$/),
    });
    expect((await read('it')).body).toMatch(/^Rubric swap inizia martedì 5 marzo alle 14:00 /);
  });

  it('shows an old notification without keys as it was stored', async () => {
    const reader = await signedInUser(t.app);
    await db().insert(notifications).values({
      userId: reader.user.id,
      kind: 'admin.announcement',
      title: 'The library closes early on Friday',
      body: 'Plan accordingly.',
      url: '/',
    });
    const [shown] = (await call('GET', '/api/notifications', reader.cookie, undefined, 'nl')).json().data;
    expect(shown).toMatchObject({ title: 'The library closes early on Friday', body: 'Plan accordingly.' });
  });

  it('names the kinds of notification in the reader’s language', async () => {
    const reader = await signedInUser(t.app);
    const prefs = (await call('GET', '/api/notifications/preferences', reader.cookie, undefined, 'it')).json()
      .data;
    expect(prefs).toHaveLength(notificationKinds.length);
    expect(prefs.every((p: { label: string }) => p.label.length > 0)).toBe(true);
    expect(prefs.find((p: { kind: string }) => p.kind === 'community.kudos')?.label).toBe(
      'Kudos dai membri per i tuoi contributi',
    );
  });
});
