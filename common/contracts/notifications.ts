import { z } from 'zod';
import { emailChoices, notificationKinds } from '../enums.ts';
import { emailChoiceField, notificationKindField } from '../fields.ts';
import { cursorQuery } from './shared.ts';

export const notificationSchema = z.object({
  id: z.string(),
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  url: z.string(),
  read: z.boolean(),
  createdAt: z.string(),
});
export const preferenceSchema = z.object({
  kind: z.enum(notificationKinds),
  label: z.string(),
  email: z.enum(emailChoices),
});

export const notificationsQuery = cursorQuery.extend({ unread: z.enum(['true', 'false']).optional() });
export const unreadCountSchema = z.object({ count: z.number() });
export const preferencesBody = z.strictObject({
  preferences: z
    .array(
      z
        .strictObject({ kind: notificationKindField, email: emailChoiceField })
        // The digest kind is the summary itself: daily, weekly or off, never an email per item.
        .refine((p) => !(p.kind === 'community.digest' && p.email === 'immediately'), {
          message: 'validation.digest.notImmediately',
          path: ['email'],
        }),
    )
    .max(notificationKinds.length * 2),
});
