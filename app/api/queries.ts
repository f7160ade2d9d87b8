import { type QueryClient, queryOptions, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError } from './client.ts';
import { markSessionEnded } from './session.ts';
import { api, dataOf } from './typed-client.ts';
import type { Me } from './types.ts';

/** Query keys in one place, so mutations invalidate the right caches. */
export const keys = {
  institution: ['institution'] as const,
  me: ['me'] as const,
  units: ['units'] as const,
  unreadCount: ['notifications', 'unread-count'] as const,
  notifications: ['notifications', 'list'] as const,
  preferences: ['notifications', 'preferences'] as const,
  sessions: ['sessions'] as const,
  people: ['people'] as const,
  person: (id: string) => ['people', id] as const,
  personBadges: (id: string) => ['people', id, 'badges'] as const,
  adminUsers: ['admin', 'users'] as const,
  mail: ['admin', 'mail'] as const,
  audit: ['admin', 'audit'] as const,
  /** Proposals: lists under `proposals`, one proposal under `proposal(id)`. */
  proposals: ['proposals'] as const,
  proposal: (id: string) => ['proposals', 'one', id] as const,
  /** The coordinators' inbox of contact requests. */
  contactRequests: ['coordinator', 'contact-requests'] as const,
  contactRequest: (id: string) => ['coordinator', 'contact-requests', 'one', id] as const,
  charterTemplate: ['admin', 'charter-template'] as const,
  /** The directory; each community's own data lives under `community(slug)`. */
  communities: ['communities'] as const,
  community: (slug: string) => ['community', slug] as const,
  communityMembers: (slug: string) => ['community', slug, 'members'] as const,
  communityRequests: (slug: string) => ['community', slug, 'requests'] as const,
  communityInvitations: (slug: string) => ['community', slug, 'invitations'] as const,
  communityStages: (slug: string) => ['community', slug, 'stages'] as const,
  charterVersions: (slug: string) => ['community', slug, 'charter-versions'] as const,
  /** Under the community: joining (a 10th member) reads them again. */
  communityMilestones: (slug: string) => ['community', slug, 'milestones'] as const,
  invitation: (token: string) => ['invitations', token] as const,
  /** Meetings: a community's lists, one meeting and what hangs off it, the viewer's calendar. */
  communityMeetings: (slug: string) => ['community', slug, 'meetings'] as const,
  activityRoles: (slug: string) => ['community', slug, 'activity-roles'] as const,
  meetings: ['meetings'] as const,
  meeting: (id: string) => ['meetings', id] as const,
  meetingRsvps: (id: string) => ['meetings', id, 'rsvps'] as const,
  roleSuggestions: (id: string) => ['meetings', id, 'role-suggestions'] as const,
  calendar: ['calendar'] as const,
  calendarFeed: ['calendar-feed'] as const,
  /** Discussions: a community's thread list, one thread with its pages of replies. */
  communityThreads: (slug: string) => ['community', slug, 'threads'] as const,
  thread: (id: string) => ['threads', id] as const,
  /** The signed-in home's "What's new in your communities". */
  home: ['home'] as const,
};

/** The institution's name, logo and whether set-up is still to do (main.tsx fetches it before the first render). */
export const institutionQuery = queryOptions({
  queryKey: keys.institution,
  queryFn: async () => dataOf(await api.GET('/api/institution')),
  staleTime: 5 * 60_000,
});

export function useInstitution() {
  return useQuery(institutionQuery);
}

/**
 * The signed-in person, or null for an anonymous visitor. A 401 after someone was signed in means the
 * server ended the session (suspension, sign-out elsewhere): that is remembered so the app can say so.
 * main.tsx fetches it before the first render, so the header is drawn once, as it stays.
 */
export function meQuery(queryClient: QueryClient) {
  return queryOptions({
    queryKey: keys.me,
    queryFn: async (): Promise<Me | null> => {
      try {
        return dataOf(await api.GET('/api/me'));
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) {
          if (queryClient.getQueryData(keys.me)) markSessionEnded();
          return null;
        }
        throw error;
      }
    },
    staleTime: 60_000,
  });
}

export function useMe() {
  return useQuery(meQuery(useQueryClient()));
}

/** The signed-in person; only for components rendered inside the signed-in guard. */
export function useSignedInMe(): Me {
  const { data } = useMe();
  if (!data) throw new Error('useSignedInMe used outside the signed-in area');
  return data;
}

/** The institution's units, by name. */
export function useUnits() {
  return useQuery({
    queryKey: keys.units,
    queryFn: async () => dataOf(await api.GET('/api/units')),
    staleTime: 5 * 60_000,
  });
}

/** How many notifications are unread; refreshed every minute. */
export function useUnreadCount(enabled: boolean) {
  return useQuery({
    queryKey: keys.unreadCount,
    queryFn: async () => dataOf(await api.GET('/api/notifications/unread-count')).count,
    enabled,
    refetchInterval: 60_000,
  });
}
