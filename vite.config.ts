import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const repoRoot = import.meta.dirname;
const apiTarget = process.env.SCHAKEL_API_URL ?? 'http://localhost:3000';

/**
 * /api/v1/* and /api/docs go to the server. (A bare "/api" prefix would also swallow the app's own
 * source modules under src/web/api/ in the dev server.)
 */
const proxy = {
  '^/api/(v1|docs)(/|$)': { target: apiTarget, changeOrigin: false },
  '/healthz': { target: apiTarget, changeOrigin: false },
};

export default defineConfig({
  root: resolve(repoRoot, 'src/web'),
  publicDir: false,
  plugins: [react()],
  css: { postcss: resolve(repoRoot, 'postcss.config.cjs') },
  build: {
    outDir: resolve(repoRoot, 'dist/web'),
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 1500,
  },
  server: {
    port: 5173,
    strictPort: true,
    proxy,
  },
  preview: {
    port: 5173,
    proxy,
  },
});
