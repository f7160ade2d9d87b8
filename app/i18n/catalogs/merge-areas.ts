import type { Catalog } from '../../../common/i18n/catalogs/index.ts';

/** One language's catalog from its area files (as Vite's import.meta.glob hands them over). */
export function mergeAreas(areas: Record<string, Catalog>): Catalog {
  return Object.assign({}, ...Object.values(areas)) as Catalog;
}
