import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const root = new URL('../../../', import.meta.url);
const doc = readFileSync(new URL('docs/diagnostics.md', root), 'utf8');
const sources = ['src/engine/format/', 'src/cli/']
  .flatMap((dir) =>
    readdirSync(new URL(dir, root), { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.ts'))
      .map((f) => readFileSync(new URL(dir + f, root), 'utf8')),
  )
  .join('\n');

describe('docs/diagnostics.md', () => {
  it('documents every diagnostic code the validator can emit', () => {
    // Codes appear as the first argument of error()/warning() or as UPPER_SNAKE string literals.
    const emitted = new Set([
      ...[...sources.matchAll(/(?:error|warning|err|warn)\(\s*'([A-Z][A-Z0-9_]+)'/g)].map(
        (m) => m[1]!,
      ),
      ...[...sources.matchAll(/'([A-Z][A-Z0-9]*_[A-Z0-9_]+)'/g)].map((m) => m[1]!),
    ]);
    expect(emitted.size).toBeGreaterThan(40);
    const undocumented = [...emitted].filter(
      (code) => !new RegExp(`^\\|\\s*\`${code}\`\\s*\\|`, 'm').test(doc),
    );
    expect(undocumented).toEqual([]);
  });
});
