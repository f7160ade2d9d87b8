import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createS3Storage, type S3Storage } from '../../lib/s3-storage.ts';
import { getTestApp, requester, type TestApp } from '../../test/app.ts';
import { createTestCommunity, signedInUser } from '../../test/factories.ts';
import { type S3TestServer, startS3Server } from '../../test/s3.ts';
import { multipartBody, multipartForm, png } from '../../test/uploads.ts';

/** Uploads through the real API into an S3-compatible bucket (s3rver), and back out. */
let s3: S3TestServer;
let storage: S3Storage;
let t: TestApp;
beforeAll(async () => {
  s3 = await startS3Server();
  storage = createS3Storage(s3.settings('copse/'));
  t = await getTestApp({ storage });
});
afterAll(async () => {
  await t.close();
  storage.close();
  await s3.close();
});

const call = (...args: Parameters<ReturnType<typeof requester>>) => requester(t)(...args);
const lessonPlan = await readFile(new URL('../../lib/files/fixtures/lesson-plan.docx', import.meta.url));

async function stored(): Promise<string[]> {
  const keys: string[] = [];
  for await (const key of storage.list()) keys.push(key);
  return keys.sort();
}

describe('uploads on S3 storage', () => {
  it('stores a Toolkit file in the bucket and streams it back', async () => {
    const leader = await signedInUser(t.app);
    const community = await createTestCommunity(t.database.db, [leader.user.id]);
    const body = multipartForm(
      [
        ['kind', 'lesson_plan'],
        ['title', 'Fractions lesson plan'],
      ],
      { name: 'Fractions plan.docx', bytes: lessonPlan },
    );
    const added = await t.app.inject({
      method: 'POST',
      url: `/api/communities/${community.slug}/resources/upload`,
      headers: { ...body.headers, cookie: leader.cookie },
      payload: body.payload,
    });
    expect(added.statusCode).toBe(201);
    const id = added.json().data.id as string;
    const keys = await stored();
    expect(keys).toEqual([expect.stringMatching(/^toolkit\/[0-9a-f]{2}\/[0-9a-f-]{36}$/)]);

    const download = await call('GET', `/api/resources/${id}/download`, leader.cookie);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-length']).toBe(String(lessonPlan.length));
    expect(download.rawPayload.equals(lessonPlan)).toBe(true);
    expect(await storage.get(keys[0] ?? '')).toEqual(lessonPlan);
  });

  it('stores a profile photo in the bucket, serves it, and deletes it', async () => {
    const { user, cookie } = await signedInUser(t.app);
    const before = await stored();
    const photo = multipartBody('me.png', png, 'image/png');
    const put = await t.app.inject({
      method: 'PUT',
      url: '/api/me/photo',
      headers: { cookie, ...photo.headers },
      payload: photo.payload,
    });
    expect(put.statusCode).toBe(200);
    const photoUrl = (await call('GET', `/api/people/${user.id}`, cookie)).json().data.photoUrl as string;
    const shown = await call('GET', photoUrl, cookie);
    expect(shown.statusCode).toBe(200);
    expect(shown.rawPayload.equals(png)).toBe(true);
    const added = (await stored()).filter((key) => !before.includes(key));
    expect(added).toHaveLength(1);
    expect((await call('DELETE', '/api/me/photo', cookie)).statusCode).toBe(200);
    expect(await stored()).toEqual(before);
    expect((await call('GET', photoUrl, cookie)).statusCode).toBe(404);
  });
});
