import { type CharterSectionKey, charterSectionKeys } from '../../../common/enums.ts';
import { isLocale, type Locale } from '../../../common/i18n/locales.ts';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../lib/actor.ts';
import { translate } from '../../lib/i18n.ts';
import { mayEditCharterTemplate } from '../../policies/administration.ts';
import { enforce } from '../../policies/decision.ts';
import { recordAudit } from '../../queries/audit.ts';
import { findCharterTemplate, saveCharterTemplate } from '../../queries/charter-template.ts';
import type { ServiceDeps } from '../context.ts';
import { institutionLanguage } from '../institution-language.ts';

export type CharterTemplateSections = Record<CharterSectionKey, string>;

/** Every section of a stored template, an empty string for any it lacks. */
function completeSections(sections: Record<string, string> | undefined): CharterTemplateSections {
  return Object.fromEntries(
    charterSectionKeys.map((key) => [key, sections?.[key] ?? '']),
  ) as CharterTemplateSections;
}

/** The template Copse seeds, in `locale` (common/i18n/catalogs/<locale>/charter.json). */
function seededSections(locale: Locale): CharterTemplateSections {
  return Object.fromEntries(
    charterSectionKeys.map((key) => [key, translate(locale, `charter.template.${key}`)]),
  ) as CharterTemplateSections;
}

/**
 * The sections each new community's first charter starts from: the institution's own template, or,
 * until an administrator edits it, the one Copse seeded, in the institution's default language.
 */
export async function charterTemplateSections(db: Db): Promise<CharterTemplateSections> {
  const row = await findCharterTemplate(db);
  if (row && !row.seeded) return completeSections(row.sections);
  const language = await institutionLanguage(db);
  return seededSections(isLocale(language) ? language : 'en');
}

/** The institution's charter template, for the administrators who edit it. */
export async function getCharterTemplate(db: Db, actor: Actor) {
  enforce(mayEditCharterTemplate(actor));
  const row = await findCharterTemplate(db);
  return {
    sections: await charterTemplateSections(db),
    updatedAt: row?.updatedAt ?? null,
    updatedBy: row?.updatedById ? { id: row.updatedById, displayName: row.updatedByName ?? '' } : null,
  };
}

/**
 * Replaces the institution's charter template, which each new community's first charter is drawn
 * from (existing charters do not change). Audited with the names of the sections that changed.
 */
export async function updateCharterTemplate(
  deps: ServiceDeps,
  actor: Actor,
  sections: CharterTemplateSections,
): Promise<void> {
  enforce(mayEditCharterTemplate(actor));
  await deps.database.db.transaction(async (tx) => {
    const before = await charterTemplateSections(tx);
    await saveCharterTemplate(tx, sections, actor.id);
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'charter_template.update',
      subjectType: 'charter_template',
      data: { changed: charterSectionKeys.filter((key) => before[key] !== sections[key]) },
    });
  });
}
