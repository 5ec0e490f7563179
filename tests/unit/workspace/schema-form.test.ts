import { describe, expect, it } from 'vitest';
import { Value } from '@sinclair/typebox/value';
import { Option, Step, TimedEvent } from '../../../src/engine/format/schema.ts';
import {
  ROOT,
  classify,
  defaultValue,
  matchVariant,
  schemaAt,
  walkSchema,
  type Schema,
} from '../../../src/workspace/editor/schema-form.ts';

describe('forms generated from the format definition', () => {
  it('every node of the format has a form field (a new kind of node fails here)', () => {
    const unknown: string[] = [];
    let nodes = 0;
    walkSchema(ROOT, (node, where) => {
      nodes++;
      const f = classify(node);
      if (f.kind === 'unknown') unknown.push(`${where}: ${f.reason}`);
    });
    expect(unknown).toEqual([]);
    expect(nodes).toBeGreaterThan(200);
  });

  it('every property of the format is reachable through the forms', () => {
    const found = new Set<string>();
    walkSchema(ROOT, (_node, where) => found.add(where));
    for (const where of [
      '/phases/*/steps/*/options/*/when',
      '/phases/*/steps/*/options/*/critical/explanation',
      '/events/*/respond/withinMinutes',
      '/events/*/trigger|0/atMinute',
      '/protocol/monitoring/*/windowMinutes',
      '/patient/baseline/systolic',
      '/media/audio/*/caption',
    ])
      expect(found, where).toContain(where);
  });

  it('unions of literals are selects, numbers keep their limits, conditions resolve', () => {
    const option = classify(Option as unknown as Schema);
    expect(option.kind).toBe('object');
    const kind = classify(
      (Option as unknown as { properties: Record<string, Schema> }).properties.kind!,
    );
    expect(kind).toEqual({ kind: 'choice', values: ['response', 'action'] });
    const within = schemaAt(ROOT, ['events', 0, 'respond', 'withinMinutes'], {});
    expect(classify(within!)).toMatchObject({ kind: 'number', min: 1, max: 120 });
    const when = schemaAt(Option as unknown as Schema, ['when'], {});
    expect(classify(when!).kind).toBe('variants');
    expect(when!.description).toBe('Offered only while this condition holds.');
  });

  it('picks the variant a value is, and follows it in paths', () => {
    const trigger = schemaAt(TimedEvent as unknown as Schema, ['trigger'], {})!;
    const f = classify(trigger);
    if (f.kind !== 'variants') throw new Error('trigger is a union');
    expect(matchVariant(f.variants, { atMinute: 5 })).toBe(0);
    expect(matchVariant(f.variants, { vital: 'systolic', above: 160 })).toBe(1);
    const above = schemaAt(TimedEvent as unknown as Schema, ['trigger', 'above'], {
      trigger: { vital: 'systolic' },
    });
    expect(above?.description).toMatch(/rises above/);
  });

  it('default values have every required field of the format', () => {
    const step = defaultValue(Step as unknown as Schema) as Record<string, unknown>;
    expect(Object.keys(step).sort()).toEqual(['id', 'options', 'speaker', 'text']);
    expect((step.options as unknown[]).length).toBe(1);
    const event = defaultValue(TimedEvent as unknown as Schema);
    // Fits the format once ids are real.
    expect(
      Value.Check(TimedEvent, JSON.parse(JSON.stringify(event).replaceAll('"new"', '"e1"'))),
    ).toBe(true);
  });
});
