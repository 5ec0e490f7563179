import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { chromium } from '@playwright/test';

const SYSTEM_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];

function onPath(name: string): string | undefined {
  try {
    const found = execFileSync('which', [name], { encoding: 'utf8' }).trim();
    return found || undefined;
  } catch {
    return undefined;
  }
}

/**
 * Finds a Chromium the way a user's machine has one: $CHROMIUM_PATH, then a system
 * Chromium or Chrome, then Playwright's own download. Throws one clear sentence otherwise.
 */
export function findChromium(): string {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (existsSync(fromEnv)) return fromEnv;
    throw new Error(`CHROMIUM_PATH is set to ${fromEnv}, but no file is there.`);
  }
  for (const name of SYSTEM_NAMES) {
    const path = onPath(name);
    if (path) return path;
  }
  const bundled = chromium.executablePath();
  if (bundled && existsSync(bundled)) return bundled;
  throw new Error(
    'No Chromium found: install one (e.g. `apt-get install chromium`), or set CHROMIUM_PATH to a Chromium or Chrome executable, or run `npx playwright install chromium`.',
  );
}
