import { z } from 'zod';
import {
  audiences,
  type CharterSectionKey,
  charterSectionKeys,
  charterSectionTitles,
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

/** Field rules shared by the API schemas and the web forms: one definition of what is valid. */
export const emailField = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, 'Email is too long.')
  .pipe(z.email('Enter a valid email address.'));

export const passwordField = z
  .string()
  .min(12, 'Use at least 12 characters.')
  .max(200, 'Use at most 200 characters.');

export const displayNameField = z
  .string()
  .trim()
  .min(1, 'Enter a name.')
  .max(100, 'Use at most 100 characters.');

export const pronounsField = z.string().trim().max(40, 'Use at most 40 characters.');
export const bioField = z.string().max(5000, 'Use at most 5,000 characters.');
export const tagField = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, 'A tag cannot be empty.')
  .max(40, 'A tag has at most 40 characters.');
export const tagListField = z.array(tagField).max(30, 'At most 30 tags.');
/** One of the languages Copse speaks (common/i18n/locales.ts). */
export const localeField = z.enum(locales, 'Choose English, Nederlands or Italiano.');

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
  }, 'Unknown time zone.');

export const roleField = z.enum(userRoles);
export const personKindField = z.enum(personKinds);
export const emailChoiceField = z.enum(emailChoices);
export const notificationKindField = z.enum(notificationKinds);
export const uuidField = z.uuid('Must be a valid id.');
export const unitNameField = z
  .string()
  .trim()
  .min(2, 'Use at least 2 characters.')
  .max(120, 'Use at most 120 characters.');
export const institutionNameField = z
  .string()
  .trim()
  .min(2, 'Use at least 2 characters.')
  .max(120, 'Use at most 120 characters.');

// Proposals, the charter template and contact requests.
export const communityKindField = z.enum(communityKinds);
export const audienceField = z.enum(audiences);
export const meetingFormatField = z.enum(meetingFormats);
export const visibilityField = z.enum(visibilities);
export const joinPolicyField = z.enum(joinPolicies);
export const proposalStatusField = z.enum(proposalStatuses);
export const contactTopicField = z.enum(contactTopics, 'Choose what your message is about.');

export const communityNameField = z
  .string({ error: 'Give the community a name.' })
  .trim()
  .min(3, 'Use at least 3 characters.')
  .max(120, 'Use at most 120 characters.');
export const purposeField = z
  .string({ error: 'Describe the purpose: the common interest that brings people together.' })
  .trim()
  .min(1, 'Describe the purpose: the common interest that brings people together.')
  .max(2000, 'Use at most 2,000 characters.');
/** Objectives, intended members, meeting plan, support needed: optional free text. */
export const proposalTextField = z.string().trim().max(5000, 'Use at most 5,000 characters.');
export const coLeaderIdsField = z
  .array(z.uuid('Choose people from the list.'))
  .max(10, 'Invite at most 10 co-leaders.');
/** A message in a conversation: a comment, a review note or an answer. */
export const messageBodyField = z
  .string({ error: 'Write a message.' })
  .trim()
  .min(1, 'Write a message.')
  .max(5000, 'Use at most 5,000 characters.');
export const charterSectionField = z.string().max(20_000, 'Use at most 20,000 characters.');
/**
 * A community's charter: every section written (Markdown, kept as typed). A whitespace-only section is
 * refused with a message naming it, so a save cannot quietly blank a section as a new version.
 */
export const charterSectionsField = z.strictObject(
  Object.fromEntries(
    charterSectionKeys.map((key) => [
      key,
      charterSectionField.regex(
        /\S/,
        `Write the ${charterSectionTitles[key]} section: a charter section cannot be empty.`,
      ),
    ]),
  ) as Record<CharterSectionKey, typeof charterSectionField>,
);
export const contactMessageField = messageBodyField;

/** Community details edited by leaders, and short notes (stage changes, join requests). */
export const longTextField = z.string().trim().max(10_000, 'Use at most 10,000 characters.');
export const shortMessageField = z.string().trim().max(2000, 'Use at most 2,000 characters.');

// Discussions (issue #5).
export const threadTitleField = z
  .string()
  .trim()
  .min(3, 'Give the thread a title of at least 3 characters.')
  .max(200, 'Use at most 200 characters.');
export const postBodyField = z
  .string()
  .trim()
  .min(1, 'Write something first.')
  .max(50_000, 'Use at most 50,000 characters.');
export const reactionField = z.enum(
  ['👍', '❤️', '🎉', '💡', '🙏', '😄'],
  'Choose one of the offered reactions.',
);

// The Toolkit (issue #5).
export const resourceTitleField = z
  .string()
  .trim()
  .min(3, 'Give the resource a title of at least 3 characters.')
  .max(200, 'Use at most 200 characters.');
export const resourceDescriptionField = z.string().trim().max(10_000, 'Use at most 10,000 characters.');
export const resourceBodyField = z.string().trim().max(100_000, 'Use at most 100,000 characters.');
/** A web address people open from the Toolkit: http(s) only, so no javascript: or data: links. */
export const resourceUrlField = z
  .string()
  .trim()
  .max(2000, 'Use at most 2,000 characters.')
  .refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname !== '';
    } catch {
      return false;
    }
  }, 'Enter a web address starting with https://.');
export const topicNameField = z
  .string()
  .trim()
  .min(2, 'Use at least 2 characters.')
  .max(60, 'Use at most 60 characters.');
export const collectionTitleField = z
  .string()
  .trim()
  .min(3, 'Give the collection a title of at least 3 characters.')
  .max(120, 'Use at most 120 characters.');
export const useStoryField = z.string().trim().max(5000, 'Use at most 5,000 characters.');
