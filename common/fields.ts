import { z } from 'zod';
import { emailChoices, notificationKinds, personKinds, userRoles } from './enums.ts';

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
