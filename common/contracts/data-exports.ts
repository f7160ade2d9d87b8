import { z } from 'zod';

/**
 * "Download your data" (#19): a request for a zip of everything Copse keeps about a person, prepared in
 * the background and downloaded once through a link that works for seven days.
 */

/** What a request goes through: prepared, ready (until it expires), downloaded once, or failed. */
export const dataExportStatuses = ['preparing', 'ready', 'downloaded', 'expired', 'failed'] as const;
export type DataExportStatus = (typeof dataExportStatuses)[number];

export const dataExportLimits = {
  /** How long a ready export waits to be downloaded. */
  linkDays: 7,
  reasonMax: 1000,
} as const;

/** The state of the latest request the signed-in person made (`none` before the first). */
export const dataExportStateSchema = z.object({
  status: z.enum(['none', ...dataExportStatuses]),
  requestedAt: z.string().nullable(),
  readyAt: z.string().nullable(),
  /** Until when the download link works (a ready export). */
  expiresAt: z.string().nullable(),
  downloadedAt: z.string().nullable(),
  /** The zip's size in bytes, once prepared. */
  size: z.number().nullable(),
});
export type DataExportState = z.infer<typeof dataExportStateSchema>;

/** An administrator's export of someone's data: a formal request, with its reason (audited). */
export const adminDataExportBody = z.strictObject({
  reason: z
    .string('dataexport.validation.reason')
    .trim()
    .min(1, 'dataexport.validation.reason')
    .max(dataExportLimits.reasonMax, 'dataexport.validation.reason'),
});
export type AdminDataExportInput = z.infer<typeof adminDataExportBody>;

/** A fresh one-time link to a ready export (replacing the one sent by email). */
export const dataExportLinkSchema = z.object({ url: z.string() });

export const dataExportTokenParams = z.object({
  token: z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'dataexport.validation.token'),
});
