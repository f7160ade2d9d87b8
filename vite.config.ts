import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { compileMessageOrThrow } from '@lingui/message-utils/compileMessage';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

/** Files worth compressing: text the browser downloads. Source maps too, for whoever opens them. */
const compressible = /\.(js|mjs|css|html|svg|json|map|txt|webmanifest)$/;

/**
 * Writes `file.br` (brotli, quality 11) and `file.gz` (gzip, level 9) beside every compressible file of
 * the build over 1 KB, so the server answers with them by content negotiation (@fastify/static's
 * preCompressed) and never compresses an asset per request.
 */
function precompress(): Plugin {
  let outDir = '';
  return {
    name: 'copse-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    closeBundle() {
      const walk = (dir: string): string[] =>
        readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
          const full = path.join(dir, entry.name);
          return entry.isDirectory() ? walk(full) : [full];
        });
      for (const file of walk(outDir)) {
        if (!compressible.test(file) || statSync(file).size < 1024) continue;
        const content = readFileSync(file);
        writeFileSync(
          `${file}.br`,
          brotliCompressSync(content, {
            params: {
              [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
              [constants.BROTLI_PARAM_SIZE_HINT]: content.length,
            },
          }),
        );
        writeFileSync(`${file}.gz`, gzipSync(content, { level: 9 }));
      }
    },
  };
}

/** A catalog file of common/i18n/catalogs/<language>/<area>.json. */
const catalogFile = /[\\/]common[\\/]i18n[\\/]catalogs[\\/][a-z]+[\\/][a-z-]+\.json$/;

/**
 * Compiles each message catalog to Lingui's compiled form at build time, so the browser gets ready
 * messages and only Lingui's small runtime (no ICU parser). The server compiles the same files at start.
 */
function compileCatalogs(): Plugin {
  return {
    name: 'copse-compile-catalogs',
    enforce: 'pre',
    transform(code, id) {
      if (!catalogFile.test(id)) return null;
      const catalog = JSON.parse(code) as Record<string, string>;
      const compiled = Object.fromEntries(
        Object.entries(catalog).map(([key, message]) => [key, compileMessageOrThrow(message)]),
      );
      return { code: JSON.stringify(compiled), map: null };
    },
  };
}

// The web app: index.html at the repository root loads /app/main.tsx; the build lands in dist/web, which
// the Fastify server serves. In development, `npm run dev:web` proxies /api to the server on port 3000.
// Pages are lazy routes (app/routes.tsx), each its own chunk; the bundler shares what several pages use.
// scripts/check-web-budget.ts reads the manifest to hold the first load under its budget.
export default defineConfig({
  root: import.meta.dirname,
  publicDir: 'app/public',
  plugins: [compileCatalogs(), react(), precompress()],
  resolve: {
    // Every `import … from 'zod'` of the web app goes through the module that makes zod jitless first
    // (see the file), so zod loads with the first page that needs it instead of with the entry.
    alias: [{ find: /^zod$/, replacement: path.resolve(import.meta.dirname, 'app/lib/zod-jitless.ts') }],
  },
  build: {
    outDir: 'dist/web',
    emptyOutDir: true,
    sourcemap: true,
    manifest: true,
    rolldownOptions: {
      output: {
        codeSplitting: {
          // React, its DOM, the router and TanStack Query are on every first load and change less often
          // than the app: one chunk that stays cached across releases. (Left to the bundler, TanStack
          // Query went into a shared chunk of its own once the check-in pages arrived, 1.4 KB more on
          // every first load: the community page passed its budget.)
          groups: [
            {
              name: 'react',
              test: /node_modules[\\/](react|react-dom|scheduler|react-router|@tanstack[\\/]query-core|@tanstack[\\/]react-query)[\\/]/,
              priority: 1,
            },
          ],
        },
      },
    },
  },
  server: {
    port: 5173,
    proxy: { '/api': { target: 'http://localhost:3000', changeOrigin: false } },
  },
});
