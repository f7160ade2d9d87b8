import { z } from 'zod';
import { contactTopics } from '../enums.ts';
import {
  contactMessageField,
  contactTopicField,
  displayNameField,
  emailField,
  messageBodyField,
} from '../fields.ts';
import { cursorQuery } from './shared.ts';

export const contactBody = z.strictObject({
  topic: contactTopicField,
  message: contactMessageField,
  /** Required when signed out (a signed-in person is answered at their account's address). */
  name: displayNameField.optional(),
  email: emailField.optional(),
});

export const contactRequestsQuery = cursorQuery.extend({
  status: z.enum(['open', 'done']).default('open'),
});

export const replyBody = z.strictObject({ body: messageBodyField });

const personRef = z.object({ id: z.string(), displayName: z.string() }).nullable();

export const contactRequestSummarySchema = z.object({
  id: z.string(),
  topic: z.enum(contactTopics),
  name: z.string(),
  email: z.string(),
  /** Whether the sender was signed in (their account is linked). */
  hasAccount: z.boolean(),
  excerpt: z.string(),
  status: z.enum(['open', 'done']),
  replyCount: z.number(),
  handledBy: personRef,
  createdAt: z.string(),
  doneAt: z.string().nullable(),
});

export const contactRequestSchema = z.object({
  id: z.string(),
  topic: z.enum(contactTopics),
  name: z.string(),
  email: z.string(),
  message: z.string(),
  sender: personRef,
  status: z.enum(['open', 'done']),
  handledBy: personRef,
  replies: z.array(z.object({ id: z.string(), body: z.string(), author: personRef, createdAt: z.string() })),
  createdAt: z.string(),
  doneAt: z.string().nullable(),
});
