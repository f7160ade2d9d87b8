/** Projects with external partners (#18 §4) through the typed client. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { paths } from './openapi.gen.ts';
import { api, dataOf, type Json } from './typed-client.ts';

export type CreateProjectBody = Json<paths['/api/communities/{slug}/projects']['post']['requestBody']>;
export type ChangeProjectBody = Json<paths['/api/projects/{id}']['patch']['requestBody']>;
export type InvitePartnerBody = Json<paths['/api/projects/{id}/partners']['post']['requestBody']>;
export type ProjectMilestoneBody = Json<paths['/api/projects/{id}/milestones']['post']['requestBody']>;
export type ProjectTaskBody = Json<paths['/api/projects/{id}/tasks']['post']['requestBody']>;
export type ProjectOutputBody = Json<paths['/api/projects/{id}/outputs']['post']['requestBody']>;

/** The projects of a community the viewer may know of, and whether they may start one. */
export function useCommunityProjects(slug: string) {
  return useQuery({
    queryKey: ['projects', 'community', slug],
    queryFn: async () =>
      dataOf(await api.GET('/api/communities/{slug}/projects', { params: { path: { slug } } })),
  });
}

/** The viewer's own projects across communities. */
export function useMyProjects() {
  return useQuery({
    queryKey: ['projects', 'mine'],
    queryFn: async () => dataOf(await api.GET('/api/me/projects')),
  });
}

/** One project with its members, milestones, tasks and outputs. */
export function useProject(id: string) {
  return useQuery({
    queryKey: ['projects', id],
    queryFn: async () => dataOf(await api.GET('/api/projects/{id}', { params: { path: { id } } })),
  });
}

/** Starting a project. */
export function useCreateProject(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: CreateProjectBody) =>
      dataOf(await api.POST('/api/communities/{slug}/projects', { params: { path: { slug } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['projects'] }),
  });
}

/** The project's actions; each reloads the project. */
export function useProjectActions(id: string) {
  const queryClient = useQueryClient();
  const path = { params: { path: { id } } };
  const after = { onSuccess: () => queryClient.invalidateQueries({ queryKey: ['projects'] }) };
  return {
    setStatus: useMutation({
      mutationFn: async (status: 'active' | 'completed') =>
        dataOf(await api.PATCH('/api/projects/{id}', { ...path, body: { status } })),
      ...after,
    }),
    change: useMutation({
      mutationFn: async (body: ChangeProjectBody) =>
        dataOf(await api.PATCH('/api/projects/{id}', { ...path, body })),
      ...after,
    }),
    setRole: useMutation({
      mutationFn: async (input: { userId: string; role: 'lead' | 'member' }) =>
        dataOf(
          await api.PATCH('/api/projects/{id}/members/{userId}', {
            params: { path: { id, userId: input.userId } },
            body: { role: input.role },
          }),
        ),
      ...after,
    }),
    removeMember: useMutation({
      mutationFn: async (userId: string) =>
        dataOf(await api.DELETE('/api/projects/{id}/members/{userId}', { params: { path: { id, userId } } })),
      ...after,
    }),
    // Leaving: the project's own page is not asked again (it would answer 404 while the page goes).
    leave: useMutation({
      mutationFn: async (userId: string) =>
        dataOf(await api.DELETE('/api/projects/{id}/members/{userId}', { params: { path: { id, userId } } })),
      onSuccess: () =>
        queryClient.invalidateQueries({
          queryKey: ['projects'],
          predicate: (query) => query.queryKey[1] !== id,
        }),
    }),
    invitePartner: useMutation({
      mutationFn: async (body: InvitePartnerBody) =>
        dataOf(await api.POST('/api/projects/{id}/partners', { ...path, body })),
      ...after,
    }),
    addMilestone: useMutation({
      mutationFn: async (body: ProjectMilestoneBody) =>
        dataOf(await api.POST('/api/projects/{id}/milestones', { ...path, body })),
      ...after,
    }),
    markMilestone: useMutation({
      mutationFn: async (input: { itemId: string; done: boolean }) =>
        dataOf(
          await api.PATCH('/api/projects/{id}/milestones/{itemId}', {
            params: { path: { id, itemId: input.itemId } },
            body: { done: input.done },
          }),
        ),
      ...after,
    }),
    addTask: useMutation({
      mutationFn: async (body: ProjectTaskBody) =>
        dataOf(await api.POST('/api/projects/{id}/tasks', { ...path, body })),
      ...after,
    }),
    markTask: useMutation({
      mutationFn: async (input: { itemId: string; status: 'open' | 'done' }) =>
        dataOf(
          await api.PATCH('/api/projects/{id}/tasks/{itemId}', {
            params: { path: { id, itemId: input.itemId } },
            body: { status: input.status },
          }),
        ),
      ...after,
    }),
    addOutput: useMutation({
      mutationFn: async (body: ProjectOutputBody) =>
        dataOf(await api.POST('/api/projects/{id}/outputs', { ...path, body })),
      ...after,
    }),
  };
}
