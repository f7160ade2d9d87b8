/**
 * Meetings through the typed client: one meeting and what hangs off it (answers, roles, attendance,
 * follow-up), a community's meetings and activity roles, the viewer's calendar and feed, and the member
 * search the meeting forms pick people with. Each mutation refreshes the caches it changes.
 */
import {
  keepPreviousData,
  type QueryClient,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import type { paths } from './openapi.gen.ts';
import { keys } from './queries.ts';
import { api, cursorPages, dataOf, type Json, pageOf } from './typed-client.ts';

type ScheduleBody = Json<paths['/api/communities/{slug}/meetings']['post']['requestBody']>;
type UpdateBody = Json<paths['/api/meetings/{id}']['patch']['requestBody']>;
type CancelBody = Json<paths['/api/meetings/{id}/cancel']['post']['requestBody']>;
type FollowUpBody = Json<paths['/api/meetings/{id}/follow-up']['put']['requestBody']>;

export type MeetingWhen = 'upcoming' | 'past';

/**
 * After a meeting changes: its community (home, meetings tab), the directory's next meetings, the
 * calendar and every loaded meeting show the new state.
 */
async function refreshMeetingLists(queryClient: QueryClient, slug: string): Promise<void> {
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: keys.community(slug) }),
    queryClient.invalidateQueries({ queryKey: keys.communities }),
    queryClient.invalidateQueries({ queryKey: keys.calendar }),
    queryClient.invalidateQueries({ queryKey: keys.meetings }),
  ]);
}

/** One meeting with what the viewer may do (GET /api/meetings/:id). */
export function useMeeting(id: string) {
  return useQuery({
    queryKey: keys.meeting(id),
    queryFn: async () => dataOf(await api.GET('/api/meetings/{id}', { params: { path: { id } } })),
  });
}

/** A community's meetings, upcoming or past, one page after another. */
export function useCommunityMeetings(slug: string, when: MeetingWhen) {
  return useInfiniteQuery({
    queryKey: [...keys.communityMeetings(slug), when],
    queryFn: async ({ pageParam }) =>
      pageOf(
        await api.GET('/api/communities/{slug}/meetings', {
          params: { path: { slug }, query: { when, cursor: pageParam || undefined } },
        }),
      ),
    ...cursorPages,
  });
}

/** The signed-in person's calendar, upcoming or past (with attendance), one page after another. */
export function useCalendarMeetings(when: MeetingWhen) {
  return useInfiniteQuery({
    queryKey: [...keys.calendar, when],
    queryFn: async ({ pageParam }) =>
      pageOf(await api.GET('/api/calendar', { params: { query: { when, cursor: pageParam || undefined } } })),
    ...cursorPages,
  });
}

/** Who answered what (for those who may see the responses). */
export function useRsvps(id: string, enabled: boolean) {
  return useQuery({
    queryKey: keys.meetingRsvps(id),
    queryFn: async () => dataOf(await api.GET('/api/meetings/{id}/rsvps', { params: { path: { id } } })),
    enabled,
  });
}

/** Who might take each role, by role. */
export function useRoleSuggestions(id: string, enabled: boolean) {
  return useQuery({
    queryKey: keys.roleSuggestions(id),
    queryFn: async () =>
      dataOf(await api.GET('/api/meetings/{id}/role-suggestions', { params: { path: { id } } })),
    enabled,
  });
}

/** The community's activity roles: the defaults and the leaders' own. */
export function useActivityRoles(slug: string) {
  return useQuery({
    queryKey: keys.activityRoles(slug),
    queryFn: async () =>
      dataOf(await api.GET('/api/communities/{slug}/activity-roles', { params: { path: { slug } } })),
  });
}

/** The viewer's private calendar feed address (null until made). */
export function useCalendarFeed(enabled = true) {
  return useQuery({
    queryKey: keys.calendarFeed,
    queryFn: async () => dataOf(await api.GET('/api/calendar/feed')),
    enabled,
  });
}

/** A community's members matching `q` (the first `limit`), for pickers; the previous answer stays while typing. */
export function useMemberSearch(slug: string, q: string, limit: number, kind: string) {
  return useQuery({
    queryKey: [...keys.communityMembers(slug), kind, q],
    queryFn: async () =>
      pageOf(
        await api.GET('/api/communities/{slug}/members', {
          params: { path: { slug }, query: { q: q || undefined, limit } },
        }),
      ),
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
}

/** Every member of a community, page after page, by name (attendance needs the whole list). */
export function useAllMembers(slug: string, enabled: boolean) {
  return useQuery({
    queryKey: [...keys.communityMembers(slug), 'all'],
    enabled,
    queryFn: async () => {
      const all = [];
      let cursor: string | undefined;
      for (let page = 0; page < 100; page += 1) {
        const result = pageOf(
          await api.GET('/api/communities/{slug}/members', {
            params: { path: { slug }, query: { cursor, limit: 100 } },
          }),
        );
        all.push(...result.data);
        if (!result.nextCursor) break;
        cursor = result.nextCursor;
      }
      return all.sort((a, b) => a.displayName.localeCompare(b.displayName));
    },
  });
}

/** Schedule a meeting (once or as a series); the community's lists and the calendar refresh. */
export function useScheduleMeetingMutation(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: ScheduleBody) =>
      dataOf(await api.POST('/api/communities/{slug}/meetings', { params: { path: { slug } }, body })),
    onSuccess: () => refreshMeetingLists(queryClient, slug),
  });
}

/** Change a meeting (or it and the following ones of its series). */
export function useUpdateMeetingMutation(id: string, slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: UpdateBody) =>
      dataOf(await api.PATCH('/api/meetings/{id}', { params: { path: { id } }, body })),
    onSuccess: async (updated) => {
      queryClient.setQueryData(keys.meeting(updated.id), updated);
      await refreshMeetingLists(queryClient, slug);
    },
  });
}

/** Cancel a meeting (or it and the following ones), with a reason. */
export function useCancelMeetingMutation(id: string, slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: CancelBody) =>
      dataOf(await api.POST('/api/meetings/{id}/cancel', { params: { path: { id } }, body })),
    onSuccess: async (updated) => {
      queryClient.setQueryData(keys.meeting(id), updated);
      await refreshMeetingLists(queryClient, slug);
    },
  });
}

/** Answer going, maybe or not going. */
export function useRsvpMutation(id: string, slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (answer: 'going' | 'maybe' | 'not_going') =>
      dataOf(await api.PUT('/api/meetings/{id}/rsvp', { params: { path: { id } }, body: { answer } })),
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: keys.meeting(id) }),
        queryClient.invalidateQueries({ queryKey: keys.calendar }),
        queryClient.invalidateQueries({ queryKey: keys.communityMeetings(slug) }),
      ]);
    },
  });
}

/** Give a role to someone, or leave it open (`userId` null). */
export function useAssignRoleMutation(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: { role: string; userId: string | null }) =>
      dataOf(await api.PUT('/api/meetings/{id}/roles', { params: { path: { id } }, body })),
    onSuccess: async (updated) => {
      queryClient.setQueryData(keys.meeting(id), updated);
      await queryClient.invalidateQueries({ queryKey: keys.roleSuggestions(id) });
    },
  });
}

/** Record who came. */
export function useAttendanceMutation(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (userIds: string[]) =>
      dataOf(await api.PUT('/api/meetings/{id}/attendance', { params: { path: { id } }, body: { userIds } })),
    onSuccess: async (updated) => {
      queryClient.setQueryData(keys.meeting(id), updated);
      await queryClient.invalidateQueries({ queryKey: keys.calendar });
    },
  });
}

/** Save the notes, the recording and the follow-up actions. */
export function useFollowUpMutation(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: FollowUpBody) =>
      dataOf(await api.PUT('/api/meetings/{id}/follow-up', { params: { path: { id } }, body })),
    onSuccess: (updated) => {
      queryClient.setQueryData(keys.meeting(id), updated);
    },
  });
}

/** Start the meeting's follow-up discussion (or get the one already started); answers its id. */
export function useStartMeetingDiscussionMutation(id: string) {
  return useMutation({
    mutationFn: async () =>
      dataOf(await api.POST('/api/meetings/{id}/discussion', { params: { path: { id } } })),
  });
}

/** Leaders add a role of their own. */
export function useAddActivityRoleMutation(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: { name: string }) =>
      dataOf(await api.POST('/api/communities/{slug}/activity-roles', { params: { path: { slug } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.activityRoles(slug) }),
  });
}

/** Leaders remove one of their own roles. */
export function useRemoveActivityRoleMutation(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (id: string) =>
      dataOf(
        await api.DELETE('/api/communities/{slug}/activity-roles/{id}', { params: { path: { slug, id } } }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.activityRoles(slug) }),
  });
}

/** Make the private feed, give it a new address (the old one stops) or turn it off. */
export function useCalendarFeedMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (action: 'create' | 'reset' | 'off'): Promise<{ url: string | null }> => {
      if (action === 'off') {
        dataOf(await api.DELETE('/api/calendar/feed'));
        return { url: null };
      }
      return dataOf(await api.POST('/api/calendar/feed'));
    },
    onSuccess: (data) => {
      queryClient.setQueryData(keys.calendarFeed, data);
    },
  });
}
