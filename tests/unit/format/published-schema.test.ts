import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { publishedSchemaText } from '../../../src/engine/format/index.ts';

const file = new URL('../../../scenarios/scenario.schema.json', import.meta.url);

describe('the published JSON Schema', () => {
  it('is up to date with schema.ts (run `npm run schema` to regenerate)', () => {
    expect(readFileSync(file, 'utf8')).toBe(publishedSchemaText());
  });

  const schema = JSON.parse(publishedSchemaText());

  it('declares draft 2020-12 and resolves every $ref inside the file', () => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    const refs = [...publishedSchemaText().matchAll(/"\$ref": "([^"]+)"/g)].map((m) => m[1]!);
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) {
      expect(ref).toMatch(/^#\/\$defs\//);
      expect(schema.$defs[ref.slice('#/$defs/'.length)]).toBeDefined();
    }
  });

  it('describes every property, for editors to show', () => {
    const undescribed: string[] = [];
    const stack: [unknown, string][] = [[schema, '']];
    while (stack.length > 0) {
      const [node, path] = stack.pop()!;
      if (Array.isArray(node)) node.forEach((n, i) => stack.push([n, `${path}/${i}`]));
      else if (typeof node === 'object' && node !== null) {
        const props: Record<string, { description?: unknown }> | undefined = (
          node as { properties?: Record<string, { description?: unknown }> }
        ).properties;
        for (const [key, sub] of Object.entries(props ?? {})) {
          if (typeof sub.description !== 'string' || sub.description.length === 0)
            undescribed.push(`${path}/properties/${key}`);
        }
        for (const [k, v] of Object.entries(node)) stack.push([v, `${path}/${k}`]);
      }
    }
    expect(undescribed).toEqual([]);
  });
});
