import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { communitySuspensions, resourceActivity, resources } from '../../db/schema/index.ts';
import { buildOoxml } from '../../lib/files/fixtures/build-zip.ts';
import * as sample from '../../lib/files/fixtures/samples.ts';
import { uploadTempFolder } from '../../lib/files/temp-file.ts';
import { getTestApp, requester, type TestApp } from '../../test/app.ts';
import {
  createTestCommunity,
  createUser,
  latestEmailTo,
  signedInUser,
  signInAs,
} from '../../test/factories.ts';
import { multipartForm } from '../../test/uploads.ts';

let t: TestApp;
beforeAll(async () => {
  t = await getTestApp();
});
afterAll(async () => t.close());

const call = (...args: Parameters<ReturnType<typeof requester>>) => requester(t)(...args);
const db = () => t.app.deps.database.db;
const lessonPlan = await readFile(new URL('../../lib/files/fixtures/lesson-plan.docx', import.meta.url));

/** A community with a signed-in leader and two signed-in members. */
async function setting() {
  const leader = await signedInUser(t.app);
  const [a, b] = await Promise.all([createUser(db()), createUser(db())]);
  if (!a || !b) throw new Error('no people');
  const community = await createTestCommunity(db(), [leader.user.id], {
    members: [
      [a.id, 'member'],
      [b.id, 'member'],
    ],
  });
  const signed = async (user: typeof a) => ({ user, cookie: await signInAs(t.app, user.email) });
  return { leader, community, a: await signed(a), b: await signed(b) };
}

async function upload(
  slug: string,
  cookie: string,
  fields: [string, string][],
  file?: { name: string; bytes: Buffer; type?: string },
) {
  const body = multipartForm(fields, file);
  return t.app.inject({
    method: 'POST',
    url: `/api/communities/${slug}/resources/upload`,
    headers: { ...body.headers, cookie },
    payload: body.payload,
  });
}

/** Files left in the folder uploads are received into (none, once a request has been answered). */
async function tempFiles(): Promise<string[]> {
  return readdir(uploadTempFolder(t.app.deps.env)).catch(() => []);
}

/** Every file in the Toolkit's storage folder. */
async function storedFiles(): Promise<string[]> {
  const root = path.join(t.app.deps.env.DATA_DIR, 'toolkit');
  const entries = await readdir(root, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((entry) => entry.isFile()).map((entry) => entry.name);
}

describe('the Toolkit', () => {
  it('takes links, videos and articles, lists and filters them, and renders Markdown safely', async () => {
    const { community, leader, a } = await setting();
    const topic = await call('POST', `/api/communities/${community.slug}/toolkit/topics`, leader.cookie, {
      name: 'Assessment',
    });
    expect(topic.statusCode).toBe(201);
    const sub = await call('POST', `/api/communities/${community.slug}/toolkit/topics`, leader.cookie, {
      name: 'Rubrics',
      parentId: topic.json().data.id,
    });
    expect(sub.statusCode).toBe(201);
    const link = await call('POST', `/api/communities/${community.slug}/resources`, a.cookie, {
      kind: 'link',
      title: 'Rubric bank',
      description: 'See <script>alert(1)</script> and [this](javascript:alert(1))',
      url: 'https://example.org/rubrics',
      topicIds: [sub.json().data.id],
    });
    expect(link.statusCode).toBe(201);
    const video = await call('POST', `/api/communities/${community.slug}/resources`, a.cookie, {
      kind: 'video',
      title: 'Peer feedback in five minutes',
      url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
    });
    expect(video.statusCode).toBe(201);
    const article = await call('POST', `/api/communities/${community.slug}/resources`, a.cookie, {
      kind: 'article',
      title: 'How we grade portfolios',
      body: '# Portfolios\n\nWe use **three** checkpoints.',
    });
    expect(article.statusCode).toBe(201);

    const shown = await call('GET', `/api/resources/${link.json().data.id}`, a.cookie);
    expect(shown.statusCode).toBe(200);
    const resource = shown.json().data;
    expect(resource.descriptionHtml).not.toContain('<script');
    expect(resource.descriptionHtml).not.toMatch(/href="javascript:/);
    expect(resource.topics).toEqual([
      { id: sub.json().data.id, name: 'Rubrics', parentId: topic.json().data.id },
    ]);
    expect(resource.abilities).toMatchObject({ edit: true, feature: false, recordUse: true });

    const embedded = (await call('GET', `/api/resources/${video.json().data.id}`, a.cookie)).json().data;
    expect(embedded.embed).toMatchObject({
      provider: 'youtube',
      videoId: 'dQw4w9WgXcQ',
      embedUrl: 'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ',
    });
    const articleShown = (await call('GET', `/api/resources/${article.json().data.id}`, a.cookie)).json()
      .data;
    expect(articleShown.bodyHtml).toContain('<strong>three</strong>');

    const all = await call('GET', `/api/communities/${community.slug}/resources?limit=2`, a.cookie);
    expect(all.json().data.map((r: { title: string }) => r.title)).toEqual([
      'How we grade portfolios',
      'Peer feedback in five minutes',
    ]);
    const next = await call(
      'GET',
      `/api/communities/${community.slug}/resources?limit=2&cursor=${all.json().nextCursor}`,
      a.cookie,
    );
    expect(next.json().data.map((r: { title: string }) => r.title)).toEqual(['Rubric bank']);
    expect(next.json().nextCursor).toBeNull();
    // A topic's filter includes its sub-topics.
    const byTopic = await call(
      'GET',
      `/api/communities/${community.slug}/resources?topicId=${topic.json().data.id}`,
      a.cookie,
    );
    expect(byTopic.json().data.map((r: { title: string }) => r.title)).toEqual(['Rubric bank']);
    const byWords = await call(
      'GET',
      `/api/communities/${community.slug}/resources?q=${encodeURIComponent('portfolios -rubric')}`,
      a.cookie,
    );
    expect(byWords.json().data.map((r: { title: string }) => r.title)).toEqual(['How we grade portfolios']);
    const byKind = await call('GET', `/api/communities/${community.slug}/resources?kind=video`, a.cookie);
    expect(byKind.json().data).toHaveLength(1);

    const front = (await call('GET', `/api/communities/${community.slug}/toolkit`, a.cookie)).json().data;
    expect(front.counts.resources).toBe(3);
    expect(front.topics.find((x: { name: string }) => x.name === 'Rubrics').resourceCount).toBe(1);
    expect(front.abilities).toEqual({ contribute: true, curate: false });
    expect(front.uploadMaxMb).toBe(25);
  });

  it('uploads a lesson plan, serves it as a safe download counted once a day, and features it', async () => {
    const { community, leader, a, b } = await setting();
    const before = (await storedFiles()).length;
    const added = await upload(
      community.slug,
      leader.cookie,
      [
        ['kind', 'lesson_plan'],
        ['title', 'Fractions lesson plan'],
        ['description', 'A template for a first lesson on fractions.'],
      ],
      { name: '../../etc/Fractions plan.docx', bytes: lessonPlan },
    );
    expect(added.statusCode).toBe(201);
    const id = added.json().data.id;
    expect((await storedFiles()).length).toBe(before + 1);

    const shown = (await call('GET', `/api/resources/${id}`, b.cookie)).json().data;
    expect(shown.file).toMatchObject({
      name: 'Fractions plan.docx',
      isImage: false,
      downloadUrl: `/api/resources/${id}/download`,
      viewUrl: null,
    });
    await call('GET', `/api/resources/${id}`, b.cookie);
    const download = await call('GET', `/api/resources/${id}/download`, b.cookie);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-disposition']).toMatch(/^attachment; filename="Fractions plan.docx"/);
    expect(download.headers['content-type']).toContain('wordprocessingml');
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    expect(download.rawPayload.equals(lessonPlan)).toBe(true);
    await call('GET', `/api/resources/${id}/download`, b.cookie);
    const counted = (await call('GET', `/api/resources/${id}`, a.cookie)).json().data;
    expect(counted).toMatchObject({ viewCount: 2, downloadCount: 1 });
    expect(shown.viewCount).toBe(1);
    // A new day counts again.
    await db().update(resourceActivity).set({ day: '2020-01-01' }).where(eq(resourceActivity.resourceId, id));
    await call('GET', `/api/resources/${id}/download`, b.cookie);
    expect((await call('GET', `/api/resources/${id}`, a.cookie)).json().data.downloadCount).toBe(2);
    // Not an image: nothing to show inline.
    expect((await call('GET', `/api/resources/${id}/view`, b.cookie)).statusCode).toBe(404);

    expect(
      (await call('PUT', `/api/resources/${id}/featured`, a.cookie, { featured: true })).statusCode,
    ).toBe(403);
    expect(
      (await call('PUT', `/api/resources/${id}/featured`, leader.cookie, { featured: true })).statusCode,
    ).toBe(200);
    const front = (await call('GET', `/api/communities/${community.slug}/toolkit`, b.cookie)).json().data;
    expect(front.featured.map((r: { id: string }) => r.id)).toEqual([id]);
  });

  it('shows uploaded images inline in a sandbox', async () => {
    const { community, a } = await setting();
    const added = await upload(
      community.slug,
      a.cookie,
      [
        ['kind', 'file'],
        ['title', 'Seating diagram'],
      ],
      { name: 'seating.png', bytes: sample.png, type: 'image/png' },
    );
    expect(added.statusCode).toBe(201);
    const view = await call('GET', `/api/resources/${added.json().data.id}/view`, a.cookie);
    expect(view.statusCode).toBe(200);
    expect(view.headers['content-type']).toBe('image/png');
    expect(view.headers['content-disposition']).toMatch(/^inline/);
    expect(view.headers['content-security-policy']).toContain('sandbox');
  });

  it('refuses bad uploads with a field message and leaves no file behind', async () => {
    const { community, a } = await setting();
    const before = await storedFiles();
    const fields: [string, string][] = [
      ['kind', 'template'],
      ['title', 'A template'],
    ];
    const bomb = buildOoxml('word/document.xml', [
      { name: 'word/media/zeros.bin', data: Buffer.alloc(5 * 1024 * 1024) },
    ]);
    const cases: [string, { name: string; bytes: Buffer }, number, RegExp][] = [
      ['empty', { name: 'plan.docx', bytes: Buffer.alloc(0) }, 400, /empty/],
      ['mismatch', { name: 'plan.docx', bytes: sample.pdf }, 400, /do not match its name/],
      ['svg', { name: 'logo.svg', bytes: sample.svg }, 400, /SVG, HTML/],
      ['html', { name: 'page.html', bytes: sample.html }, 400, /SVG, HTML/],
      ['program', { name: 'setup.exe', bytes: sample.exe }, 400, /cannot be uploaded/],
      ['zip bomb', { name: 'plan.docx', bytes: bomb }, 400, /./],
    ];
    for (const [name, file, status, message] of cases) {
      const response = await upload(community.slug, a.cookie, fields, file);
      expect(response.statusCode, name).toBe(status);
      expect(response.json().fields?.file, name).toMatch(message);
    }
    const noFile = await upload(community.slug, a.cookie, fields);
    expect(noFile.statusCode).toBe(400);
    expect(noFile.json().fields.file).toBe('Choose the file to upload.');
    const badFields = await upload(community.slug, a.cookie, [['kind', 'article']], {
      name: 'plan.docx',
      bytes: lessonPlan,
    });
    expect(badFields.statusCode).toBe(400);
    expect(Object.keys(badFields.json().fields).sort()).toEqual(['kind', 'title']);
    const badTopic = await upload(community.slug, a.cookie, [...fields, ['topicIds', crypto.randomUUID()]], {
      name: 'plan.docx',
      bytes: lessonPlan,
    });
    expect(badTopic.statusCode).toBe(400);
    expect(badTopic.json().fields.topicIds).toMatch(/not in this community/);
    const json = await call('POST', `/api/communities/${community.slug}/resources/upload`, a.cookie, {
      title: 'x',
    });
    expect(json.statusCode).toBe(415);
    expect(await storedFiles()).toEqual(before);
    expect(await tempFiles()).toEqual([]);
    const rows = await db().select().from(resources).where(eq(resources.communityId, community.id));
    expect(rows).toHaveLength(0);
  });

  it('refuses a file over the size limit with 413', async () => {
    const { community, a } = await setting();
    const limit = t.app.deps.env.UPLOAD_MAX_MB * 1024 * 1024;
    const big = Buffer.concat([sample.pdf, Buffer.alloc(limit)]);
    const response = await upload(
      community.slug,
      a.cookie,
      [
        ['kind', 'file'],
        ['title', 'Huge'],
      ],
      { name: 'huge.pdf', bytes: big },
    );
    expect(response.statusCode).toBe(413);
    expect(response.json().fields.file).toMatch(/larger than the 25 MB limit/);
    expect(await tempFiles()).toEqual([]);
  });

  it('refuses bad JSON input field by field', async () => {
    const { community, a } = await setting();
    const cases: [Record<string, unknown>, string][] = [
      [{ kind: 'link', title: '', url: 'https://example.org' }, 'title'],
      [{ kind: 'link', title: 'Scripted', url: 'javascript:alert(1)' }, 'url'],
      [{ kind: 'link', title: 'Data', url: 'data:text/html,hi' }, 'url'],
      [{ kind: 'link', title: 'No address' }, 'url'],
      [{ kind: 'article', title: 'Empty article', body: '' }, 'body'],
      [{ kind: 'article', title: 'Long article', body: 'x'.repeat(200_000) }, 'body'],
      [{ kind: 'podcast', title: 'Unknown kind', url: 'https://example.org' }, 'kind'],
    ];
    for (const [payload, field] of cases) {
      const response = await call('POST', `/api/communities/${community.slug}/resources`, a.cookie, payload);
      expect(response.statusCode, JSON.stringify(payload).slice(0, 60)).toBe(400);
      expect(response.json().fields[field], field).toBeTruthy();
    }
    // A 1 MB body is refused before it is read.
    const huge = await call('POST', `/api/communities/${community.slug}/resources`, a.cookie, {
      kind: 'article',
      title: 'Huge article',
      body: 'x'.repeat(1024 * 1024),
    });
    expect(huge.statusCode).toBe(413);
    const rows = await db().select().from(resources).where(eq(resources.communityId, community.id));
    expect(rows).toHaveLength(0);
  });

  it('records "I used this" once per member, and lets them change or remove it', async () => {
    const { community, a, b } = await setting();
    const added = await call('POST', `/api/communities/${community.slug}/resources`, a.cookie, {
      kind: 'tool',
      title: 'Exit ticket generator',
      url: 'https://example.org/tickets',
    });
    const id = added.json().data.id;
    const used = await call('POST', `/api/resources/${id}/uses`, b.cookie, {
      kind: 'adapted',
      story: 'Used it with **year 9**; cut it to three questions.',
    });
    expect(used.statusCode).toBe(201);
    const twice = await call('POST', `/api/resources/${id}/uses`, b.cookie, { kind: 'used' });
    expect(twice.statusCode).toBe(409);
    const shown = (await call('GET', `/api/resources/${id}`, b.cookie)).json().data;
    expect(shown.useCount).toBe(1);
    expect(shown.viewerUse).toMatchObject({ id: used.json().data.id, kind: 'adapted' });
    const list = (await call('GET', `/api/resources/${id}/uses`, a.cookie)).json();
    expect(list.data[0].storyHtml).toContain('<strong>year 9</strong>');
    expect(list.data[0].person.id).toBe(b.user.id);
    const useUrl = `/api/resources/${id}/uses/${used.json().data.id}`;
    expect((await call('PATCH', useUrl, a.cookie, { story: 'Not mine' })).statusCode).toBe(403);
    expect((await call('PATCH', useUrl, b.cookie, { kind: 'used' })).statusCode).toBe(200);
    expect((await call('DELETE', useUrl, b.cookie)).statusCode).toBe(200);
    expect((await call('GET', `/api/resources/${id}`, b.cookie)).json().data.useCount).toBe(0);
  });

  it('gives each resource its own discussion, started once', async () => {
    const { community, a, b } = await setting();
    const added = await call('POST', `/api/communities/${community.slug}/resources`, a.cookie, {
      kind: 'link',
      title: 'Questioning techniques',
      url: 'https://example.org/questions',
    });
    const id = added.json().data.id;
    const started = await call('POST', `/api/resources/${id}/discussion`, b.cookie);
    expect(started.statusCode).toBe(201);
    const again = await call('POST', `/api/resources/${id}/discussion`, a.cookie);
    expect(again.statusCode).toBe(200);
    expect(again.json().data.id).toBe(started.json().data.id);
    const reply = await call('POST', `/api/threads/${started.json().data.id}/replies`, b.cookie, {
      body: 'We tried the hinge questions: great.',
    });
    expect(reply.statusCode).toBe(201);
    const shown = (await call('GET', `/api/resources/${id}`, a.cookie)).json().data;
    expect(shown).toMatchObject({ discussionId: started.json().data.id, commentCount: 1 });
  });

  it('quotes a resource discussion once in the subject of a reply email, nested quotes single', async () => {
    const { community, a, b } = await setting();
    const title =
      'Lesson plan template: a "backwards design" page for a ninety-minute seminar with peer review';
    const added = await call('POST', `/api/communities/${community.slug}/resources`, a.cookie, {
      kind: 'link',
      title,
      url: 'https://example.org/lesson-plan',
    });
    const id = added.json().data.id;
    const threadId = (await call('POST', `/api/resources/${id}/discussion`, a.cookie)).json().data.id;
    const thread = (await call('GET', `/api/threads/${threadId}`, a.cookie)).json().data;
    expect(thread.title).toBe(`About “${title.replace(/"([^"]*)"/, '‘$1’')}”`);
    await call('POST', `/api/threads/${threadId}/replies`, b.cookie, { body: 'We use it every week.' });
    const { message } = await latestEmailTo(db(), a.user.email);
    // One pair of double quotes; the inner title in single quotes, cut at a word with its quote closed.
    expect(message?.subject).toBe(
      `${b.user.displayName} replied in “About ‘Lesson plan template: a ‘backwards design’ page for a ninety-minute…’”`,
    );
  });

  it('lets leaders curate collections in order, and keeps members out of curating', async () => {
    const { community, leader, a } = await setting();
    const ids: string[] = [];
    for (const title of ['First resource', 'Second resource', 'Third resource']) {
      const added = await call('POST', `/api/communities/${community.slug}/resources`, a.cookie, {
        kind: 'link',
        title,
        url: 'https://example.org',
      });
      ids.push(added.json().data.id);
    }
    const denied = await call('POST', `/api/communities/${community.slug}/toolkit/collections`, a.cookie, {
      title: 'Starter kit',
    });
    expect(denied.statusCode).toBe(403);
    const collection = await call(
      'POST',
      `/api/communities/${community.slug}/toolkit/collections`,
      leader.cookie,
      {
        title: 'Starter kit',
      },
    );
    expect(collection.statusCode).toBe(201);
    const url = `/api/toolkit/collections/${collection.json().data.id}`;
    const [first, second, third] = ids;
    expect(
      (await call('PUT', `${url}/resources`, leader.cookie, { resourceIds: [third, first] })).statusCode,
    ).toBe(200);
    const detail = (await call('GET', url, a.cookie)).json().data;
    expect(detail.resources.map((r: { id: string }) => r.id)).toEqual([third, first]);
    expect(detail.resourceCount).toBe(2);
    expect(detail.abilities.curate).toBe(false);
    const dup = await call('PUT', `${url}/resources`, leader.cookie, { resourceIds: [second, second] });
    expect(dup.statusCode).toBe(400);
    const other = await setting();
    const foreign = await call('POST', `/api/communities/${other.community.slug}/resources`, other.a.cookie, {
      kind: 'link',
      title: 'Elsewhere',
      url: 'https://example.org',
    });
    const wrong = await call('PUT', `${url}/resources`, leader.cookie, {
      resourceIds: [foreign.json().data.id],
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().fields.resourceIds).toMatch(/not in this community/);
    const sameName = await call('POST', `/api/communities/${community.slug}/toolkit/topics`, leader.cookie, {
      name: 'Reading',
    });
    expect(sameName.statusCode).toBe(201);
    const clash = await call('POST', `/api/communities/${community.slug}/toolkit/topics`, leader.cookie, {
      name: 'reading',
    });
    expect(clash.statusCode).toBe(400);
    expect(clash.json().fields.name).toMatch(/already a topic/);
  });

  it('lets a suspended member read the Toolkit but not add to it', async () => {
    const { community, leader, a } = await setting();
    await db()
      .insert(communitySuspensions)
      .values({ communityId: community.id, userId: a.user.id, reason: 'Spam', suspendedBy: leader.user.id });
    const read = await call('GET', `/api/communities/${community.slug}/toolkit`, a.cookie);
    expect(read.statusCode).toBe(200);
    expect(read.json().data.abilities.contribute).toBe(false);
    const home = (await call('GET', `/api/communities/${community.slug}`, a.cookie)).json().data;
    expect(home.viewer).toMatchObject({ role: 'member', suspended: true, canStartThread: false });
    const added = await call('POST', `/api/communities/${community.slug}/resources`, a.cookie, {
      kind: 'link',
      title: 'Sneaky',
      url: 'https://example.org',
    });
    expect(added.statusCode).toBe(403);
    expect(added.json().message).toMatch(/suspended/);
  });
});
