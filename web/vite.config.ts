// Vite build and dev server for the Rapport web app; the dev server and preview proxy /api to a
// running `rapport serve` (RAPPORT_API, default the server's own default address).
/// <reference types="vitest/config" />
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const api = process.env.RAPPORT_API ?? 'http://127.0.0.1:8080';
const proxy = { '/api': { target: api, changeOrigin: false } };

export default defineConfig({
  plugins: [react()],
  resolve: { alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) } },
  server: { proxy },
  preview: { proxy },
  build: {
    target: 'es2022',
    // Source maps stay out of the served bundle; rapport serve ships dist/ as it is.
    sourcemap: false,
    // The first-load budget is 300 KB of gzipped JavaScript (issue 9), checked on the gzipped
    // size; Mantine and React together are one cacheable chunk above Vite's 500 kB default.
    chunkSizeWarningLimit: 800,
  },
  test: {
    environment: 'jsdom',
    setupFiles: ['./src/test/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
  },
});
