/**
 * The authoring guide quotes real tool output. These tests redo each example on the template and
 * check that the guide still says exactly what the tools say.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { validate } from '../../../src/engine/format/validate.ts';
import { formatDiagnostic } from '../../../src/cli/output.ts';
import { analyzeCommand } from '../../../src/cli/commands/analyze.ts';
import { runCommand } from '../../../src/cli/commands/run.ts';
import { validateCommand } from '../../../src/cli/commands/validate.ts';
import { tidyCommand } from '../../../src/cli/commands/tidy.ts';
import type { Io } from '../../../src/cli/io.ts';
import { playHeadless } from '../../../src/engine/play/headless.ts';

const guide = readFileSync(new URL('../../../docs/authoring.md', import.meta.url), 'utf8');
const template = readFileSync(
  new URL('../../../scenarios/templates/minimal.json', import.meta.url),
  'utf8',
);
const FILE = 'scenarios/my.json';

const dir = mkdtempSync(join(tmpdir(), 'kap-authoring-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Writes a copy of the template (after the edits) and returns its path. */
function copy(name: string, text: string): string {
  const path = join(dir, `${name}.json`);
  writeFileSync(path, text);
  return path;
}

function capture(): Io & { outLines: string[]; errLines: string[] } {
  const outLines: string[] = [];
  const errLines: string[] = [];
  return {
    outLines,
    errLines,
    out: (l: string) => outLines.push(...l.split('\n')),
    err: (l: string) => errLines.push(...l.split('\n')),
  };
}

/** Applies each [from, to] replacement once, failing if the template no longer has `from`. */
function edit(edits: [string, string][]): string {
  let text = template;
  for (const [from, to] of edits) {
    expect(text, `the template should contain ${JSON.stringify(from)}`).toContain(from);
    text = text.replace(from, to);
  }
  return text;
}

/** The path of the worked scoring example. */
const EXAMPLE = [
  'prep-consent-weaker',
  'prep-screening-best',
  'admin-vitals-check',
  'admin-dose-give',
  'mon-peak-silence',
  'conv-emerging-reflect',
  'int-transport-escort',
  'int-discharge-go',
];

const MISTAKES: { name: string; codes: string[]; edits: [string, string][] }[] = [
  {
    name: 'trailing comma',
    codes: ['JSON_SYNTAX'],
    edits: [['"authors": ["Your name"],', '"authors": ["Your name",],']],
  },
  {
    name: 'misspelt next',
    codes: ['UNKNOWN_STEP'],
    edits: [['"next": "prep-screening"', '"next": "prep-screenig"']],
  },
  {
    name: 'option leading nowhere',
    codes: ['OPTION_TARGET'],
    edits: [
      [
        '"feedback": "Consent, screening and a pre-dose blood pressure are in place.",\n              "endsPhase": true',
        '"feedback": "Consent, screening and a pre-dose blood pressure are in place."',
      ],
    ],
  },
  {
    name: 'endsPhase in integration',
    codes: ['INTEGRATION_NEEDS_ENDING'],
    edits: [['"ending": "discharged"', '"endsPhase": true']],
  },
  {
    name: 'unreachable step',
    codes: ['UNREACHABLE_STEP'],
    edits: [['"start": "prep-consent"', '"start": "prep-screening"']],
  },
  {
    name: 'dead end',
    codes: ['DEAD_END', 'AT_MINUTE_BACKWARDS', 'DEAD_END'],
    edits: [
      ['"ending": "discharged"', '"next": "int-transport"'],
      ['"ending": "left-early"', '"next": "int-transport"'],
    ],
  },
  {
    name: 'misspelt competency',
    codes: ['UNKNOWN_COMPETENCY'],
    edits: [
      [
        '"points": { "safety": 2 },\n              "feedback": "Why this is the strongest choice."',
        '"points": { "saftey": 2 },\n              "feedback": "Why this is the strongest choice."',
      ],
    ],
  },
  {
    name: 'misspelt property',
    codes: ['NO_FEEDBACK', 'SCHEMA_UNKNOWN_PROPERTY'],
    edits: [
      [
        '"feedback": "Why this is weaker, naming the principle."',
        '"feedbak": "Why this is weaker, naming the principle."',
      ],
    ],
  },
  {
    name: 'phase id',
    codes: ['PHASE_MISSING', 'SCHEMA_ENUM'],
    edits: [['"id": "guidedConversation"', '"id": "guided-conversation"']],
  },
  {
    name: 'measure out of range',
    codes: ['MEASURE_RANGE'],
    edits: [['"score": 12', '"score": 30']],
  },
  {
    name: 'missing feedback',
    codes: ['NO_FEEDBACK'],
    edits: [
      [
        '"points": { "safety": -1 },\n              "feedback": "Why this is weaker.",',
        '"points": { "safety": -1 },',
      ],
    ],
  },
  {
    name: 'atMinute before the dose',
    codes: ['AT_MINUTE_BEFORE_DOSE'],
    edits: [
      [
        '"id": "prep-consent",\n          "speaker": "patient",',
        '"id": "prep-consent",\n          "speaker": "patient",\n          "atMinute": 10,',
      ],
    ],
  },
];

describe('docs/authoring.md', () => {
  it.each(MISTAKES)('quotes what the validator says about: $name', ({ codes, edits }) => {
    const { diagnostics } = validate(edit(edits));
    expect(diagnostics.map((d) => d.code)).toEqual(codes);
    for (const d of diagnostics) expect(guide).toContain(formatDiagnostic(FILE, d));
  });

  it('the copy of the template, given its file name as id, validates with no warnings', async () => {
    const io = capture();
    const path = copy('my', edit([['"id": "minimal"', '"id": "my"']]));
    expect(await validateCommand([path], io)).toBe(0);
    expect(io.outLines).toEqual(['0 errors, 0 warnings in 1 file.']);
    expect(guide).toContain('   0 errors, 0 warnings in 1 file.');
  });

  it('quotes what tidy lists for the copy of the template', async () => {
    const io = capture();
    const path = copy('my', edit([['"id": "minimal"', '"id": "my"']]));
    expect(await tidyCommand([path], io)).toBe(0);
    const quoted = (l: string) => l.replace(path, FILE);
    for (const line of [...io.outLines.slice(0, 2), io.outLines.at(-1)!])
      expect(guide).toContain(`\n${quoted(line)}\n`);
  });

  it('quotes the analysis of the template', async () => {
    const io = capture();
    const path = copy('my', edit([['"id": "minimal"', '"id": "my"']]));
    expect(await analyzeCommand([path], io)).toBe(0);
    expect(guide).toContain(io.outLines.map((l) => (l ? '   ' + l : '')).join('\n'));
  });

  it('computes the worked scoring example as the engine does', () => {
    expect(guide).toContain(`--choices ${EXAMPLE.join(',')}`);
    const { scenario } = validate(template);
    const { report } = playHeadless(scenario!, { seed: 1, mode: 'assessment', choices: EXAMPLE });
    expect(report.competencies.safety).toMatchObject({
      earned: 10,
      possible: 14,
      worst: -11,
      percent: 84,
    });
    expect(report.competencies.alliance).toMatchObject({
      earned: 2,
      possible: 5,
      worst: -3,
      percent: 62.5,
    });
    expect(report.overall).toBeCloseTo(76.8, 1);
    expect(report.passed).toBe(true);
    expect(guide).toContain('**84%**');
    expect(guide).toContain('**62.5%**');
    expect(guide).toContain('**76.8%**');
  });

  it('says what the best strategy scores on the template, and why it is not 100%', () => {
    const { scenario } = validate(template);
    const { report } = playHeadless(scenario!, { seed: 1, mode: 'assessment', strategy: 'best' });
    expect(report.competencies.safety!.percent).toBe(100);
    expect(report.competencies.alliance!.percent).toBe(87.5);
    expect(report.overall).toBeCloseTo(95.8, 1);
    expect(report.decisions.find((d) => d.stepId === 'mon-peak')!.optionId).toBe('mon-peak-check');
    expect(guide.replace(/\s+/g, ' ')).toContain(
      'gives safety 100%, alliance 87.5% and 95.8% overall.',
    );
  });

  it('quotes the run report of the worked example', async () => {
    const io = capture();
    expect(
      await runCommand([copy('example-text', template), '--choices', EXAMPLE.join(',')], io),
    ).toBe(0);
    const from = io.outLines.indexOf('Competencies:');
    expect(from).toBeGreaterThan(0);
    expect(guide).toContain(io.outLines.slice(from).join('\n').trimEnd());
  });

  it('quotes the refused discharge that --choices does not wait for, and the choice after it', async () => {
    const choices = [
      ...EXAMPLE.slice(0, 4).map((c) => c.replace('prep-consent-weaker', 'prep-consent-best')),
      'mon-peak-check',
      'conv-emerging-reflect',
      'int-transport-drive',
      'int-discharge-go',
      'int-discharge-leave',
    ];
    expect(guide).toContain('`…,int-transport-drive,int-discharge-go,int-discharge-leave`');
    const io = capture();
    expect(
      await runCommand([copy('no-escort', template), '--choices', choices.join(',')], io),
    ).toBe(0);
    const refused = io.outLines.filter((l) => l.startsWith('  [minute'));
    expect(refused).toHaveLength(1);
    expect(guide).toContain(`\n     ${refused[0]!.trim()}\n`);
    expect(
      io.outLines.some((l) => /minute 120\] step int-discharge: Let the patient leave/.test(l)),
    ).toBe(true);
  });

  it('shows what run says when a gated option is the only way forward', async () => {
    const deferOption = [
      ',',
      '            {',
      '              "id": "admin-dose-defer",',
      '              "kind": "action",',
      '              "action": "delayDose",',
      '              "text": "Defer today\'s dose.",',
      '              "points": { "safety": 0 },',
      '              "feedback": "Deferring is always possible; it ends the session through an ending.",',
      '              "ending": "dose-deferred"',
      '            }',
    ].join('\n');
    const gated = edit([[deferOption, '']]);
    expect(validate(gated).diagnostics).toEqual([]);
    const io = capture();
    expect(await runCommand([copy('gated', gated), '--strategy', 'worst'], io)).toBe(1);
    const message = io.errLines.filter((l) => l.trim() !== '');
    expect(message.length).toBeGreaterThan(0);
    expect(guide).toContain(message.join('\n'));
  });
});
