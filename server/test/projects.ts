import { expect } from 'vitest';
import type { TestApp } from './app.ts';
import { requester } from './app.ts';
import { createUser, latestEmailTo, signInAs } from './factories.ts';

/**
 * Projects (#18 §4) set up through the API: a project started by `leadCookie` in `slug`, and an external
 * partner invited to it by email who signs in and accepts (the invitation link read from the outbox).
 */
export async function startProject(t: TestApp, leadCookie: string, slug: string, title = 'Open textbooks') {
  const response = await requester(t)('POST', `/api/communities/${slug}/projects`, leadCookie, {
    title,
    goal: 'Write an open textbook with the city library.',
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json().data.id as string;
}

let partners = 0;

export async function invitePartner(t: TestApp, leadCookie: string, projectId: string) {
  const call = requester(t);
  const email = `partner-${Date.now().toString(36)}-${partners++}@library.example`;
  const invited = await call('POST', `/api/projects/${projectId}/partners`, leadCookie, {
    email,
    name: 'Pat Partner',
  });
  expect(invited.statusCode, invited.body).toBe(201);
  const { link, message } = await latestEmailTo(t.database.db, email);
  // The email names the project the partner is invited to, not only its community.
  expect(message?.subject).toMatch(/invites you to the project “.+”/);
  expect(message?.textBody).toContain('as a partner');
  const token = link?.split('/invitations/')[1] ?? '';
  expect(token).not.toBe('');
  const user = await createUser(t.database.db, { email, kind: 'external', displayName: 'Pat Partner' });
  const cookie = await signInAs(t.app, email);
  const accepted = await call('POST', `/api/invitations/${token}/accept`, cookie);
  expect(accepted.statusCode, accepted.body).toBe(200);
  expect(accepted.json().data.projectId).toBe(projectId);
  return { user, cookie, email };
}
