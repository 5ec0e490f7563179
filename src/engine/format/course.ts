/**
 * The course format: a file that lists visits (scenario files) in order and the facts that carry
 * from one visit to the next. `validateCourse(text)` returns located diagnostics like `validate`.
 */
import { Type, type Static } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { error, type Finding } from './diagnostics.ts';
import { parseScenarioText } from './parse.ts';
import { FORMAT_VERSION, PROTOCOL_FACTS } from './schema.ts';
import { place } from './validate.ts';
import type { Diagnostic } from './diagnostics.ts';

export const Course = Type.Object(
  {
    $schema: Type.Optional(Type.String({ description: 'Path or URL of a schema, for editors.' })),
    formatVersion: Type.Literal(FORMAT_VERSION, {
      description: `The format version (courses exist from format ${FORMAT_VERSION}).`,
    }),
    kind: Type.Literal('course', { description: 'Marks the file as a course, not a scenario.' }),
    id: Type.String({
      pattern: '^[a-z0-9]+(-[a-z0-9]+)*$',
      maxLength: 80,
      description: 'Course id.',
    }),
    title: Type.String({ minLength: 1, maxLength: 160, description: 'Title of the course.' }),
    visits: Type.Array(
      Type.Object(
        {
          scenario: Type.String({
            pattern: '^[A-Za-z0-9_.-]+\\.json$',
            description: 'The scenario file of this visit, beside the course file.',
          }),
        },
        { additionalProperties: false, description: 'One visit of the course.' },
      ),
      { minItems: 1, maxItems: 20, description: 'The visits, in the order they are played.' },
    ),
    carry: Type.Object(
      {
        variables: Type.Optional(
          Type.Array(Type.String({ minLength: 1, maxLength: 80 }), {
            uniqueItems: true,
            description:
              'Variables whose values carry to later visits (e.g. consent to touch and its terms, the intention, a safety plan); a visit that declares one starts with the carried value.',
          }),
        ),
        facts: Type.Optional(
          Type.Array(
            Type.Union(PROTOCOL_FACTS.filter((f) => f !== 'dosed').map((f) => Type.Literal(f))),
            { uniqueItems: true, description: 'Protocol facts that carry (e.g. consentRecorded).' },
          ),
        ),
        lastVitals: Type.Optional(
          Type.Boolean({
            description: "The next visit's vital signs start where the last visit's ended.",
          }),
        ),
      },
      { additionalProperties: false, description: 'What carries from one visit to the next.' },
    ),
  },
  { additionalProperties: false, description: 'A course: visits played in order.' },
);
export type CourseDef = Static<typeof Course>;

/** Every diagnostic about a course file, and the course when there is no error. */
export function validateCourse(text: string): { diagnostics: Diagnostic[]; course?: CourseDef } {
  const parsed = parseScenarioText(text);
  if (!parsed.ok) return { diagnostics: place(parsed.text, parsed.findings) };
  const findings: Finding[] = [...Value.Errors(Course, parsed.value)].map((e) =>
    error('COURSE_SCHEMA', e.path, `${e.path || 'The course'}: ${e.message}.`),
  );
  const diagnostics = place(parsed.text, findings);
  return diagnostics.length > 0
    ? { diagnostics }
    : { diagnostics, course: parsed.value as unknown as CourseDef };
}
