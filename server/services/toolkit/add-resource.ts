import type { ResourceKind } from '../../../common/enums.ts';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../lib/actor.ts';
import { checkUpload } from '../../lib/files/check-upload.ts';
import type { TempFile } from '../../lib/files/temp-file.ts';
import { parseVideoUrl } from '../../lib/video.ts';
import { enforce } from '../../policies/decision.ts';
import { mayAddResource } from '../../policies/toolkit.ts';
import { recordActivity } from '../../queries/activity.ts';
import { updateCommunityActivity } from '../../queries/communities.ts';
import { insertResource, insertResourceTopics } from '../../queries/toolkit-resources.ts';
import { loadVisibleCommunity } from '../communities/load-community.ts';
import type { ServiceDeps } from '../context.ts';
import { checkTopics } from './load-resource.ts';
import { withStoredFile } from './stored-files.ts';

/** The community by slug, if the actor may add to its Toolkit (404 unseen, 403 otherwise). */
async function loadCommunityToContribute(db: Db, actor: Actor, slug: string) {
  const { community, membership } = await loadVisibleCommunity(db, actor, slug);
  enforce(mayAddResource(actor, community, membership));
  return community;
}

interface ResourceFields {
  kind: ResourceKind;
  title: string;
  description: string;
  topicIds: string[];
}

/** Inserts a resource and its topics, and marks the community active. */
export async function saveResource(
  db: Db,
  communityId: string,
  authorId: string,
  values: ResourceFields & {
    url?: string | null;
    body?: string;
    file?: { key: string; name: string; mime: string; size: number };
  },
): Promise<string> {
  const video = values.url && values.kind === 'video' ? parseVideoUrl(values.url) : undefined;
  const row = await insertResource(db, {
    communityId,
    authorId,
    kind: values.kind,
    title: values.title,
    description: values.description,
    body: values.body ?? '',
    url: values.url ?? null,
    videoProvider: video?.provider ?? null,
    videoId: video?.videoId ?? null,
    fileKey: values.file?.key ?? null,
    fileName: values.file?.name ?? null,
    fileMime: values.file?.mime ?? null,
    fileSize: values.file?.size ?? null,
  });
  const id = row?.id ?? '';
  await insertResourceTopics(db, id, values.topicIds);
  await updateCommunityActivity(db, communityId);
  await recordActivity(db, {
    communityId,
    actorId: authorId,
    kind: 'resource.added',
    subjectType: 'resource',
    subjectId: id,
  });
  return id;
}

/** Adds a link, a video link, a tool or an article (Markdown) to a community's Toolkit. */
export async function addResource(
  deps: ServiceDeps,
  actor: Actor,
  slug: string,
  input: ResourceFields & { url?: string | undefined; body?: string | undefined },
): Promise<string> {
  return deps.database.db.transaction(async (tx) => {
    const community = await loadCommunityToContribute(tx, actor, slug);
    const topicIds = await checkTopics(tx, community.id, input.topicIds);
    return saveResource(tx, community.id, actor.id, {
      ...input,
      topicIds,
      url: input.kind === 'article' ? null : (input.url ?? null),
      body: input.kind === 'article' ? (input.body ?? '') : '',
    });
  });
}

/**
 * Adds an uploaded file. The route has refused unpermitted actors and bad fields before reading the
 * bytes; here the bytes are checked against the allow-list, then the file is stored under a
 * generated name and the row written; if the write fails, the stored file is removed again.
 */
export async function addUploadedResource(
  deps: ServiceDeps,
  actor: Actor,
  slug: string,
  input: ResourceFields,
  upload: { filename: string; bytes: Buffer | TempFile },
): Promise<string> {
  const { db } = deps.database;
  const checked = await checkUpload({
    filename: upload.filename,
    bytes: upload.bytes,
    maxBytes: deps.env.UPLOAD_MAX_MB * 1024 * 1024,
  });
  return withStoredFile(deps.storage, upload.bytes, (key) =>
    db.transaction(async (tx) => {
      // Decided inside the transaction that writes the row (the route also asks before reading the
      // bytes): the member may have left or been suspended while the file was on its way.
      const community = await loadCommunityToContribute(tx, actor, slug);
      const topicIds = await checkTopics(tx, community.id, input.topicIds);
      return saveResource(tx, community.id, actor.id, {
        ...input,
        topicIds,
        file: {
          key,
          name: checked.safeName,
          mime: checked.mime,
          size: Buffer.isBuffer(upload.bytes) ? upload.bytes.length : upload.bytes.size,
        },
      });
    }),
  );
}

/** Refuses an upload (403/404) before its bytes are read, when the actor may not add to the Toolkit. */
export async function checkMayUpload(deps: ServiceDeps, actor: Actor, slug: string): Promise<void> {
  await loadCommunityToContribute(deps.database.db, actor, slug);
}
