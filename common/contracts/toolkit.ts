import { z } from 'zod';
import { resourceKinds, resourceUseKinds } from '../enums.ts';
import {
  collectionTitleField,
  resourceBodyField,
  resourceDescriptionField,
  resourceTitleField,
  resourceUrlField,
  topicNameField,
  useStoryField,
  uuidField,
} from '../fields.ts';
import { cursorQuery } from './shared.ts';

const personRef = z.object({ id: z.string(), displayName: z.string(), photoUrl: z.string().nullable() });
const communityRef = z.object({ id: z.string(), slug: z.string(), name: z.string() });
const topicRef = z.object({ id: z.string(), name: z.string(), parentId: z.string().nullable() });
const topicIdsField = z.array(uuidField).max(10, 'validation.topics.tooMany').default([]);

/** Kinds whose content is a file: uploaded, or linked to. */
export const fileResourceKinds = ['file', 'template', 'lesson_plan', 'strategy_document'] as const;
/** Kinds that may be uploaded (a video may be an MP4 file as well as a link). */
export const uploadableKinds = [...fileResourceKinds, 'video'] as const;

export const createResourceBody = z
  .strictObject({
    kind: z.enum(resourceKinds, 'validation.resource.kind'),
    title: resourceTitleField,
    description: resourceDescriptionField.default(''),
    url: resourceUrlField.optional(),
    body: resourceBodyField.optional(),
    topicIds: topicIdsField,
  })
  .superRefine((value, context) => {
    if (value.kind === 'article') {
      if (!value.body)
        context.addIssue({ code: 'custom', path: ['body'], message: 'validation.resource.articleBody' });
    } else if (!value.url) {
      context.addIssue({
        code: 'custom',
        path: ['url'],
        message: (fileResourceKinds as readonly string[]).includes(value.kind)
          ? 'validation.resource.documentUrl'
          : 'validation.resource.url',
      });
    }
  });

/** The fields of an upload (multipart), read before the file part. */
export const uploadFields = z.strictObject({
  kind: z.enum(uploadableKinds, 'validation.resource.uploadKind'),
  title: resourceTitleField,
  description: resourceDescriptionField.default(''),
  topicIds: topicIdsField,
});

export const editResourceBody = z.strictObject({
  title: resourceTitleField.optional(),
  description: resourceDescriptionField.optional(),
  url: resourceUrlField.optional(),
  body: resourceBodyField.optional(),
  topicIds: z.array(uuidField).max(10, 'validation.topics.tooMany').optional(),
});

export const featureBody = z.strictObject({ featured: z.boolean() });

export const resourceListQuery = cursorQuery.extend({
  q: z.string().trim().max(200).optional(),
  kind: z.enum(resourceKinds).optional(),
  topicId: uuidField.optional(),
  collectionId: uuidField.optional(),
  sort: z.enum(['newest', 'popular', 'title']).default('newest'),
});

export const useBody = z.strictObject({
  kind: z.enum(resourceUseKinds).default('used'),
  story: useStoryField.default(''),
});
export const editUseBody = z.strictObject({
  kind: z.enum(resourceUseKinds).optional(),
  story: useStoryField.optional(),
});

export const topicBody = z.strictObject({
  name: topicNameField,
  parentId: uuidField.nullable().default(null),
});
export const renameTopicBody = z.strictObject({ name: topicNameField });
export const collectionBody = z.strictObject({
  title: collectionTitleField,
  description: resourceDescriptionField.default(''),
});
export const editCollectionBody = z.strictObject({
  title: collectionTitleField.optional(),
  description: resourceDescriptionField.optional(),
});
export const collectionResourcesBody = z.strictObject({
  resourceIds: z
    .array(uuidField)
    .max(200, 'validation.collection.tooMany')
    .refine((ids) => new Set(ids).size === ids.length, 'validation.collection.duplicate'),
});

export const resourceParams = z.object({ id: uuidField });
export const resourceUseParams = z.object({ id: uuidField, useId: uuidField });

const fileSummary = z.object({
  name: z.string(),
  mime: z.string(),
  size: z.number().int(),
  isImage: z.boolean(),
});

export const resourceSummarySchema = z.object({
  id: z.string(),
  communityId: z.string(),
  community: communityRef,
  kind: z.enum(resourceKinds),
  title: z.string(),
  excerpt: z.string(),
  url: z.string().nullable(),
  file: fileSummary.nullable(),
  featured: z.boolean(),
  featuredAt: z.string().nullable(),
  viewCount: z.number().int(),
  downloadCount: z.number().int(),
  useCount: z.number().int(),
  commentCount: z.number().int(),
  topics: z.array(topicRef),
  author: personRef.nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const resourceSchema = resourceSummarySchema.extend({
  description: z.string(),
  descriptionHtml: z.string(),
  body: z.string(),
  bodyHtml: z.string(),
  embed: z
    .object({
      provider: z.enum(['youtube', 'vimeo']),
      videoId: z.string(),
      embedUrl: z.string(),
      watchUrl: z.string(),
      title: z.string(),
    })
    .nullable(),
  file: fileSummary.extend({ downloadUrl: z.string(), viewUrl: z.string().nullable() }).nullable(),
  discussionId: z.string().nullable(),
  collections: z.array(z.object({ id: z.string(), title: z.string() })),
  viewerUse: z.object({ id: z.string(), kind: z.enum(resourceUseKinds), story: z.string() }).nullable(),
  abilities: z.object({
    edit: z.boolean(),
    delete: z.boolean(),
    feature: z.boolean(),
    recordUse: z.boolean(),
    comment: z.boolean(),
    curate: z.boolean(),
  }),
});

export const resourceUseSchema = z.object({
  id: z.string(),
  kind: z.enum(resourceUseKinds),
  story: z.string(),
  storyHtml: z.string(),
  person: personRef.nullable(),
  createdAt: z.string(),
});

export const collectionSchema = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string(),
  descriptionHtml: z.string(),
  resourceCount: z.number().int(),
  createdAt: z.string(),
});

export const toolkitSchema = z.object({
  featured: z.array(resourceSummarySchema),
  topics: z.array(topicRef.extend({ resourceCount: z.number().int() })),
  collections: z.array(collectionSchema),
  counts: z.object({ resources: z.number().int() }),
  abilities: z.object({ contribute: z.boolean(), curate: z.boolean() }),
  /** The largest file this installation accepts, in MB (UPLOAD_MAX_MB). */
  uploadMaxMb: z.number().int(),
});

export const collectionDetailSchema = collectionSchema.extend({
  community: communityRef,
  resources: z.array(resourceSummarySchema),
  abilities: z.object({ curate: z.boolean() }),
});
