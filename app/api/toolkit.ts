/**
 * The Toolkit's API types (inferred from its contract, common/contracts/toolkit.ts; type-only imports, so
 * no schema reaches the bundle), its query and mutation hooks (through the typed client; each mutation
 * refreshes what it changed) and the multipart upload.
 */
import {
  type QueryClient,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { useCallback } from 'react';
import type { z } from 'zod';
import type {
  collectionDetailSchema,
  collectionSchema,
  resourceSchema,
  resourceSummarySchema,
  resourceUseSchema,
  toolkitSchema,
} from '../../common/contracts/toolkit.ts';
import type { ResourceKind, ResourceUseKind } from '../../common/enums.ts';
import { i18n } from '../i18n/i18n.ts';
import { formatNumber } from '../lib/format.ts';
import { ApiError, fetchApi } from './client.ts';
import type { paths } from './openapi.gen.ts';
import { api, cursorPages, dataOf, type Json, pageOf } from './typed-client.ts';

export type ResourceSummary = z.infer<typeof resourceSummarySchema>;
export type Resource = z.infer<typeof resourceSchema>;
export type ResourceFile = NonNullable<Resource['file']>;
export type ResourceEmbed = NonNullable<Resource['embed']>;
export type ResourceUse = z.infer<typeof resourceUseSchema>;
export type TopicRef = ResourceSummary['topics'][number];
export type Topic = Toolkit['topics'][number];
export type Collection = z.infer<typeof collectionSchema>;
export type Toolkit = z.infer<typeof toolkitSchema>;
export type CollectionDetail = z.infer<typeof collectionDetailSchema>;

type CreateResourceBody = Json<paths['/api/communities/{slug}/resources']['post']['requestBody']>;
type UpdateResourceBody = Json<paths['/api/resources/{id}']['patch']['requestBody']>;

export interface ResourceFilters {
  q?: string;
  kind?: ResourceKind | '';
  topicId?: string;
  collectionId?: string;
  sort?: 'newest' | 'popular' | 'title';
}

export const toolkitKeys = {
  toolkit: (slug: string) => ['community', slug, 'toolkit'] as const,
  resources: (slug: string, filters: ResourceFilters) =>
    ['community', slug, 'toolkit', 'resources', filters] as const,
  resource: (id: string) => ['resources', id] as const,
  uses: (id: string) => ['resources', id, 'uses'] as const,
  collection: (id: string) => ['toolkit-collections', id] as const,
};

/** A community's Toolkit: featured resources, topics, collections, counts and what the viewer may do. */
export function useToolkit(slug: string) {
  return useQuery({
    queryKey: toolkitKeys.toolkit(slug),
    queryFn: async () =>
      dataOf(await api.GET('/api/communities/{slug}/toolkit', { params: { path: { slug } } })),
  });
}

/** A community's resources, filtered, one page after another (empty filters are left out). */
export function useResources(slug: string, filters: ResourceFilters) {
  return useInfiniteQuery({
    queryKey: toolkitKeys.resources(slug, filters),
    queryFn: async ({ pageParam }) =>
      pageOf(
        await api.GET('/api/communities/{slug}/resources', {
          params: {
            path: { slug },
            query: {
              q: filters.q || undefined,
              kind: filters.kind || undefined,
              topicId: filters.topicId || undefined,
              collectionId: filters.collectionId || undefined,
              sort: filters.sort,
              cursor: pageParam || undefined,
            },
          },
        }),
      ),
    ...cursorPages,
  });
}

/** One resource (the server counts a view once per person per day). */
export function useResource(id: string) {
  return useQuery({
    queryKey: toolkitKeys.resource(id),
    queryFn: async () => dataOf(await api.GET('/api/resources/{id}', { params: { path: { id } } })),
  });
}

/** The "I used this" records of a resource, newest first. */
export function useResourceUses(id: string) {
  return useInfiniteQuery({
    queryKey: toolkitKeys.uses(id),
    queryFn: async ({ pageParam }) =>
      pageOf(
        await api.GET('/api/resources/{id}/uses', {
          params: { path: { id }, query: { cursor: pageParam || undefined } },
        }),
      ),
    ...cursorPages,
  });
}

/** A collection with its resources in order. */
export function useCollection(id: string) {
  return useQuery({
    queryKey: toolkitKeys.collection(id),
    queryFn: async () => dataOf(await api.GET('/api/toolkit/collections/{id}', { params: { path: { id } } })),
  });
}

/**
 * Shows a resource's new counts once the server has them (after a download the browser made itself,
 * or a change in its discussion).
 */
export function useRefreshResource(id: string): () => Promise<void> {
  const queryClient = useQueryClient();
  return useCallback(
    () => queryClient.invalidateQueries({ queryKey: toolkitKeys.resource(id) }),
    [queryClient, id],
  );
}

/** Add a resource (a link, video, tool or article; files go through `uploadResource`); answers its id. */
export function useCreateResourceMutation(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: CreateResourceBody) =>
      dataOf(await api.POST('/api/communities/{slug}/resources', { params: { path: { slug } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: toolkitKeys.toolkit(slug) }),
  });
}

/** After a file upload (multipart, outside the typed client): the Toolkit and the resource refresh. */
export function useResourceUploaded(slug: string): (id: string) => Promise<void> {
  const queryClient = useQueryClient();
  return useCallback(
    async (id: string) => {
      await queryClient.invalidateQueries({ queryKey: toolkitKeys.toolkit(slug) });
      await queryClient.invalidateQueries({ queryKey: toolkitKeys.resource(id) });
    },
    [queryClient, slug],
  );
}

/** Change a resource. */
export function useUpdateResourceMutation(id: string, slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: UpdateResourceBody) =>
      dataOf(await api.PATCH('/api/resources/{id}', { params: { path: { id } }, body })),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: toolkitKeys.toolkit(slug) });
      await queryClient.invalidateQueries({ queryKey: toolkitKeys.resource(id) });
    },
  });
}

/** Delete a resource: the Toolkit refreshes and the resource leaves the cache. */
export function useDeleteResourceMutation(id: string, slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () => dataOf(await api.DELETE('/api/resources/{id}', { params: { path: { id } } })),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: toolkitKeys.toolkit(slug) });
      queryClient.removeQueries({ queryKey: toolkitKeys.resource(id) });
    },
  });
}

/** Feature a resource on the Toolkit's front, or stop. */
export function useFeatureResourceMutation(id: string, slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (featured: boolean) =>
      dataOf(await api.PUT('/api/resources/{id}/featured', { params: { path: { id } }, body: { featured } })),
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: toolkitKeys.resource(id) }),
        queryClient.invalidateQueries({ queryKey: toolkitKeys.toolkit(slug) }),
      ]);
    },
  });
}

/** Start the resource's discussion (the first comment opens it). */
export function useStartResourceDiscussionMutation(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () =>
      dataOf(await api.POST('/api/resources/{id}/discussion', { params: { path: { id } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: toolkitKeys.resource(id) }),
  });
}

async function refreshUses(queryClient: QueryClient, id: string): Promise<void> {
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: toolkitKeys.resource(id) }),
    queryClient.invalidateQueries({ queryKey: toolkitKeys.uses(id) }),
  ]);
}

/** Record what the viewer did with the resource, or change their record (`useId`). */
export function useSaveResourceUseMutation(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: { useId?: string; kind: ResourceUseKind; story: string }) => {
      if (input.useId) {
        return dataOf(
          await api.PATCH('/api/resources/{id}/uses/{useId}', {
            params: { path: { id, useId: input.useId } },
            body: { kind: input.kind, story: input.story },
          }),
        );
      }
      return dataOf(
        await api.POST('/api/resources/{id}/uses', {
          params: { path: { id } },
          body: { kind: input.kind, ...(input.story ? { story: input.story } : {}) },
        }),
      );
    },
    onSuccess: () => refreshUses(queryClient, id),
  });
}

/** Delete a record (the viewer's own, or any for curators). */
export function useDeleteResourceUseMutation(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (useId: string) =>
      dataOf(await api.DELETE('/api/resources/{id}/uses/{useId}', { params: { path: { id, useId } } })),
    onSuccess: () => refreshUses(queryClient, id),
  });
}

/** Curators add a topic (under `parentId` for a sub-topic). */
export function useAddTopicMutation(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: { name: string; parentId?: string }) =>
      dataOf(await api.POST('/api/communities/{slug}/toolkit/topics', { params: { path: { slug } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: toolkitKeys.toolkit(slug) }),
  });
}

/** Curators rename a topic. */
export function useRenameTopicMutation(id: string, slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (name: string) =>
      dataOf(await api.PATCH('/api/toolkit/topics/{id}', { params: { path: { id } }, body: { name } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: toolkitKeys.toolkit(slug) }),
  });
}

/** Curators delete a topic. */
export function useDeleteTopicMutation(id: string, slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () =>
      dataOf(await api.DELETE('/api/toolkit/topics/{id}', { params: { path: { id } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: toolkitKeys.toolkit(slug) }),
  });
}

/** Curators make a collection. */
export function useAddCollectionMutation(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: { title: string; description: string }) =>
      dataOf(
        await api.POST('/api/communities/{slug}/toolkit/collections', { params: { path: { slug } }, body }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: toolkitKeys.toolkit(slug) }),
  });
}

async function refreshCollection(queryClient: QueryClient, id: string, slug: string): Promise<void> {
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: toolkitKeys.collection(id) }),
    queryClient.invalidateQueries({ queryKey: toolkitKeys.toolkit(slug) }),
  ]);
}

/** Change a collection's title and description. */
export function useUpdateCollectionMutation(id: string, slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: { title: string; description: string }) =>
      dataOf(await api.PATCH('/api/toolkit/collections/{id}', { params: { path: { id } }, body })),
    onSuccess: () => refreshCollection(queryClient, id, slug),
  });
}

/** Save a collection's resources, in order. */
export function useCollectionResourcesMutation(id: string, slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (resourceIds: string[]) =>
      dataOf(
        await api.PUT('/api/toolkit/collections/{id}/resources', {
          params: { path: { id } },
          body: { resourceIds },
        }),
      ),
    onSuccess: () => refreshCollection(queryClient, id, slug),
  });
}

/** Delete a collection: the Toolkit refreshes and the collection leaves the cache. */
export function useDeleteCollectionMutation(id: string, slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () =>
      dataOf(await api.DELETE('/api/toolkit/collections/{id}', { params: { path: { id } } })),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: toolkitKeys.toolkit(slug) });
      queryClient.removeQueries({ queryKey: toolkitKeys.collection(id) });
    },
  });
}

/** Bytes as "12 KB" ("1.5 MB" in English, "1,5 MB" in Dutch and Italian). */
export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  const megabytes = formatNumber(bytes / (1024 * 1024), {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
    useGrouping: false,
  });
  return `${megabytes} MB`;
}

/** Kinds whose content is a file upload, a URL, or article text. */
export const fileKinds: readonly ResourceKind[] = ['file', 'template', 'lesson_plan', 'strategy_document'];
export const urlKinds: readonly ResourceKind[] = ['link', 'video', 'tool'];

/**
 * POSTs a new file resource as multipart/form-data: the fields first, then the `file` part (the server
 * reads the fields before it streams the file). Errors become an ApiError with the server's field messages.
 */
export async function uploadResource(
  slug: string,
  fields: { kind: ResourceKind; title: string; description: string; topicIds: string[] },
  file: File,
): Promise<{ id: string }> {
  const form = new FormData();
  form.append('kind', fields.kind);
  form.append('title', fields.title);
  if (fields.description) form.append('description', fields.description);
  for (const id of fields.topicIds) form.append('topicIds', id);
  form.append('file', file);
  // With an Idempotency-Key, reused if it is sent again after no answer came: one resource either way.
  const response = await fetchApi(`/api/communities/${slug}/resources/upload`, {
    method: 'POST',
    body: form,
    headers: { Accept: 'application/json' },
  });
  const text = await response.text();
  let body: unknown;
  try {
    body = text ? (JSON.parse(text) as unknown) : undefined;
  } catch {
    body = undefined;
  }
  const record = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  if (!response.ok) {
    const fieldsIn = typeof record.fields === 'object' && record.fields !== null ? record.fields : {};
    const fieldErrors: Record<string, string> = {};
    for (const [key, value] of Object.entries(fieldsIn))
      if (typeof value === 'string') fieldErrors[key] = value;
    // A refusal about the file itself (too large, wrong type) belongs beside the file field.
    if (!fieldErrors.file && (response.status === 413 || response.status === 415)) {
      fieldErrors.file =
        typeof record.message === 'string'
          ? record.message
          : response.status === 413
            ? i18n._('toolkit.api.tooLarge')
            : i18n._('toolkit.api.wrongType');
    }
    throw new ApiError(
      response.status,
      typeof record.error === 'string' ? record.error : 'internal',
      typeof record.message === 'string'
        ? record.message
        : response.status === 413
          ? i18n._('toolkit.api.tooLarge')
          : i18n._('common.error.status', { status: response.status }),
      fieldErrors,
    );
  }
  return record.data as { id: string };
}
