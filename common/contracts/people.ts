import { z } from 'zod';
import {
  bioField,
  displayNameField,
  localeField,
  personKindField,
  pronounsField,
  tagListField,
  timeZoneField,
  uuidField,
} from '../fields.ts';
import { cursorQuery } from './shared.ts';

export const updateMeBody = z.strictObject({
  displayName: displayNameField.optional(),
  pronouns: pronounsField.optional(),
  unitId: uuidField.nullable().optional(),
  kind: personKindField.optional(),
  bio: bioField.optional(),
  interests: tagListField.optional(),
  expertise: tagListField.optional(),
  timeZone: timeZoneField.optional(),
  language: localeField.nullable().optional(),
  remindDayBefore: z.boolean().optional(),
  remindHourBefore: z.boolean().optional(),
  /** Whether others see your badges on your profile. */
  showBadges: z.boolean().optional(),
});

export const peopleQuery = cursorQuery.extend({
  q: z.string().trim().max(200).optional(),
  unitId: uuidField.optional(),
  expertise: z.string().trim().max(40).optional(),
  kind: personKindField.optional(),
});
