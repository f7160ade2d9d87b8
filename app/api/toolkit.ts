/**
 * The Toolkit's API types and hooks. Types follow the Toolkit API contract (written by hand so the web
 * app builds while the API lands; they describe the same JSON the server's presenters return).
 */
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { ResourceKind, ResourceUseKind } from '../../common/enums.ts';
import { ApiError, apiGet, apiGetPage } from './client.ts';

export interface PersonRef {
  id: string;
  displayName: string;
  photoUrl: string | null;
}

export interface TopicRef {
  id: string;
  name: string;
  parentId: string | null;
}

export interface ResourceSummary {
  id: string;
  communityId: string;
  community: { id: string; slug: string; name: string };
  kind: ResourceKind;
  title: string;
  excerpt: string;
  url: string | null;
  file: { name: string; mime: string; size: number; isImage: boolean } | null;
  featured: boolean;
  featuredAt: string | null;
  viewCount: number;
  downloadCount: number;
  useCount: number;
  commentCount: number;
  topics: TopicRef[];
  author: PersonRef | null;
  createdAt: string;
  updatedAt: string;
}

export interface ResourceFile {
  name: string;
  mime: string;
  size: number;
  isImage: boolean;
  downloadUrl: string;
  viewUrl: string | null;
}

export interface ResourceEmbed {
  provider: 'youtube' | 'vimeo';
  videoId: string;
  embedUrl: string;
  watchUrl: string;
  title: string;
}

export interface Resource extends Omit<ResourceSummary, 'file'> {
  description: string;
  descriptionHtml: string;
  body: string;
  bodyHtml: string;
  embed: ResourceEmbed | null;
  file: ResourceFile | null;
  discussionId: string | null;
  collections: { id: string; title: string }[];
  viewerUse: { id: string; kind: ResourceUseKind; story: string } | null;
  abilities: {
    edit: boolean;
    delete: boolean;
    feature: boolean;
    recordUse: boolean;
    comment: boolean;
    curate: boolean;
  };
}

export interface ResourceUse {
  id: string;
  kind: ResourceUseKind;
  story: string;
  storyHtml: string;
  person: PersonRef | null;
  createdAt: string;
}

export interface Topic extends TopicRef {
  resourceCount: number;
}

export interface Collection {
  id: string;
  title: string;
  description: string;
  descriptionHtml: string;
  resourceCount: number;
  createdAt: string;
}

export interface Toolkit {
  featured: ResourceSummary[];
  topics: Topic[];
  collections: Collection[];
  counts: { resources: number };
  abilities: { contribute: boolean; curate: boolean };
}

export interface CollectionDetail extends Collection {
  community: { id: string; slug: string; name: string };
  resources: ResourceSummary[];
  abilities: { curate: boolean };
}

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

/** Bytes as "12 KB". */
export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
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
    throw new ApiError(0, 'network', 'Copse could not be reached. Check your connection and try again.');
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
            ? 'This file is too large.'
            : 'This type of file is not accepted.';
    }
    throw new ApiError(
      response.status,
      typeof record.error === 'string' ? record.error : 'internal',
      typeof record.message === 'string'
        ? record.message
        : response.status === 413
          ? 'This file is too large.'
          : `Something went wrong (${response.status}).`,
      fieldErrors,
    );
  }
  return record.data as { id: string };
}
