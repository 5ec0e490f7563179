/**
 * Serves the production build in dist/ with `vite preview` for the browser benchmarks.
 * `npm run bench` builds once before them; run `npm run build` first when running one alone.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';

export interface ServedBuild {
  base: string;
  stop(): void;
}

export async function serveBuild(port: number): Promise<ServedBuild> {
  if (!existsSync('dist/index.html'))
    throw new Error('No build in dist/: run `npm run build` first.');
  const server = spawn(
    process.execPath,
    ['node_modules/vite/bin/vite.js', 'preview', '--port', String(port), '--strictPort'],
    { stdio: 'ignore' },
  );
  const base = `http://localhost:${port}/`;
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(base)).ok) return { base, stop: () => server.kill() };
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  server.kill();
  throw new Error(`vite preview did not answer on port ${port}.`);
}
