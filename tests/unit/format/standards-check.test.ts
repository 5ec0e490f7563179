import { describe, expect, it } from 'vitest';
import { validate } from '../../../src/engine/format/index.ts';
import { minimalText } from './fixture-files.ts';

/** The minimal valid scenario with the rushed consent option ("prep-rush") changed. */
function withRush(change: Record<string, unknown>) {
  const doc = JSON.parse(minimalText()) as {
    phases: { steps: { options: Record<string, unknown>[] }[] }[];
  };
  const rush = doc.phases[0]!.steps[0]!.options[1]!;
  Object.assign(rush, change);
  return validate(JSON.stringify(doc, null, 2)).diagnostics.map((d) => `${d.code} ${d.path}`);
}

const AT = '/phases/0/steps/0/options/1/standards/breaches/0';

describe('standards cited by options', () => {
  it('accepts a breach graded at its floor', () => {
    expect(
      withRush({ standards: { breaches: ['suicide-risk-asked'] }, points: { safety: -3 } }),
    ).toEqual([]);
    expect(
      withRush({
        standards: { breaches: ['observe-dosed-patient'] },
        critical: { explanation: 'Left alone.' },
      }),
    ).toEqual([]);
  });

  it('refuses a major breach that costs less than 3 points, however many it earns elsewhere', () => {
    expect(
      withRush({
        standards: { breaches: ['suicide-risk-asked'] },
        points: { safety: -2, alliance: 5 },
      }),
    ).toEqual([`STANDARD_BELOW_FLOOR ${AT}`]);
  });

  it('refuses a critical breach without a critical error', () => {
    expect(
      withRush({ standards: { breaches: ['no-driving-day-of-dosing'] }, points: { safety: -10 } }),
    ).toEqual([`STANDARD_BELOW_FLOOR ${AT}`]);
  });

  it('refuses ids that are not in the catalogue, built-in object names included', () => {
    expect(withRush({ standards: { breaches: ['toString'] } })).toEqual([`UNKNOWN_STANDARD ${AT}`]);
  });

  it('suggests the id an unknown standard was probably meant to be', () => {
    const hint = (id: string) => {
      const doc = JSON.parse(minimalText()) as {
        phases: { steps: { options: Record<string, unknown>[] }[] }[];
      };
      doc.phases[0]!.steps[0]!.options[1]!.standards = { breaches: [id] };
      const d = validate(JSON.stringify(doc)).diagnostics.find(
        (x) => x.code === 'UNKNOWN_STANDARD',
      );
      return d?.hint;
    };
    // A misspelling, and the same words in another order.
    expect(hint('records-truthfull')).toBe('Did you mean "records-truthful"?');
    expect(hint('truthful-records')).toBe('Did you mean "records-truthful"?');
    expect(hint('nothing-like-it')).toBe(
      'The standards and their ids are listed in docs/standards.md.',
    );
  });
});
