import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { offline } from './scripts/vite-plugin-offline.ts';
import { catalogue } from './scripts/vite-plugin-catalogue.ts';

// The engine is pure (a lint rule enforces it): importing its one entry point must not pull the
// modules a chunk does not use into that chunk.
const engineIsPure = {
  treeshake: { moduleSideEffects: (id: string) => !/[\\/]src[\\/]engine[\\/]/.test(id) },
};

export default defineConfig({
  plugins: [svelte(), catalogue(), offline()],
  // Relative asset paths: the build works from any folder (static hosts, an LMS package).
  base: './',
  server: { port: 5173 },
  preview: { port: 4173, strictPort: true },
  build: {
    target: 'es2022',
    sourcemap: false,
    rollupOptions: engineIsPure,
  },
  worker: { rollupOptions: engineIsPure },
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    // Some tests start ESLint or play whole scenarios; a loaded 2-core machine needs more than 5 s.
    testTimeout: 30_000,
    reporters: process.env.CI
      ? ['default', ['json', { outputFile: 'reports/unit.json' }]]
      : ['default'],
  },
});
