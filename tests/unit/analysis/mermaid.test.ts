import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { escapeLabel, toMermaid } from '../../../src/engine/analysis/mermaid.ts';
import { validate, type ScenarioV1 } from '../../../src/engine/format/index.ts';

const fixture = (): ScenarioV1 => {
  const text = readFileSync(
    new URL('../../fixtures/format/valid/minimal-session.json', import.meta.url),
    'utf8',
  );
  return structuredClone(validate(text).scenario!);
};

describe('toMermaid', () => {
  it('draws one subgraph per phase and an edge per option', () => {
    const chart = toMermaid(fixture());
    expect(chart.startsWith('flowchart TD\n')).toBe(true);
    expect(chart.match(/^ {2}subgraph /gm)).toHaveLength(5);
    expect(chart.match(/-->/g)).toHaveLength(14);
    // endsPhase leads to the next phase's start; an ending to an ending node.
    expect(chart).toContain('p0s1 -->|"Check blood pressure."| p1s0');
    expect(chart).toContain('p4s1 -->|"Discharge the patient."| fin0');
  });

  it('escapes text so it cannot break the diagram', () => {
    const s = fixture();
    s.phases[0]!.steps[0]!.text = 'He said "stop"]) --> X[<script>alert(1)</script>\nend';
    s.phases[0]!.steps[0]!.options[0]!.text = 'a|b"c';
    const chart = toMermaid(s);
    const line = chart.split('\n').find((l) => l.includes('p0s0["'))!;
    expect(line).not.toMatch(/<|>|\[.*\[|"\]\)/);
    expect(line.match(/"/g)).toHaveLength(2);
    expect(chart).toContain('a#124;b#34;c');
    expect(escapeLabel('<script>')).toBe('#60;script#62;');
  });

  it('shortens long labels', () => {
    expect(escapeLabel('x'.repeat(200)).length).toBeLessThan(60);
  });
});
