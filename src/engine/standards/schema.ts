/**
 * The standards-of-practice catalogue format — the single source of truth for
 * `standards/kap-practice.json`, its published JSON Schema (`standards/standards.schema.json`) and
 * the generated `docs/standards.md` (all written by `npm run docs:standards`).
 *
 * A standard is one rule of practice that every scenario grades the same way: options and missed
 * event consequences cite the standards they meet or breach, and the validator holds a breach to
 * the standard's severity floor (see `floor.ts`).
 */
import { Type, type Static } from '@sinclair/typebox';

/** Severity floors, from the most to the least severe. */
export const SEVERITY_FLOORS = ['critical', 'major', 'minor'] as const;
export type SeverityFloor = (typeof SEVERITY_FLOORS)[number];

/** Kinds of source, from the hardest rule to the weakest evidence. */
export const SOURCE_STRENGTHS = [
  'label',
  'rems',
  'regulation',
  'guideline',
  'professional-code',
  'curriculum',
  'peer-reviewed',
  'preprint',
  'clinic',
  'secondary',
  'clinical-judgement',
] as const;
export type SourceStrength = (typeof SOURCE_STRENGTHS)[number];

const StandardId = (what: string) =>
  Type.String({
    pattern: '^[a-z][a-z0-9]*(-[a-z0-9]+)*$',
    maxLength: 80,
    description: `${what}: lowercase words joined by hyphens.`,
  });

const Text = (description: string, maxLength = 2000) =>
  Type.String({ minLength: 1, maxLength, description });

export const Source = Type.Object(
  {
    label: Text('The source: title, section and publisher or author.', 400),
    url: Type.Optional(
      Type.String({ format: 'uri', maxLength: 600, description: 'Where to read it.' }),
    ),
    strength: Type.Union(
      SOURCE_STRENGTHS.map((s) => Type.Literal(s)),
      {
        description:
          "What kind of source it is: drug label, REMS requirement, law or regulation, clinical or accreditation guideline, professional ethics code, training curriculum, peer-reviewed paper, preprint, one clinic's practice, secondary report, or clinical judgement (no published source).",
      },
    ),
    supports: Text('What the source says that supports the rule, quoted or closely paraphrased.'),
  },
  { additionalProperties: false, description: 'One source of a standard, with its strength.' },
);

export const Standard = Type.Object(
  {
    id: StandardId('Standard id, unique in the catalogue; options cite it'),
    title: Text('A short title, shown in the debrief.', 100),
    rule: Text('The rule in one sentence.', 400),
    competency: StandardId('The id of the catalogue competency the standard belongs to'),
    floor: Type.Union(
      SEVERITY_FLOORS.map((s) => Type.Literal(s)),
      {
        description:
          'The least an option that breaches the standard must be graded: "critical" (a critical error), "major" or "minor" (a points deduction; see docs/standards.md).',
      },
    ),
    rationale: Text('Why the rule matters and how strong its evidence is.'),
    sources: Type.Array(Source, {
      minItems: 1,
      description: 'The sources of the rule, each with its strength.',
    }),
  },
  { additionalProperties: false, description: 'One standard of practice.' },
);

export const CatalogueCompetency = Type.Object(
  {
    id: StandardId('Catalogue competency id'),
    label: Text('Short label.', 80),
    description: Text('What the competency covers.', 600),
    scenarioCompetencies: Type.Array(
      Type.String({ pattern: '^[A-Za-z][A-Za-z0-9_-]*$', maxLength: 80 }),
      {
        minItems: 1,
        uniqueItems: true,
        description:
          'Scenario competency ids that score this competency, in order of preference: a scenario scores a breach in the first of these it declares.',
      },
    ),
  },
  {
    additionalProperties: false,
    description: 'A competency of the catalogue, which scenario competencies map to.',
  },
);

export const Catalogue = Type.Object(
  {
    $schema: Type.Optional(Type.String({ description: 'Path of standards.schema.json.' })),
    id: StandardId('Catalogue id'),
    version: Type.String({
      pattern: '^\\d+\\.\\d+\\.\\d+$',
      description: 'The catalogue version, e.g. "1.0.0". Raise it whenever a rule changes.',
    }),
    title: Text('Title of the catalogue.', 160),
    competencies: Type.Array(CatalogueCompetency, {
      minItems: 1,
      description: 'The competencies standards belong to.',
    }),
    standards: Type.Array(Standard, { minItems: 1, description: 'The standards of practice.' }),
  },
  {
    $id: 'https://kap-simulator.local/standards.schema.json',
    additionalProperties: false,
    description: 'A catalogue of standards of practice cited by KAP Simulator scenarios.',
  },
);

export type StandardDef = Static<typeof Standard>;
export type CatalogueDef = Static<typeof Catalogue>;
