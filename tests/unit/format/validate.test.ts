import { describe, expect, it } from 'vitest';
import { validate } from '../../../src/engine/format/index.ts';
import { FIXTURE_AUDIO, minimalText } from './fixture-files.ts';

const base = () => JSON.parse(minimalText());
const check = (doc: unknown, options = { knownAudioFiles: FIXTURE_AUDIO }) =>
  validate(JSON.stringify(doc, null, 2), options);
const codes = (doc: unknown) => check(doc).diagnostics.map((d) => d.code);

describe('validate', () => {
  it('returns the scenario only when there are no errors', () => {
    const ok = check(base());
    expect(ok.scenario?.id).toBe('fixture-minimal-session');
    const doc = base();
    doc.phases[0].steps[0].options[0].next = 'nowhere';
    const bad = check(doc);
    expect(bad.scenario).toBeUndefined();
    expect(bad.diagnostics.map((d) => d.code)).toEqual(['UNKNOWN_STEP']);
  });

  it('keeps the scenario when there are only warnings', () => {
    const doc = base();
    delete doc.phases[0].steps[0].options[0].feedback;
    const result = check(doc);
    expect(result.diagnostics.map((d) => [d.severity, d.code])).toEqual([
      ['warning', 'NO_FEEDBACK'],
    ]);
    expect(result.scenario).toBeDefined();
  });

  it('reports every problem at once, sorted by position', () => {
    const doc = base();
    doc.difficulty = 'hard';
    doc.phases[4].steps[1].options[0].ending = 'ending-completed';
    doc.events[0].audio = 'nope';
    const result = check(doc);
    expect(result.diagnostics.map((d) => d.code)).toEqual([
      'SCHEMA_ENUM',
      'UNKNOWN_ENDING',
      'UNKNOWN_AUDIO',
    ]);
    const lines = result.diagnostics.map((d) => d.line);
    expect([...lines].sort((a, b) => a - b)).toEqual(lines);
    expect(result.diagnostics[1]!.hint).toBe('Did you mean "ending-complete"?');
  });

  it('suggests the intended property when one is misspelt and missing', () => {
    const doc = base();
    doc.phases[1].strat = doc.phases[1].start;
    delete doc.phases[1].start;
    const [d, ...rest] = check(doc).diagnostics;
    expect(rest).toEqual([]);
    expect(d).toMatchObject({
      code: 'SCHEMA_UNKNOWN_PROPERTY',
      path: '/phases/1/strat',
      hint: 'Did you mean "start"?',
    });
  });

  it('explains a malformed condition through the variant the author meant', () => {
    const doc = base();
    doc.phases[1].steps[0].options[0].when = { any: [{ protocl: 'dosed' }] };
    const [d, ...rest] = check(doc).diagnostics;
    expect(rest).toEqual([]);
    expect(d).toMatchObject({
      code: 'SCHEMA_UNKNOWN_PROPERTY',
      path: '/phases/1/steps/0/options/0/when/any/0/protocl',
      hint: 'Did you mean "protocol"?',
    });
  });

  it('flags duplicated phases, empty threshold triggers and missing audio files', () => {
    const doc = base();
    doc.phases.push({ ...doc.phases[4] });
    doc.events[1].trigger = { vital: 'systolic' };
    const result = check(doc, { knownAudioFiles: [] });
    const found = result.diagnostics.map((d) => [d.code, d.path]);
    expect(found).toContainEqual(['PHASE_DUPLICATE', '/phases/5/id']);
    expect(found).toContainEqual(['TRIGGER_EMPTY', '/events/1/trigger']);
    expect(found).toContainEqual(['AUDIO_FILE_MISSING', '/media/audio/0/file']);
  });

  it('needs the drug effects to end within the session', () => {
    const doc = base();
    doc.protocol.timeCourse.offsetMinutes = 200;
    expect(codes(doc)).toEqual(['OUTSIDE_SESSION']);
  });

  it('lets a step option lead to only one place and event options to no step', () => {
    const doc = base();
    doc.phases[2].steps[0].options[0].ending = 'ending-complete';
    doc.events[0].respond.options[0].ending = 'ending-complete';
    expect(codes(doc)).toEqual(['OPTION_TARGET']);
  });

  it('skips the safety warning when the scenario has no "safety" competency', () => {
    const doc = base();
    doc.competencies[0].id = 'medical';
    const text = JSON.stringify(doc).replaceAll('"safety"', '"medical"');
    const result = validate(text, { knownAudioFiles: FIXTURE_AUDIO });
    expect(result.diagnostics).toEqual([]);
  });

  it('gives a location to every diagnostic, the nearest existing parent when the property is missing', () => {
    const doc = base();
    delete doc.protocol.dose;
    const text = JSON.stringify(doc, null, 2);
    const [d] = validate(text).diagnostics;
    expect(d).toMatchObject({ code: 'SCHEMA_REQUIRED', path: '/protocol/dose' });
    const line = text.split('\n')[d!.line - 1]!;
    expect(line.slice(d!.column - 1)).toMatch(/^"protocol"/);
  });
});
