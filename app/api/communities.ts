/**
 * Communities: one community and what hangs off it (members, join requests, invitations,
 * charter, stages), joining and leaving; through the typed client. Each mutation invalidates what it
 * changed: a community's own data lives under `keys.community(slug)` (its tabs too), the directory
 * under `keys.communities`.
 */
import {
  type InfiniteData,
  keepPreviousData,
  type QueryClient,
  queryOptions,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import type { MembershipRole } from '../../common/enums.ts';
import { apiPostFile, networkError } from './client.ts';
import { filled } from './directory.ts';
import type { paths } from './openapi.gen.ts';
import { keys } from './queries.ts';
import { api, cursorPages, dataOf, type Json, pageOf } from './typed-client.ts';
import type { CsvReport } from './types.ts';

export type CommunityDetailsInput = Json<paths['/api/communities/{slug}']['patch']['requestBody']>;
export type InvitationsAnswer =
  paths['/api/communities/{slug}/invitations']['get']['responses'][200]['content']['application/json'];
export type InviteInput = Json<paths['/api/communities/{slug}/invitations']['post']['requestBody']>;
export type InviteLinkInput = Json<paths['/api/communities/{slug}/invite-links']['post']['requestBody']>;
export type StageInput = Json<paths['/api/communities/{slug}/stage']['post']['requestBody']>;
export type CharterInput = Json<paths['/api/communities/{slug}/charter']['put']['requestBody']>;

/** Refreshes what depends on someone's membership: this community (and its tabs) and the directory. */
async function refreshMembership(queryClient: QueryClient, slug: string): Promise<void> {
  await queryClient.invalidateQueries({ queryKey: keys.community(slug) });
  await queryClient.invalidateQueries({ queryKey: keys.communities });
}

export function communityQuery(slug: string) {
  return queryOptions({
    queryKey: keys.community(slug),
    queryFn: async () => dataOf(await api.GET('/api/communities/{slug}', { params: { path: { slug } } })),
  });
}

/** A community's home (details, leaders, charter, what the viewer may do), shared by its tabs. */
export function useCommunityHome(slug: string) {
  return useQuery(communityQuery(slug));
}

/** Reads the community again (e.g. the latest charter after someone else saved theirs). */
export function useReloadCommunity(slug: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: keys.community(slug) });
}

/** Changes the community's details; the community and the directory are read again. */
export function useUpdateCommunityMutation(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: CommunityDetailsInput) =>
      dataOf(await api.PATCH('/api/communities/{slug}', { params: { path: { slug } }, body })),
    onSuccess: () => refreshMembership(queryClient, slug),
  });
}

/** Joins at once (with the guidelines accepted, where the community asks for that). */
export function useJoinMutation(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: { acceptGuidelines?: boolean }) =>
      dataOf(await api.POST('/api/communities/{slug}/join', { params: { path: { slug } }, body })),
    onSuccess: () => refreshMembership(queryClient, slug),
  });
}

/** Asks to join, with an optional message to the leaders. */
export function useJoinRequestMutation(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: { message?: string }) =>
      dataOf(await api.POST('/api/communities/{slug}/requests', { params: { path: { slug } }, body })),
    onSuccess: () => refreshMembership(queryClient, slug),
  });
}

/** Leaves the community. */
export function useLeaveMutation(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () =>
      dataOf(await api.POST('/api/communities/{slug}/leave', { params: { path: { slug } } })),
    onSuccess: () => refreshMembership(queryClient, slug),
  });
}

/** The members, searched by name and filtered by role ('' for all), one page after another. */
export function useCommunityMembers(slug: string, filters: { q: string; role: MembershipRole | '' }) {
  return useInfiniteQuery({
    queryKey: [...keys.communityMembers(slug), filters],
    queryFn: async ({ pageParam }) =>
      pageOf(
        await api.GET('/api/communities/{slug}/members', {
          params: { path: { slug }, query: filled({ ...filters, cursor: pageParam }) },
        }),
      ),
    ...cursorPages,
    placeholderData: keepPreviousData,
  });
}

export interface MemberRoleInput {
  member: { id: string; displayName: string };
  role: MembershipRole;
}

/**
 * Changes a member's role; the community (its member list too) is read again whether or not it worked.
 * The list's own confirmation comes through `callbacks`.
 */
export function useChangeMemberRoleMutation(
  slug: string,
  callbacks: { onMutate?: () => void; onSuccess?: (input: MemberRoleInput) => void } = {},
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: MemberRoleInput) =>
      dataOf(
        await api.PATCH('/api/communities/{slug}/members/{userId}', {
          params: { path: { slug, userId: input.member.id } },
          body: { role: input.role },
        }),
      ),
    onMutate: () => callbacks.onMutate?.(),
    onSuccess: (_data, input) => callbacks.onSuccess?.(input),
    onSettled: () => queryClient.invalidateQueries({ queryKey: keys.community(slug) }),
  });
}

/** Removes a member; the community and the directory (its member count) are read again. */
export function useRemoveMemberMutation(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (userId: string) =>
      dataOf(
        await api.DELETE('/api/communities/{slug}/members/{userId}', { params: { path: { slug, userId } } }),
      ),
    onSuccess: () => refreshMembership(queryClient, slug),
  });
}

/** The requests to join waiting for the leaders. */
export function useJoinRequests(slug: string) {
  return useQuery({
    queryKey: keys.communityRequests(slug),
    queryFn: async () =>
      dataOf(await api.GET('/api/communities/{slug}/requests', { params: { path: { slug } } })),
  });
}

/** Approves or declines a request to join, with an optional message. */
export function useDecideJoinRequestMutation(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: { id: string; decision: 'approve' | 'decline'; message?: string }) => {
      const { id, ...body } = input;
      return dataOf(
        await api.POST('/api/communities/{slug}/requests/{id}/decision', {
          params: { path: { slug, id } },
          body,
        }),
      );
    },
    onSuccess: () => refreshMembership(queryClient, slug),
  });
}

/** The open invitations and links, a hundred at a time, with their total. */
export function useOpenInvitations(slug: string) {
  return useInfiniteQuery({
    queryKey: keys.communityInvitations(slug),
    queryFn: async ({ pageParam }): Promise<InvitationsAnswer> => {
      const { data } = await api.GET('/api/communities/{slug}/invitations', {
        params: { path: { slug }, query: filled({ cursor: pageParam, limit: 100 }) },
      });
      if (!data) throw networkError();
      return data;
    },
    ...cursorPages,
  });
}

/** Invites by email; the open invitations are read again (not awaited: the page shows the results at once). */
export function useInviteMutation(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: InviteInput) =>
      dataOf(await api.POST('/api/communities/{slug}/invitations', { params: { path: { slug } }, body })),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: keys.communityInvitations(slug) });
    },
  });
}

/** Makes a shareable link; the open invitations are read again (not awaited: the link shows at once). */
export function useInviteLinkMutation(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: InviteLinkInput) =>
      dataOf(await api.POST('/api/communities/{slug}/invite-links', { params: { path: { slug } }, body })),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: keys.communityInvitations(slug) });
    },
  });
}

/**
 * Invites a CSV file's addresses (multipart, through client.ts): `dryRun` only checks the file; a real
 * run reads the open invitations again.
 */
export function useCsvInviteMutation(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { file: File; role: string; dryRun: boolean }) =>
      apiPostFile<CsvReport>(`/communities/${slug}/invitations/csv`, input.file, {
        dryRun: input.dryRun ? 'true' : 'false',
        role: input.role,
      }),
    onSuccess: (_report, input) => {
      if (!input.dryRun) void queryClient.invalidateQueries({ queryKey: keys.communityInvitations(slug) });
    },
  });
}

/**
 * Revokes an invitation or link, and takes it out of the pages already loaded rather than reloading them
 * all (a cohort can fill 40).
 */
export function useRevokeInvitationMutation(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (id: string) =>
      dataOf(
        await api.DELETE('/api/communities/{slug}/invitations/{id}', { params: { path: { slug, id } } }),
      ),
    onSuccess: (_data, id) => {
      queryClient.setQueryData<InfiniteData<InvitationsAnswer>>(keys.communityInvitations(slug), (old) =>
        old
          ? {
              ...old,
              pages: old.pages.map((page) => ({
                ...page,
                data: page.data.filter((row) => row.id !== id),
                total: page.total - 1,
              })),
            }
          : old,
      );
    },
  });
}

/** The charter's versions, newest first. */
export function useCharterVersions(slug: string) {
  return useQuery({
    queryKey: keys.charterVersions(slug),
    queryFn: async () =>
      dataOf(await api.GET('/api/communities/{slug}/charter/versions', { params: { path: { slug } } })),
  });
}

/** Saves a new charter version (refused with 409 when someone saved one since `baseVersion`). */
export function useSaveCharterMutation(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: CharterInput) =>
      dataOf(await api.PUT('/api/communities/{slug}/charter', { params: { path: { slug } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.community(slug) }),
  });
}

/** The community's stage changes, newest first. */
export function useStageHistory(slug: string) {
  return useQuery({
    queryKey: keys.communityStages(slug),
    queryFn: async () =>
      dataOf(await api.GET('/api/communities/{slug}/stages', { params: { path: { slug } } })),
  });
}

/** Moves the community to another stage; the community and the directory are read again. */
export function useChangeStageMutation(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: StageInput) =>
      dataOf(await api.POST('/api/communities/{slug}/stage', { params: { path: { slug } }, body })),
    onSuccess: () => refreshMembership(queryClient, slug),
  });
}
