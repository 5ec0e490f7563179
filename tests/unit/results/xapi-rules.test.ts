import { describe, expect, it } from 'vitest';
import { statementProblems } from '../../../src/engine/results/xapi-rules.ts';

const valid = {
  id: '5b0c8a8e-3f2d-5c57-9a53-2f6a4e1b7d10',
  actor: { mbox: 'mailto:trainee@example.org', name: 'Trainee' },
  verb: { id: 'http://adlnet.gov/expapi/verbs/answered', display: { 'en-US': 'answered' } },
  object: {
    objectType: 'Activity',
    id: 'https://example.org/scenario/a/step/s1',
    definition: {
      name: { en: 'Step s1' },
      interactionType: 'choice',
      choices: [{ id: 'o1', description: { en: 'One' } }],
    },
  },
  result: {
    response: 'o1',
    score: { scaled: 0.5, raw: 50, min: 0, max: 100 },
    extensions: { 'https://example.org/x': 1 },
  },
  context: {
    registration: '5b0c8a8e-3f2d-5c57-9a53-2f6a4e1b7d10',
    extensions: { 'https://example.org/m': 3 },
  },
  timestamp: '2026-01-01T10:00:00.000Z',
};

const withChange = (path: string[], value: unknown) => {
  const copy = structuredClone(valid) as Record<string, unknown>;
  let at = copy as Record<string, unknown>;
  for (const key of path.slice(0, -1)) at = at[key] as Record<string, unknown>;
  if (value === undefined) delete at[path.at(-1)!];
  else at[path.at(-1)!] = value;
  return copy;
};

describe('statementProblems', () => {
  it('accepts a complete, valid statement', () => {
    expect(statementProblems(valid)).toEqual([]);
  });

  it.each([
    [['id'], 'not-a-uuid', 'id must be a UUID'],
    [['actor', 'mbox'], 'trainee@example.org', 'actor.mbox must be a mailto: IRI'],
    [['actor', 'mbox'], undefined, 'actor must have exactly one identifier'],
    [['verb', 'id'], 'answered', 'verb.id must be an IRI'],
    [['object', 'id'], 'step 1', 'object.id must be an IRI'],
    [['object', 'definition', 'interactionType'], 'multiple', 'not an xAPI interaction type'],
    [['object', 'definition', 'choices'], [{ id: 'has space' }], 'choices[0].id'],
    [['result', 'score', 'scaled'], 1.5, 'result.score.scaled'],
    [['result', 'score', 'raw'], 150, 'result.score.raw is above max'],
    [['result', 'response'], 3, 'result.response must be a string'],
    [
      ['result', 'extensions'],
      { competency: 1 },
      'result.extensions key "competency" must be an IRI',
    ],
    [['context', 'registration'], '1234', 'context.registration must be a UUID'],
    [['context', 'extensions'], { minute: 3 }, 'context.extensions key "minute" must be an IRI'],
    [['timestamp'], '2026-01-01 10:00', 'timestamp must be an ISO 8601'],
    [['extra'], 1, 'unknown statement property "extra"'],
  ])('reports %j = %j', (path, value, problem) => {
    const problems = statementProblems(withChange(path, value));
    expect(problems.some((p) => p.includes(problem))).toBe(true);
  });

  it('rejects a non-object', () => {
    expect(statementProblems([])).toEqual(['statement must be an object']);
  });
});
