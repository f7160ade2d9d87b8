import { defineConfig } from 'vitest/config';

// The web app's pure helpers (no database): `./node_modules/.bin/vitest run --config app/vitest.config.ts`.
export default defineConfig({
  test: {
    root: import.meta.dirname,
    include: ['**/*.test.ts'],
    environment: 'node',
  },
});
