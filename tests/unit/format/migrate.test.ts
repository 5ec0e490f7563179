import { describe, expect, it } from 'vitest';
import {
  migrate,
  migrateV0toV1,
  migrateV1toV2,
  validate,
  type Migration,
} from '../../../src/engine/format/index.ts';
import { diagnosticsOf, readFixture } from './fixture-files.ts';

const v0 = () =>
  JSON.parse(readFixture('valid', 'v0-draft.json').toString('utf8')) as Record<string, unknown>;
const v1 = () =>
  JSON.parse(readFixture('valid', 'minimal-session.json').toString('utf8')) as Record<
    string,
    unknown
  >;

describe('format migrations', () => {
  it('turns the v0 draft into the same scenario as its v1 form', () => {
    const { $schema: _s, ...expected } = { ...v1(), formatVersion: 1 } as Record<string, unknown>;
    const { $schema: _t, ...migrated } = migrateV0toV1(v0());
    expect(migrated).toEqual(expected);
  });

  it('turns a v1 file into the same document under format 2, losing nothing', () => {
    const original = { ...v1(), formatVersion: 1 };
    const migrated = migrateV1toV2(original);
    expect(migrated).toEqual({ ...original, formatVersion: 2 });
    expect(Object.keys(migrated).slice(0, 2)).toEqual(['$schema', 'formatVersion']);
    expect(original.formatVersion).toBe(1);
  });

  it('reads a v1 file as v2 with one warning and the same scenario otherwise', () => {
    const text = JSON.stringify({ ...v1(), formatVersion: 1 });
    const { diagnostics, scenario } = validate(text);
    expect(diagnostics.map((d) => d.code)).toEqual(['FORMAT_MIGRATED']);
    expect(scenario).toEqual(validate(JSON.stringify(v1())).scenario);
  });

  it('does not modify its input', () => {
    const input = v0();
    const copy = structuredClone(input);
    migrateV0toV1(input);
    expect(input).toEqual(copy);
  });

  it('reads a v0 file as the current format, with a warning that says so', () => {
    const diagnostics = diagnosticsOf(readFixture('valid', 'v0-draft.json'));
    expect(diagnostics.map((d) => [d.severity, d.code])).toEqual([['warning', 'FORMAT_MIGRATED']]);
    const { scenario } = validate(readFixture('valid', 'v0-draft.json').toString('utf8'));
    expect(scenario?.formatVersion).toBe(2);
    expect(scenario?.passPercent).toBe(65);
    expect(scenario?.phases.map((p) => p.id)).toEqual([
      'preparation',
      'administration',
      'monitoring',
      'guidedConversation',
      'integration',
    ]);
  });

  it('applies one step per version, in order', () => {
    const seen: number[] = [];
    const step =
      (to: number): Migration =>
      (doc) => {
        seen.push(to);
        return { ...doc, formatVersion: to, [`v${to}`]: true };
      };
    const result = migrate({ formatVersion: 1 }, [step(1), step(2), step(3)], 3);
    expect(seen).toEqual([2, 3]);
    expect(result).toMatchObject({ ok: true, doc: { formatVersion: 3, v2: true, v3: true } });
  });

  it('refuses a newer format', () => {
    expect(migrate({ formatVersion: 3 })).toMatchObject({
      ok: false,
      findings: [{ code: 'FORMAT_TOO_NEW' }],
    });
    const doc = { ...v1(), formatVersion: 99 };
    expect(validate(JSON.stringify(doc)).diagnostics.map((d) => d.code)).toEqual([
      'FORMAT_TOO_NEW',
    ]);
  });

  it('leaves a malformed version to the schema check', () => {
    const doc = { ...v1(), formatVersion: '1' };
    expect(validate(JSON.stringify(doc)).diagnostics.map((d) => [d.code, d.path])).toEqual([
      ['SCHEMA_TYPE', '/formatVersion'],
    ]);
  });
});
