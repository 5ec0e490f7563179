/**
 * A Vite plugin that writes the offline service worker (`sw.js`) after a production build. The
 * worker precaches every file of the build — the app shell, the lazy chunks of the player and of
 * each bundled scenario, the audio and the icons — under a cache named after their content, and
 * serves them when the network is off. Add it to vite.config.ts: `plugins: [svelte(), offline()]`.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Plugin, ResolvedConfig } from 'vite';
import { listFiles } from './list-files.ts';

/** The worker's source for a list of files (paths relative to the worker) and a cache version. */
export function serviceWorkerSource(files: string[], version: string): string {
  return `// Written by the build (scripts/vite-plugin-offline.ts): the offline cache of the KAP Simulator.
const CACHE = 'kap-offline-${version}';
const FILES = ${JSON.stringify(['./', ...files], null, 2)};

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches.open(CACHE)
      .then((cache) => cache.addAll(FILES.map((f) => new URL(f, self.registration.scope).href)))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('kap-offline-') && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  // Only this app's own files; anything else (an LRS, for one) goes to the network untouched.
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    // Pages: the network when it answers (a new version), else the cached app shell.
    event.respondWith(
      fetch(request).catch(() =>
        caches.open(CACHE).then((cache) => cache.match(new URL('./', self.registration.scope).href)),
      ),
    );
    return;
  }
  // Built files have content hashes in their names: the cache is always right for them.
  event.respondWith(
    caches.open(CACHE).then((cache) =>
      cache.match(request, { ignoreSearch: true, ignoreVary: true }).then((hit) => hit || fetch(request)),
    ),
  );
});
`;
}

export function offline(): Plugin {
  let config: ResolvedConfig;
  return {
    name: 'kap-offline',
    apply: 'build',
    configResolved(resolved) {
      config = resolved;
    },
    closeBundle() {
      const outDir = resolve(config.root, config.build.outDir);
      const files = listFiles(outDir).filter(
        (f) => f !== 'sw.js' && !f.endsWith('.map') && !f.endsWith('LICENSE.txt'),
      );
      const hash = createHash('sha256');
      for (const f of files) hash.update(f).update(readFileSync(join(outDir, f)));
      writeFileSync(
        join(outDir, 'sw.js'),
        serviceWorkerSource(files, hash.digest('hex').slice(0, 12)),
      );
    },
  };
}
