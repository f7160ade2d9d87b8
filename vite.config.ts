import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The web app: index.html at the repository root loads /app/main.tsx; the build lands in dist/web, which
// the Fastify server serves. In development, `npm run dev:web` proxies /api to the server on port 3000.
export default defineConfig({
  root: import.meta.dirname,
  publicDir: 'app/public',
  plugins: [react()],
  build: {
    outDir: 'dist/web',
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 800,
  },
  server: {
    port: 5173,
    proxy: { '/api': { target: 'http://localhost:3000', changeOrigin: false } },
  },
});
