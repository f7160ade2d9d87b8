import { renderMarkdown } from '../../common/markdown.ts';
import { markdownToPlainText } from '../../common/plain-text.ts';
import type { Actor } from '../lib/actor.ts';
import { excerpt } from '../lib/excerpt.ts';
import { findAllowedTypeByMime } from '../lib/files/allow-list.ts';
import { type VideoProvider, videoUrls } from '../lib/video.ts';
import { isAllowed } from '../policies/decision.ts';
import {
  mayChangeResource,
  mayCurateToolkit,
  mayDiscussResource,
  mayFeatureResource,
  mayRecordResourceUse,
} from '../policies/toolkit.ts';
import type { ResourceForActor, ResourceSummaryRow } from '../queries/toolkit.ts';
import { authorOf } from './discussions.ts';

/** Images (by the type found in their bytes at upload) are shown in the page; the rest downloads. */
export function isInlineImage(mime: string | null): boolean {
  return mime !== null && findAllowedTypeByMime(mime)?.disposition === 'inline';
}

/** A resource as cards show it. */
export function presentResourceSummary(row: ResourceSummaryRow) {
  const file =
    row.fileName !== null && row.fileMime !== null
      ? {
          name: row.fileName,
          mime: row.fileMime,
          size: row.fileSize ?? 0,
          isImage: isInlineImage(row.fileMime),
        }
      : null;
  return {
    id: row.id,
    communityId: row.communityId,
    community: { id: row.communityId, slug: row.communitySlug, name: row.communityName },
    kind: row.kind,
    title: row.title,
    excerpt: excerpt(markdownToPlainText(row.description || row.body), 200),
    url: row.url,
    file,
    featured: row.featuredAt !== null,
    featuredAt: row.featuredAt?.toISOString() ?? null,
    viewCount: row.viewCount,
    downloadCount: row.downloadCount,
    useCount: row.useCount,
    commentCount: row.commentCount,
    topics: row.topics,
    author: authorOf(row),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** One resource: its card, its content rendered safely, its embed or file, and what the viewer may do. */
export function presentResource(found: ResourceForActor, actor: Actor | null) {
  const { resource, community, membership } = found;
  const summary = presentResourceSummary(resource);
  const change = isAllowed(mayChangeResource(actor, community, membership, resource));
  const video =
    resource.videoProvider !== null && resource.videoId !== null
      ? { provider: resource.videoProvider as VideoProvider, videoId: resource.videoId }
      : null;
  return {
    ...summary,
    description: resource.description,
    descriptionHtml: renderMarkdown(resource.description),
    body: resource.body,
    bodyHtml: renderMarkdown(resource.body),
    embed: video ? { ...video, ...videoUrls(video), title: resource.title } : null,
    file: summary.file
      ? {
          ...summary.file,
          downloadUrl: `/api/resources/${resource.id}/download`,
          viewUrl: summary.file.isImage ? `/api/resources/${resource.id}/view` : null,
        }
      : null,
    discussionId: resource.discussionId,
    collections: resource.collections,
    viewerUse: resource.viewerUse,
    abilities: {
      edit: change,
      delete: change,
      feature: isAllowed(mayFeatureResource(actor, community, membership)),
      recordUse: isAllowed(mayRecordResourceUse(actor, community, membership)),
      // Starting the discussion or commenting in it (the thread's own abilities say who may reply).
      comment: isAllowed(mayDiscussResource(actor, community, membership)),
      curate: isAllowed(mayCurateToolkit(actor, community, membership)),
    },
  };
}

/** An "I used this" record. */
export function presentResourceUse(row: {
  id: string;
  kind: 'used' | 'adapted';
  story: string;
  createdAt: Date;
  userId: string | null;
  personName: string | null;
  personPhoto: string | null;
  personUpdatedAt: Date | null;
}) {
  return {
    id: row.id,
    kind: row.kind,
    story: row.story,
    storyHtml: renderMarkdown(row.story),
    person: authorOf({
      authorId: row.userId,
      authorName: row.personName,
      authorPhoto: row.personPhoto,
      authorUpdatedAt: row.personUpdatedAt,
    }),
    createdAt: row.createdAt.toISOString(),
  };
}

/** A collection in the Toolkit's list. */
export function presentCollection(row: {
  id: string;
  title: string;
  description: string;
  resourceCount: number;
  createdAt: Date;
}) {
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    descriptionHtml: renderMarkdown(row.description),
    resourceCount: row.resourceCount,
    createdAt: row.createdAt.toISOString(),
  };
}
