import type { Locale } from '../../../common/i18n/locales.ts';
import { AppError, fieldError, notFound } from '../../errors.ts';
import { readHead, type TempFile } from '../../lib/files/temp-file.ts';
import { recordAudit } from '../../queries/audit.ts';
import {
  clearUsersUnit,
  deleteUnitById,
  findUnitByName,
  getInstitutionSettings,
  insertUnit,
  updateInstitutionLogo,
  updateInstitutionSettings,
  updateUnitName,
} from '../../queries/institution.ts';
import type { ServiceDeps } from '../context.ts';
import { forgetInstitutionLanguage } from '../institution-language.ts';
import { sniffImageType } from '../people/profile-photo.ts';

/** Renames the institution or changes its default language. */
export async function updateInstitution(
  deps: ServiceDeps,
  actorId: string,
  changes: { name?: string | undefined; defaultLanguage?: Locale | undefined },
) {
  const { db } = deps.database;
  const updated = await db.transaction(async (tx) => {
    const row = await updateInstitutionSettings(tx, changes);
    await recordAudit(tx, {
      actorId,
      action: 'institution.update',
      subjectType: 'institution',
      data: changes,
    });
    if (!row) throw new Error('institution_settings row is missing');
    return row;
  });
  forgetInstitutionLanguage(db);
  return updated;
}

/**
 * Replaces the institution's logo (PNG, JPEG or WebP, checked by its bytes), received into a temporary
 * file that is moved into storage.
 */
export async function setInstitutionLogo(deps: ServiceDeps, actorId: string, file: TempFile): Promise<void> {
  const type = sniffImageType(await readHead(file, 12));
  if (!type)
    throw new AppError('unsupported_media_type', 'errors.upload.imageType', {
      file: 'not an image',
    });
  const { db } = deps.database;
  const previous = await getInstitutionSettings(db);
  const key = `branding/logo-${crypto.randomUUID()}.${type.split('/')[1]}`;
  await deps.storage.putFile(key, file.path);
  try {
    await db.transaction(async (tx) => {
      await updateInstitutionLogo(tx, { path: key, contentType: type });
      await recordAudit(tx, { actorId, action: 'institution.logo', subjectType: 'institution' });
    });
  } catch (error) {
    await deps.storage.delete(key);
    throw error;
  }
  if (previous.logoPath) await deps.storage.delete(previous.logoPath);
}

/** Removes the institution's logo; Copse shows its own mark instead. Nothing to remove is fine. */
export async function removeInstitutionLogo(deps: ServiceDeps, actorId: string): Promise<void> {
  const { db } = deps.database;
  const previous = await getInstitutionSettings(db);
  if (!previous.logoPath) return;
  await db.transaction(async (tx) => {
    await updateInstitutionLogo(tx, null);
    await recordAudit(tx, { actorId, action: 'institution.logo_removed', subjectType: 'institution' });
  });
  await deps.storage.delete(previous.logoPath);
}

/** Adds a unit; names are unique regardless of case. */
export async function createUnit(deps: ServiceDeps, actorId: string, name: string) {
  const { db } = deps.database;
  if (await findUnitByName(db, name)) throw fieldError('name', 'errors.admin.unitExists', 'conflict');
  return db.transaction(async (tx) => {
    const unit = await insertUnit(tx, name);
    if (!unit) throw new Error('unit insert returned nothing');
    await recordAudit(tx, {
      actorId,
      action: 'unit.create',
      subjectType: 'unit',
      subjectId: unit.id,
      data: { name },
    });
    return unit;
  });
}

export async function renameUnit(deps: ServiceDeps, actorId: string, unitId: string, name: string) {
  const { db } = deps.database;
  const clash = await findUnitByName(db, name);
  if (clash && clash.id !== unitId) throw fieldError('name', 'errors.admin.unitExists', 'conflict');
  return db.transaction(async (tx) => {
    const unit = await updateUnitName(tx, unitId, name);
    if (!unit) throw notFound('errors.notFound.unit');
    await recordAudit(tx, {
      actorId,
      action: 'unit.rename',
      subjectType: 'unit',
      subjectId: unitId,
      data: { name },
    });
    return unit;
  });
}

/** Removes a unit; its people keep their accounts and simply have no unit. */
export async function deleteUnit(deps: ServiceDeps, actorId: string, unitId: string): Promise<void> {
  const { db } = deps.database;
  await db.transaction(async (tx) => {
    await clearUsersUnit(tx, unitId);
    if (!(await deleteUnitById(tx, unitId))) throw notFound('errors.notFound.unit');
    await recordAudit(tx, { actorId, action: 'unit.delete', subjectType: 'unit', subjectId: unitId });
  });
}
