/** Implied values, and the checks for mistakes authors make that would otherwise pass. */
import { describe, expect, it } from 'vitest';
import { validate } from '../../../src/engine/format/index.ts';
import { readFileSync } from 'node:fs';
import { FIXTURE_AUDIO, minimalText, readFixture } from './fixture-files.ts';

const HARD_STOP = new URL('../../../scenarios/hard-stop-blood-pressure.json', import.meta.url);

const base = () => JSON.parse(minimalText());
const check = (doc: unknown) =>
  validate(JSON.stringify(doc, null, 2), { knownAudioFiles: FIXTURE_AUDIO });
const codes = (doc: unknown) => check(doc).diagnostics.map((d) => d.code);
const text = (folder: string, file: string) => readFixture(folder, file).toString('utf8');

describe('implied kind and next', () => {
  it('a file that leaves them out gives the same scenario as one that writes them', () => {
    const written = validate(minimalText(), { knownAudioFiles: FIXTURE_AUDIO });
    const implied = validate(text('valid', 'implied-values.json'), {
      knownAudioFiles: FIXTURE_AUDIO,
    });
    expect(implied.diagnostics).toEqual([]);
    expect(implied.scenario).toEqual(written.scenario);
  });

  it('kind follows the action, on step and event options alike', () => {
    const doc = base();
    delete doc.phases[0].steps[0].options[0].kind; // has "action": "recordConsent"
    delete doc.phases[0].steps[0].options[1].kind; // has no action
    delete doc.events[0].respond.options[0].kind; // has "action": "giveMedication"
    const s = check(doc).scenario!;
    expect(s.phases[0]!.steps[0]!.options.map((o) => o.kind)).toEqual(['action', 'response']);
    expect(s.events[0]!.respond!.options[0]!.kind).toBe('action');
  });

  it('next defaults to the following step of the phase, never to another phase', () => {
    const doc = base();
    delete doc.phases[3].steps[0].options[0].next; // talk-open → talk-close follows it
    expect(check(doc).scenario!.phases[3]!.steps[0]!.options[0]!.next).toBe('talk-close');
    const last = base();
    delete last.phases[3].steps[1].options[0].endsPhase; // talk-close is the last step
    const result = check(last);
    const target = result.diagnostics.filter((d) => d.code === 'OPTION_TARGET');
    expect(target.map((d) => d.path)).toEqual(['/phases/3/steps/1/options/0']);
    expect(target[0]!.hint).toContain('the last step of its phase');
    // The phase can no longer end: it is not carried on into integration.
    expect(result.diagnostics.map((d) => d.code)).toContain('DEAD_END');
  });

  it('a written value is never replaced', () => {
    const doc = base();
    doc.phases[0].steps[0].options[1].next = 'prep-welcome';
    const s = check(doc).scenario!;
    expect(s.phases[0]!.steps[0]!.options[1]!.next).toBe('prep-welcome');
    expect(s.phases[0]!.steps[0]!.options[1]!.kind).toBe('response');
  });
});

describe('option kinds', () => {
  it('an action option needs its action; a response may not carry one', () => {
    const doc = base();
    delete doc.phases[0].steps[1].options[0].action;
    doc.phases[0].steps[0].options[1].action = 'checkVitals';
    const found = check(doc).diagnostics.map((d) => [d.code, d.path, d.severity]);
    expect(found).toEqual([
      ['RESPONSE_WITH_ACTION', '/phases/0/steps/0/options/1/action', 'error'],
      ['ACTION_MISSING', '/phases/0/steps/1/options/0/kind', 'error'],
    ]);
  });
});

describe('steps whose options are never offered', () => {
  it('is an error when every option needs a variable value nothing sets', () => {
    const doc = base();
    doc.phases[1].steps[0].options[1].when = { var: 'touchConsent', eq: true };
    expect(codes(doc)).toEqual([]); // consent sets touchConsent: it can hold
    doc.variables[0].initial = false;
    doc.phases[0].steps[0].options[0].effects.set.touchConsent = false;
    expect(codes(doc)).toEqual(['STEP_NEVER_OFFERS']);
  });

  it('follows not, any and all, and assumes vitals and facts can take any value', () => {
    const doc = base();
    const step = doc.phases[3].steps[1];
    step.options[0].when = { not: { var: 'trust', ne: 1234 } };
    delete doc.phases[0].steps[0].options[0].effects.add; // trust stays 0
    expect(codes(doc)).toEqual(['STEP_NEVER_OFFERS']);
    step.options[0].when = {
      any: [
        { var: 'trust', eq: 9 },
        { vital: 'anxiety', gt: 3 },
      ],
    };
    expect(codes(doc)).toEqual([]);
    step.options[0].when = { all: [{ var: 'trust', eq: 9 }, { protocol: 'dosed' }] };
    expect(codes(doc)).toEqual(['STEP_NEVER_OFFERS']);
  });

  it('a number something adds to may take any value', () => {
    const doc = base();
    doc.phases[3].steps[1].options[0].when = { var: 'trust', gte: 50 };
    expect(codes(doc)).toEqual([]);
  });
});

describe('atMinute along paths', () => {
  it('warns where a later step on a path has an earlier minute, within and across phases', () => {
    const result = validate(text('valid', 'minutes-backwards.json'), {
      knownAudioFiles: FIXTURE_AUDIO,
    });
    expect(result.scenario).toBeDefined();
    const found = result.diagnostics.map((d) => [d.code, d.path]);
    expect(found).toEqual([
      ['AT_MINUTE_BACKWARDS', '/phases/3/steps/1/atMinute'],
      ['AT_MINUTE_BACKWARDS', '/phases/4/steps/0/atMinute'],
    ]);
    expect(result.diagnostics[0]!.message).toContain('"talk-open" at minute 40');
  });

  it('ignores minutes before dosing and terminates on loops', () => {
    const doc = base();
    doc.phases[2].steps[0].atMinute = 10; // mon-onset loops to itself through mon-lights
    doc.phases[0].steps[0].atMinute = 90; // no effect before dosing (its own warning)
    expect(codes(doc)).toEqual(['AT_MINUTE_BEFORE_DOSE']);
  });

  it('reports a misspelt "from" once, as the schema error, not also as a dose-clock minute', () => {
    const doc = base();
    doc.phases[0].steps[0].atMinute = 5;
    doc.phases[0].steps[0].from = 'rechek';
    const found = validate(JSON.stringify(doc)).diagnostics;
    expect(found.map((d) => d.code)).toEqual(['SCHEMA_ENUM']);
    expect(found[0]!.hint).toContain('Did you mean "recheck"?');
    delete doc.phases[0].steps[0].from;
    const warning = validate(JSON.stringify(doc)).diagnostics;
    expect(warning.map((d) => d.code)).toEqual(['AT_MINUTE_BEFORE_DOSE']);
    expect(warning[0]!.hint).toContain('"from": "arrival"');
  });

  it('says only a step counts from the rest when an event names the recheck clock', () => {
    const doc = JSON.parse(readFileSync(HARD_STOP, 'utf8'));
    doc.events[0].trigger.from = 'recheck';
    const found = validate(JSON.stringify(doc)).diagnostics.filter((d) => d.severity === 'error');
    expect(found.map((d) => [d.code, d.path])).toEqual([['SCHEMA_ENUM', '/events/0/trigger/from']]);
    expect(found[0]!.hint).toContain('Only a step\'s "atMinute" counts from the end of the rest');
  });
});

describe('reading the text', () => {
  it('reports duplicate keys at the second occurrence and numbers that are not finite', () => {
    const result = validate('{ "id": "a", "nested": { "x": 1, "x": 2 }, "n": -1e400, "id": "b" }');
    expect(result.diagnostics.map((d) => [d.code, d.path, d.column])).toEqual([
      ['DUPLICATE_KEY', '/nested/x', 34],
      ['NUMBER_NOT_FINITE', '/n', 49],
      ['DUPLICATE_KEY', '/id', 57],
    ]);
  });

  it('is not fooled by colons, quotes and key-like text inside strings', () => {
    const doc = base();
    doc.summary = 'A "quoted": value, "summary": with {braces} and \\ backslashes:';
    doc.phases[0].steps[0].text = '"text": "text":';
    expect(codes(doc)).toEqual([]);
    // The same keys in different objects are not duplicates.
    expect(minimalText().match(/"id":/g)!.length).toBeGreaterThan(10);
  });
});

describe('unknown properties', () => {
  it('lists every allowed property and suggests the nested one', () => {
    const doc = base();
    doc.events[0].atMinute = doc.events[0].trigger.atMinute;
    doc.events[0].trigger = { vital: 'systolic', above: 190 };
    const d = check(doc).diagnostics.find((x) => x.code === 'SCHEMA_UNKNOWN_PROPERTY')!;
    expect(d.path).toBe('/events/0/atMinute');
    expect(d.hint).toBe(
      'Did you mean "trigger.atMinute"? Allowed here: id, trigger, when, vitals, speaker, text, variants, affect, audio, alarm, respond.',
    );
  });

  it('still suggests a close spelling', () => {
    const doc = base();
    doc.phases[0].steps[0].afect = 'calm';
    const d = check(doc).diagnostics.find((x) => x.code === 'SCHEMA_UNKNOWN_PROPERTY')!;
    expect(d.hint).toMatch(
      /^Did you mean "affect"\? Allowed here: id, speaker, text, variants, affect,/,
    );
  });
});

describe('reserved ids', () => {
  it('refuses competency and variable ids that could never be keys', () => {
    const doc = base();
    doc.variables[0].id = 'prototype';
    const found = check(doc).diagnostics.filter((d) => d.code === 'RESERVED_ID');
    expect(found.map((d) => d.path)).toEqual(['/variables/0/id']);
  });
});
