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
    expect(chart.match(/^ {2}subgraph phase/gm)).toHaveLength(5);
    expect(chart.match(/^ {2}p\d+s\d+ -->/gm)).toHaveLength(14);
    // Arrows carry option ids, as `run` prints them; critical options are marked.
    // endsPhase leads to the next phase's start; an ending to an ending node.
    expect(chart).toContain('p0s1 -->|"prep-check"| p1s0');
    expect(chart).toContain('p4s1 -->|"int-go"| fin0');
    expect(chart).toContain('p4s0 -->|"int-allow #9888;"| p4s1');
  });

  it('shows the events with their triggers and responses, and the scheduled checks', () => {
    const s = fixture();
    s.events[0]!.respond!.missed.critical = { explanation: 'Left unattended.' };
    s.events[0]!.respond!.options[0]!.ending = 'ending-deferred';
    const chart = toMermaid(s);
    expect(chart).toContain('subgraph events["Events after dosing"]');
    expect(chart).toContain(
      'ev0{{"event-nausea: at minute 25, respond within 5 min, missing it is critical"}}',
    );
    expect(chart).toContain('ev1{{"event-bp: systolic above 170"}}');
    expect(chart).toContain('ev0o0("event-antiemetic")');
    expect(chart).toContain('ev0 -.->|"response"| ev0o0');
    expect(chart).toContain('ev0o0 --> fin1');
    expect(chart).toContain('chk0[/"check-30: minute 30 to 40, 2 safety"/]');
  });

  it('escapes text so it cannot break the diagram', () => {
    const s = fixture();
    s.phases[0]!.steps[0]!.text = 'He said "stop"]) --> X[<script>alert(1)</script>\nend';
    s.phases[0]!.steps[0]!.options[0]!.text = 'a|b"c';
    const chart = toMermaid(s);
    const line = chart.split('\n').find((l) => l.includes('p0s0["'))!;
    expect(line).not.toMatch(/<|>|\[.*\[|"\]\)/);
    expect(line.match(/"/g)).toHaveLength(2);
    s.events[0]!.text = 'a|b"c';
    expect(toMermaid(s)).not.toContain('a|b"c');
    expect(escapeLabel('<script>')).toBe('#60;script#62;');
  });

  it('shortens long labels', () => {
    expect(escapeLabel('x'.repeat(200)).length).toBeLessThan(60);
  });
});
