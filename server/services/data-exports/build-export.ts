import { randomBytes } from 'node:crypto';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { dataExportLimits } from '../../../common/contracts/data-exports.ts';
import { type CsvCell, toCsv } from '../../../common/csv.ts';
import type { Locale } from '../../../common/i18n/locales.ts';
import type { Db } from '../../db/client.ts';
import { hashToken, newToken } from '../../lib/crypto.ts';
import { uploadTempFolder } from '../../lib/files/temp-file.ts';
import { translator } from '../../lib/i18n.ts';
import { writeZip, type ZipWriter } from '../../lib/zip-writer.ts';
import {
  findDataExportForBuild,
  markDataExportFailed,
  markDataExportReady,
} from '../../queries/data-exports.ts';
import { insertNotifications } from '../../queries/notifications.ts';
import { exportedKinds, listPersonalFiles, listPersonalRows } from '../../queries/personal-data.ts';
import type { ServiceDeps } from '../context.ts';
import { actionEmail } from '../mail/layout.ts';
import { letterWriter } from '../mail/letterhead.ts';
import { unitOfWork } from '../unit-of-work.ts';

/** A value as data.json and the CSV files write it: moments in ISO 8601, lists and objects as JSON. */
function plain(value: unknown): unknown {
  return value instanceof Date ? value.toISOString() : value;
}

function cell(value: unknown): CsvCell {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'number') return value;
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

/** A file name from what people typed: no folders, no control characters, never empty. */
function safeName(name: string): string {
  const cleaned = name
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
    .replace(/[\u0000-\u001f\u007f/\\:*?"<>|]/g, '_')
    .replace(/^\.+/, '_')
    .slice(0, 120);
  return cleaned || 'file';
}

/** Everything the person's zip holds but their files: data.json and one CSV per kind with rows. */
async function writeRecords(db: Db, zip: ZipWriter, userId: string): Promise<Record<string, number>> {
  const data: Record<string, unknown[]> = {};
  const counts: Record<string, number> = {};
  for (const kind of exportedKinds) {
    const rows = await listPersonalRows(db, kind, userId);
    counts[kind.kind] = rows.length;
    data[kind.kind] = rows.map((row) =>
      Object.fromEntries(Object.entries(row).map(([k, v]) => [k, plain(v)])),
    );
    if (rows.length === 0) continue;
    const header = Object.keys(rows[0] ?? {});
    await zip.addBuffer(
      `csv/${kind.kind}.csv`,
      Buffer.from(
        toCsv(
          header,
          rows.map((row) => header.map((name) => cell(row[name]))),
        ),
      ),
    );
  }
  await zip.addBuffer('data.json', Buffer.from(JSON.stringify(data, null, 2)));
  return counts;
}

/** The README in the person's language: what each part of the zip is. */
function readme(locale: Locale, name: string, files: number): string {
  const t = translator(locale);
  return [
    t._('dataexport.readme.title', { name }),
    '',
    t._('dataexport.readme.made', { date: new Date().toISOString().slice(0, 10) }),
    '',
    t._('dataexport.readme.data'),
    t._('dataexport.readme.csv'),
    t._('dataexport.readme.files', { count: files }),
    '',
    t._('dataexport.readme.left'),
    '',
  ].join('\r\n');
}

/**
 * The background job of a request (`exports.build`): writes the person's zip (data.json, a CSV per kind,
 * their uploads streamed from the storage, a README in their language) to a temporary file, stores it
 * under an unguessable key and, in one unit of work, marks the request ready with the hash of a one-time
 * token and tells whoever asked: a notification and an email with the link, in their language. A failure
 * marks the request failed (the person may ask again) and removes what was written.
 */
export async function buildDataExport(deps: ServiceDeps, exportId: string): Promise<void> {
  const { db } = deps.database;
  const found = await findDataExportForBuild(db, exportId);
  // Already built, or gone (a retried job, or a person deleted meanwhile): nothing to do.
  if (!found) return;
  if (found.request.status !== 'preparing') return;
  const { request, person, requester } = found;
  const letterFor = await letterWriter(db);
  const folder = uploadTempFolder(deps.env);
  await mkdir(folder, { recursive: true });
  const file = path.join(folder, `export-${randomBytes(12).toString('hex')}.zip`);
  const key = `exports/${randomBytes(32).toString('hex')}.zip`;
  const zip = writeZip(file);
  let stored = false;
  try {
    await writeRecords(db, zip, person.id);
    const files = await listPersonalFiles(db, person.id);
    let written = 0;
    for (const upload of files) {
      const body = await deps.storage.read(upload.key);
      if (!body) continue;
      const name = upload.name.split('/').map(safeName).join('/');
      await zip.addStream(`files/${name}${upload.ext}`, body.body);
      written++;
    }
    await zip.addBuffer(
      'README.txt',
      Buffer.from(readme(letterFor(person.language).locale, person.displayName, written)),
    );
    const size = await zip.finish();
    await deps.storage.putFile(key, file);
    stored = true;

    const token = newToken();
    const expiresAt = new Date(Date.now() + dataExportLimits.linkDays * 24 * 60 * 60 * 1000);
    const url = `${deps.env.publicUrl}/api/me/export/${token}`;
    const own = requester.id === person.id;
    await unitOfWork(deps, async (tx, outbox) => {
      if (
        !(await markDataExportReady(tx, request.id, {
          storageKey: key,
          size,
          tokenHash: hashToken(token),
          expiresAt,
        }))
      )
        return;
      const english = translator('en');
      const params = { name: person.displayName };
      const titleKey = own ? 'dataexport.notify.readyTitle' : 'dataexport.notify.readyForTitle';
      await insertNotifications(tx, [
        {
          userId: requester.id,
          kind: 'account.security',
          title: english._(titleKey, params),
          body: english._('dataexport.notify.readyBody', { days: dataExportLimits.linkDays }),
          titleKey,
          bodyKey: 'dataexport.notify.readyBody',
          params: { ...params, days: dataExportLimits.linkDays },
          url: own ? '/settings/your-data' : `/admin/users`,
          communityId: null,
          digest: null,
        },
      ]);
      const letter = letterFor(requester.language);
      const t = translator(letter.locale);
      await outbox.email(
        { address: requester.email, userId: requester.id },
        await actionEmail({
          letter,
          subject: t._(titleKey, params),
          greeting: t._('email.greeting.named', { name: requester.displayName }),
          lines: [
            t._(own ? 'dataexport.email.ready' : 'dataexport.email.readyFor', params),
            t._('dataexport.email.once', { days: dataExportLimits.linkDays }),
          ],
          action: { label: t._('dataexport.email.download'), url },
          footer: t._('dataexport.email.footer'),
        }),
      );
    });
  } catch (error) {
    await zip.abort();
    if (stored) await deps.storage.delete(key).catch(() => undefined);
    await markDataExportFailed(db, request.id);
    throw error;
  } finally {
    await rm(file, { force: true });
  }
}
