import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { publishedSchema } from '../../../src/engine/format/json-schema.ts';
import { renderFieldReference } from '../../../scripts/write-field-reference.ts';

const docPath = new URL('../../../docs/field-reference.md', import.meta.url);

type Node = Record<string, unknown> & {
  properties?: Record<string, Node>;
  items?: Node;
  anyOf?: Node[];
  patternProperties?: Record<string, Node>;
};

/** Every property name declared anywhere in the schema, with its description. */
function declaredFields(node: Node, out: [string, string][] = []): [string, string][] {
  for (const [name, child] of Object.entries(node.properties ?? {})) {
    out.push([name, String(child.description ?? '')]);
    declaredFields(child, out);
  }
  if (node.items) declaredFields(node.items, out);
  for (const v of node.anyOf ?? []) declaredFields(v, out);
  for (const v of Object.values(node.patternProperties ?? {})) declaredFields(v, out);
  for (const v of Object.values((node.$defs as Record<string, Node> | undefined) ?? {}))
    declaredFields(v, out);
  return out;
}

describe('docs/field-reference.md', () => {
  it('is up to date with the schema (regenerate with `npm run docs:fields`)', () => {
    expect(readFileSync(docPath, 'utf8')).toBe(renderFieldReference());
  });

  it('lists every field of the schema with its description', () => {
    const doc = renderFieldReference();
    for (const [name, description] of declaredFields(publishedSchema() as Node)) {
      expect(doc, `field "${name}"`).toMatch(
        new RegExp('`([^`]*\\.)?' + name.replace(/\$/g, '\\$') + '`'),
      );
      if (description)
        expect(doc, `description of "${name}"`).toContain(description.replace(/\|/g, '\\|'));
    }
  });

  it('shows a new field, its type, requiredness and allowed range as soon as the schema has it', () => {
    const schema = publishedSchema() as Node;
    const patient = schema.properties!.patient!;
    const changed = {
      ...schema,
      properties: {
        ...schema.properties,
        patient: {
          ...patient,
          required: [...((patient.required as string[]) ?? []), 'weightKg'],
          properties: {
            ...patient.properties,
            weightKg: {
              type: 'number',
              minimum: 30,
              maximum: 300,
              description: 'Body weight in kilograms.',
            },
          },
        },
      },
    };
    const doc = renderFieldReference(changed);
    expect(doc).toContain(
      '| `patient.weightKg` | number | yes | Body weight in kilograms. | 30 to 300 |',
    );
    expect(doc).not.toBe(renderFieldReference());
  });

  it('lists the allowed values of enumerations', () => {
    expect(renderFieldReference()).toMatch(
      /\| `endings\[\]\.kind` \| string \| yes \| [^|]+ \| `"completed"`, `"deferred"`, `"referred"`, `"escalated"`, `"stopped"` \|/,
    );
  });
});
