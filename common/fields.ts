import { z } from 'zod';
import {
  audiences,
  type CharterSectionKey,
  charterSectionKeys,
  communityKinds,
  contactTopics,
  emailChoices,
  joinPolicies,
  meetingFormats,
  notificationKinds,
  personKinds,
  proposalStatuses,
  userRoles,
  visibilities,
} from './enums.ts';
import { locales } from './i18n/locales.ts';
import type { MessageId } from './i18n/message-id.ts';

/** Field rules shared by the API schemas and the web forms: one definition of what is valid. */
export const emailField = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, 'validation.email.tooLong')
  .pipe(z.email('validation.email.invalid'));

export const passwordField = z.string().min(12).max(200);

export const displayNameField = z.string().trim().min(1, 'validation.name.required').max(100);

export const pronounsField = z.string().trim().max(40);

/**
 * A day a date filter may name (the dashboard's range, the audit log's): 2000 to 2999, so the day, the
 * period before it and the day after it are all timestamps the database can hold (year 1 or 9999 were
 * 500s). `format` is the area's own message for a malformed date.
 */
export const filterDayFirst = '2000-01-01';
export const filterDayLast = '2999-12-31';
export function filterDayField(format: MessageId) {
  return z.iso
    .date(format)
    .refine((day) => day >= filterDayFirst && day <= filterDayLast, 'validation.date.outOfRange');
}
export const bioField = z.string().max(5000);
export const tagField = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, 'validation.tag.empty')
  .max(40, 'validation.tag.tooLong');
export const tagListField = z.array(tagField).max(30, 'validation.tags.tooMany');
/** One of the languages Copse speaks (common/i18n/locales.ts). */
export const localeField = z.enum(locales, 'validation.locale.choose');

export const timeZoneField = z
  .string()
  .max(64)
  .refine((zone) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: zone });
      return true;
    } catch {
      return false;
    }
  }, 'validation.timeZone.unknown');

export const roleField = z.enum(userRoles);
export const personKindField = z.enum(personKinds);
export const emailChoiceField = z.enum(emailChoices);
export const notificationKindField = z.enum(notificationKinds);
export const uuidField = z.uuid('validation.id.invalid');
export const unitNameField = z.string().trim().min(2).max(120);
export const institutionNameField = z.string().trim().min(2).max(120);

// Proposals, the charter template and contact requests.
export const communityKindField = z.enum(communityKinds);
export const audienceField = z.enum(audiences);
export const meetingFormatField = z.enum(meetingFormats);
export const visibilityField = z.enum(visibilities);
export const joinPolicyField = z.enum(joinPolicies);
export const proposalStatusField = z.enum(proposalStatuses);
export const contactTopicField = z.enum(contactTopics, 'validation.contact.topic');

export const communityNameField = z
  .string({ error: 'validation.community.nameRequired' })
  .trim()
  .min(3)
  .max(120);
export const purposeField = z
  .string({ error: 'validation.community.purposeRequired' })
  .trim()
  .min(1, 'validation.community.purposeRequired')
  .max(2000);
/** Objectives, intended members, meeting plan, support needed: optional free text. */
export const proposalTextField = z.string().trim().max(5000);
export const coLeaderIdsField = z
  .array(z.uuid('validation.people.fromList'))
  .max(10, 'validation.coLeaders.tooMany');
/** A message in a conversation: a comment, a review note or an answer. */
export const messageBodyField = z
  .string({ error: 'validation.message.required' })
  .trim()
  .min(1, 'validation.message.required')
  .max(5000);
export const charterSectionField = z.string().max(20_000);
/**
 * A community's charter: every section written (Markdown, kept as typed). A whitespace-only section is
 * refused with a message naming it, so a save cannot quietly blank a section as a new version.
 */
const charterSectionEmptyMessages: Record<CharterSectionKey, MessageId> = {
  objectives: 'validation.charter.empty.objectives',
  roles: 'validation.charter.empty.roles',
  decisionMaking: 'validation.charter.empty.decisionMaking',
  participation: 'validation.charter.empty.participation',
  conflictResolution: 'validation.charter.empty.conflictResolution',
};
export const charterSectionsField = z.strictObject(
  Object.fromEntries(
    charterSectionKeys.map((key) => [key, charterSectionField.regex(/\S/, charterSectionEmptyMessages[key])]),
  ) as Record<CharterSectionKey, typeof charterSectionField>,
);
export const contactMessageField = messageBodyField;

/** Community details edited by leaders, and short notes (stage changes, join requests). */
export const longTextField = z.string().trim().max(10_000);
export const shortMessageField = z.string().trim().max(2000);

// Discussions (issue #5).
export const threadTitleField = z.string().trim().min(3, 'validation.thread.titleTooShort').max(200);
export const postBodyField = z.string().trim().min(1, 'validation.post.required').max(50_000);
export const reactionField = z.enum(['👍', '❤️', '🎉', '💡', '🙏', '😄'], 'validation.reaction.choose');

// The Toolkit (issue #5).
export const resourceTitleField = z.string().trim().min(3, 'validation.resource.titleTooShort').max(200);
export const resourceDescriptionField = z.string().trim().max(10_000);
export const resourceBodyField = z.string().trim().max(100_000);
/** A web address people open from the Toolkit: http(s) only, so no javascript: or data: links. */
export const resourceUrlField = z
  .string()
  .trim()
  .max(2000)
  .refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname !== '';
    } catch {
      return false;
    }
  }, 'validation.url.https');
export const topicNameField = z.string().trim().min(2).max(60);
export const collectionTitleField = z.string().trim().min(3, 'validation.collection.titleTooShort').max(120);
export const useStoryField = z.string().trim().max(5000);
