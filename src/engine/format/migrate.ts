/**
 * Format migrations: one pure function per version step, applied in a chain.
 *
 * Format 0 was the draft format: `phases` was an object keyed by phase id
 * (`{"preparation": {"start": …, "steps": […]}, …}`) and the pass mark lived in
 * `scoring: {"passPercent": …}`. Format 1 lists phases as an array with an `id` each and has a
 * top-level `passPercent`. Format 2 (the visit model) only adds optional fields to format 1 —
 * clocks from arrival, a hard-stop blood pressure, rests before a recheck — and every format-1
 * time keeps its meaning (minutes since the dose), so a format-1 file is a format-2 file with a
 * new version number and plays the same (docs/format-changelog.md).
 */
import { FORMAT_VERSION } from './schema.ts';
import { error, warning, type Finding } from './diagnostics.ts';

type Doc = Record<string, unknown>;
/** Turns a document of version N into version N + 1. Must not modify its input. */
export type Migration = (doc: Doc) => Doc;

const isObject = (v: unknown): v is Doc => typeof v === 'object' && v !== null && !Array.isArray(v);

/** v0 → v1: phases object → array; scoring.passPercent → passPercent. */
export const migrateV0toV1: Migration = (doc) => {
  const { scoring, phases, ...rest } = doc;
  const out: Doc = { ...rest, formatVersion: 1 };
  if (isObject(phases)) {
    out.phases = Object.entries(phases).map(([id, phase]) =>
      isObject(phase) ? { id, ...phase } : phase,
    );
  } else if (phases !== undefined) {
    out.phases = phases;
  }
  if (isObject(scoring) && scoring.passPercent !== undefined && out.passPercent === undefined) {
    out.passPercent = scoring.passPercent;
  } else if (scoring !== undefined && !isObject(scoring)) {
    out.scoring = scoring; // left for the schema check to report
  }
  return out;
};

/** v1 → v2: the same document under the new version (every v1 field keeps its meaning in v2). */
export const migrateV1toV2: Migration = (doc) => {
  const { $schema, formatVersion: _v, ...rest } = doc;
  return $schema === undefined
    ? { formatVersion: 2, ...rest }
    : { $schema, formatVersion: 2, ...rest };
};

/** MIGRATIONS[n] turns version n into version n + 1. */
export const MIGRATIONS: readonly Migration[] = [migrateV0toV1, migrateV1toV2];

export type MigrationResult =
  { ok: true; doc: Doc; findings: Finding[] } | { ok: false; findings: Finding[] };

/**
 * Brings a parsed document to the current format. A missing or malformed formatVersion is left
 * for the schema check; a newer one is refused.
 */
export function migrate(
  doc: Doc,
  migrations: readonly Migration[] = MIGRATIONS,
  current = FORMAT_VERSION,
): MigrationResult {
  const version = doc.formatVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0)
    return { ok: true, doc, findings: [] };
  if (version > current) {
    return {
      ok: false,
      findings: [
        error(
          'FORMAT_TOO_NEW',
          '/formatVersion',
          `This scenario uses format ${version}; this version of the simulator reads formats up to ${current}.`,
          'Update the simulator, or ask the author for a version of the scenario in an older format.',
        ),
      ],
    };
  }
  if (version === current) return { ok: true, doc, findings: [] };
  let out = doc;
  for (let v = version; v < current; v++) {
    const step = migrations[v];
    if (step === undefined) {
      return {
        ok: false,
        findings: [
          error(
            'FORMAT_UNSUPPORTED',
            '/formatVersion',
            `No migration from format ${v} to ${v + 1}.`,
          ),
        ],
      };
    }
    out = step(out);
  }
  return {
    ok: true,
    doc: out,
    findings: [
      warning(
        'FORMAT_MIGRATED',
        '/formatVersion',
        `This scenario uses the older format ${version}; it was read as format ${current}.`,
        `Rewrite the file in format ${current} with \`npm run scenario -- migrate FILE\` which keeps the formatting and every untouched line; until then, positions of later diagnostics may point at the nearest existing parent.`,
      ),
    ],
  };
}
