import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';

const eslint = new ESLint();

async function lintEngineFile(code: string) {
  const [result] = await eslint.lintText(code, { filePath: 'src/engine/purity-probe.ts' });
  return (result?.messages ?? []).map((m) => m.ruleId);
}

describe('the engine purity lint rule', () => {
  it('rejects Svelte, howler and Node built-ins in src/engine', async () => {
    expect(
      await lintEngineFile("import { mount } from 'svelte';\nexport const m = mount;\n"),
    ).toContain('no-restricted-imports');
    expect(
      await lintEngineFile("import { Howl } from 'howler';\nexport const h = Howl;\n"),
    ).toContain('no-restricted-imports');
    expect(await lintEngineFile("import fs from 'node:fs';\nexport const f = fs;\n")).toContain(
      'no-restricted-imports',
    );
  });

  it('rejects the DOM, the wall clock and unseeded randomness in src/engine', async () => {
    expect(await lintEngineFile('export const w = window.innerWidth;\n')).toContain(
      'no-restricted-globals',
    );
    expect(await lintEngineFile('export const d = document.title;\n')).toContain(
      'no-restricted-globals',
    );
    expect(await lintEngineFile('export const t = Date.now();\n')).toContain(
      'no-restricted-properties',
    );
    expect(await lintEngineFile('export const r = Math.random();\n')).toContain(
      'no-restricted-properties',
    );
  });

  it('accepts plain TypeScript in src/engine', async () => {
    expect(await lintEngineFile('export const add = (a: number, b: number) => a + b;\n')).toEqual(
      [],
    );
  });
});
