/**
 * The Toolkit's API types (inferred from its contract, common/contracts/toolkit.ts; type-only imports, so
 * no schema reaches the bundle), its query hooks and the multipart upload.
 */
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  collectionDetailSchema,
  collectionSchema,
  resourceSchema,
  resourceSummarySchema,
  resourceUseSchema,
  toolkitSchema,
} from '../../common/contracts/toolkit.ts';
import type { ResourceKind } from '../../common/enums.ts';
import { i18n } from '../i18n/i18n.ts';
import { formatNumber } from '../lib/format.ts';
import { ApiError, apiGet, apiGetPage } from './client.ts';

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
    queryFn: () => apiGet<Toolkit>(`/communities/${slug}/toolkit`),
  });
}

/** A community's resources, filtered, one page after another. */
export function useResources(slug: string, filters: ResourceFilters) {
  return useInfiniteQuery({
    queryKey: toolkitKeys.resources(slug, filters),
    queryFn: ({ pageParam }) =>
      apiGetPage<ResourceSummary>(`/communities/${slug}/resources`, { ...filters, cursor: pageParam }),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** One resource (the server counts a view once per person per day). */
export function useResource(id: string) {
  return useQuery({
    queryKey: toolkitKeys.resource(id),
    queryFn: () => apiGet<Resource>(`/resources/${id}`),
  });
}

/** The "I used this" records of a resource, newest first. */
export function useResourceUses(id: string) {
  return useInfiniteQuery({
    queryKey: toolkitKeys.uses(id),
    queryFn: ({ pageParam }) => apiGetPage<ResourceUse>(`/resources/${id}/uses`, { cursor: pageParam }),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** A collection with its resources in order. */
export function useCollection(id: string) {
  return useQuery({
    queryKey: toolkitKeys.collection(id),
    queryFn: () => apiGet<CollectionDetail>(`/toolkit/collections/${id}`),
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
  let response: Response;
  try {
    response = await fetch(`/api/communities/${slug}/resources/upload`, {
      method: 'POST',
      body: form,
      credentials: 'same-origin',
      headers: { Accept: 'application/json' },
    });
  } catch {
    throw new ApiError(0, 'network', i18n._('common.error.network'));
  }
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
