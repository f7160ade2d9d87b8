// What a catalog is. The web app loads the catalogs through Vite (app/i18n/catalog-loaders.ts), Node
// reads them from disk (read-catalogs.ts); en.ts types the message ids (message-id.ts).

/** A catalog as written: message id → ICU MessageFormat text. */
export type Catalog = Record<string, string>;
