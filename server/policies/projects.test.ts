import { describe, expect, it } from 'vitest';
import type { Actor } from '../lib/actor.ts';
import { isAllowed } from './decision.ts';
import { mayPartnerReach } from './projects.ts';

/** The confinement of external partners (#18 §4): the routes a partner reaches, and nothing else. */
const partner: Actor = {
  id: 'p',
  email: 'p@example.test',
  displayName: 'Pat',
  role: 'member',
  kind: 'external',
  sessionId: 's',
  confinedToProjects: true,
};
const member: Actor = { ...partner, kind: 'staff', confinedToProjects: false };

describe('mayPartnerReach', () => {
  it.each([
    '/api/projects/:id',
    '/api/projects/:id/tasks',
    '/api/me',
    '/api/me/projects',
    '/api/notifications',
    '/api/notifications/:id/read',
    '/api/auth/signout',
    '/api/invitations/:token/accept',
  ])('lets a partner reach %s', (url) => {
    expect(isAllowed(mayPartnerReach(partner, url))).toBe(true);
  });

  it.each([
    '/api/communities/:slug',
    '/api/communities/:slug/projects',
    '/api/search',
    '/api/people/:id',
    '/api/me/activity',
    '/api/notifications/communities',
    '/api/calendar/feed',
    '/api/resources/:id/download',
    '/api/home',
  ])('answers a partner 404 for %s', (url) => {
    expect(mayPartnerReach(partner, url)).toMatchObject({ allowed: false, code: 'not_found' });
  });

  it('confines nobody else, and leaves the web app and unknown paths alone', () => {
    expect(isAllowed(mayPartnerReach(member, '/api/search'))).toBe(true);
    expect(isAllowed(mayPartnerReach(null, '/api/search'))).toBe(true);
    expect(isAllowed(mayPartnerReach(partner, undefined))).toBe(true);
    expect(isAllowed(mayPartnerReach(partner, '/communities/:slug'))).toBe(true);
  });
});
