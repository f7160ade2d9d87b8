import { z } from 'zod';
import { charterSectionKeys } from '../enums.ts';
import { charterSectionField } from '../fields.ts';

const sectionsOf = <T extends z.ZodType>(field: T) =>
  z.strictObject(
    Object.fromEntries(charterSectionKeys.map((key) => [key, field])) as Record<
      (typeof charterSectionKeys)[number],
      T
    >,
  );

export const templateSchema = z.object({
  sections: sectionsOf(z.string()),
  /** Each section rendered to safe HTML, for the preview. */
  sectionsHtml: sectionsOf(z.string()),
  updatedAt: z.string().nullable(),
  updatedBy: z.object({ id: z.string(), displayName: z.string() }).nullable(),
});

export const updateBody = z.strictObject({ sections: sectionsOf(charterSectionField) });
