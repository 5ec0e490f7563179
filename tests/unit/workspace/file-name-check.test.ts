import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkText, withFileName } from '../../../src/workspace/check.ts';
import { idFileNameFinding } from '../../../src/engine/index.ts';

const text = readFileSync('scenarios/templates/minimal.json', 'utf8');
const id = (JSON.parse(text) as { id: string }).id;

describe('the id and the file name, in the workspace as on the command line', () => {
  it('warns at /id, on the id line, when the file name differs from the id', () => {
    const checked = checkText(text);
    const named = withFileName(checked, text, 'trial-author.json');
    const warning = named.diagnostics.find((d) => d.code === 'SCENARIO_ID_FILE_NAME');
    expect(warning).toMatchObject({ severity: 'warning', path: '/id' });
    expect(warning?.message).toContain('"trial-author.json"');
    expect(text.split('\n')[warning!.line - 1]).toContain('"id"');
    expect(named.warnings).toBe(checked.warnings + 1);
    expect(named.errors).toBe(checked.errors);
  });

  it('says nothing when they agree, and the rule is the one the command line uses', () => {
    const checked = checkText(text);
    expect(withFileName(checked, text, `${id}.json`)).toEqual(checked);
    expect(idFileNameFinding(id, `scenarios/drafts/${id}.json`)).toBeNull();
    expect(idFileNameFinding(id, 'C:\\drafts\\other.JSON')?.hint).toBe(
      `Make the id "other", or rename the file to "${id}.json".`,
    );
  });
});
