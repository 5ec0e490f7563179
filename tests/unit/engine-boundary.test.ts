import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';

const eslint = new ESLint();

async function rules(code: string, filePath: string) {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => m.ruleId);
}

describe('the layer rules', () => {
  it('hosts import the engine only through src/engine/index.ts', async () => {
    const deep =
      "import { validate } from '../engine/format/validate.ts';\nexport const v = validate;\n";
    const entry = "import { validate } from '../engine/index.ts';\nexport const v = validate;\n";
    expect(await rules(deep, 'src/ui/probe.ts')).toContain('no-restricted-imports');
    expect(await rules(deep, 'src/workspace/probe.ts')).toContain('no-restricted-imports');
    expect(
      await rules(deep.replace('../engine', '../../engine'), 'src/cli/commands/probe.ts'),
    ).toContain('no-restricted-imports');
    expect(await rules(entry, 'src/ui/probe.ts')).toEqual([]);
  });

  it('the engine imports nothing from the player, the workspace, the browser results or the CLI', async () => {
    const fromUi =
      "import { phaseLabel } from '../../ui/labels.ts';\nexport const p = phaseLabel;\n";
    expect(await rules(fromUi, 'src/engine/session/probe.ts')).toContain('no-restricted-imports');
    const fromResults = "import { x } from '../../results/db.ts';\nexport const y = x;\n";
    expect(await rules(fromResults, 'src/engine/session/probe.ts')).toContain(
      'no-restricted-imports',
    );
    const own =
      "import { buildStatements } from '../results/xapi.ts';\nexport const b = buildStatements;\n";
    expect(await rules(own, 'src/engine/attempt/probe.ts')).toEqual([]);
  });
});
