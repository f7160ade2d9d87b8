// The catalogs as files, for Node (the server, tests and scripts): each language is the union of its
// area files, common/i18n/catalogs/<language>/<area>.json. The web app loads the same files through
// Vite (app/i18n/catalog-loaders.ts). Never imported by the web app: it reads the disk.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Locale } from '../locales.ts';
import type { Catalog } from './index.ts';

const catalogsDir = import.meta.dirname;

/** The area names of a language, from its folder ("admin", "auth", …), sorted. */
export function catalogAreas(locale: Locale): string[] {
  return readdirSync(path.join(catalogsDir, locale))
    .filter((file) => file.endsWith('.json'))
    .map((file) => file.slice(0, -'.json'.length))
    .sort();
}

/** One area file of a language. */
export function readCatalogArea(locale: Locale, area: string): Catalog {
  return JSON.parse(readFileSync(path.join(catalogsDir, locale, `${area}.json`), 'utf8')) as Catalog;
}

/** A language's whole catalog: every area file merged. */
export function readCatalog(locale: Locale): Catalog {
  return Object.assign({}, ...catalogAreas(locale).map((area) => readCatalogArea(locale, area))) as Catalog;
}
