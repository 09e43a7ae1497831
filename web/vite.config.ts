/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// `npm run dev` proxies the API to a running server (default: the one the e2e notes start).
const apiTarget = process.env.RAPPORT_API_URL ?? 'http://127.0.0.1:18080';

export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    // The initial bundle must stay small (< 300 kB gzip); vite warns past this raw size.
    chunkSizeWarningLimit: 450,
    rolldownOptions: {
      output: {
        // Libraries change less often than our code: one long-cached chunk for those the first
        // page needs. Libraries only lazy pages use (the list virtualiser) load with those pages.
        // Each language but English (bundled) is one chunk of every feature's i18n/<lang>.json.
        codeSplitting: {
          groups: [
            { name: 'vendor', test: /node_modules/, tags: ['$initial'] },
            { name: (id) => /\/i18n\/(it|es|pt)\.json$/.exec(id)?.[1] ?? null, debugName: 'i18n' },
          ],
        },
      },
    },
  },
  server: {
    proxy: {
      '/api': { target: apiTarget, changeOrigin: false },
    },
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}', 'scripts/**/*.test.{js,mjs,ts}'],
    setupFiles: ['src/test/setup.ts'],
    restoreMocks: true,
  },
});
