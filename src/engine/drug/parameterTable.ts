/**
 * The parameter table of docs/drug-model.md, rendered from DRUG_PARAMETERS so the document and the
 * code cannot disagree (a unit test compares them; `npx tsx scripts/write-drug-parameters.ts`
 * rewrites the document's table).
 */
import { drugCurve } from './curve.ts';
import { DRUG_PARAMETERS, DRUG_SOURCES } from './parameters.ts';
import type { Drug, DrugEffect, DrugInput } from './types.ts';

/** Markers around the generated part of docs/drug-model.md. */
export const TABLE_START =
  '<!-- drug-parameters:start (generated from src/engine/drug/parameters.ts) -->';
export const TABLE_END = '<!-- drug-parameters:end -->';

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** A value to 4 significant digits, without trailing zeros. */
export function formatValue(value: number): string {
  return String(Number(value.toPrecision(4)));
}

/** Markdown: the parameter table, then the sources it cites. */
export function renderParameterTable(): string {
  const rows = Object.entries(DRUG_PARAMETERS).map(
    ([name, p]) =>
      `| \`${name}\` | ${formatValue(p.value)} | ${cell(p.unit || '–')} | ${p.kind} | ${p.sources.join(', ')} | ${cell(p.note ?? '')} |`,
  );
  const sources = Object.entries(DRUG_SOURCES).map(([key, text]) => `- **${key}**: ${cell(text)}`);
  return [
    '| Parameter | Value | Unit | Kind | Sources | Note |',
    '| --- | --- | --- | --- | --- | --- |',
    ...rows,
    '',
    'Sources:',
    '',
    ...sources,
  ].join('\n');
}

/** Typical doses from the project's clinical facts (Appendix A), for a 70-kg patient. */
const REFERENCE_DOSES: Array<{ label: string; drug: Drug; inputs: DrugInput[] }> = [
  {
    label: 'IV 0.5 mg/kg over 40 min',
    drug: 'ketamine',
    inputs: [
      { kind: 'infusionRate', minute: 0, mgPerMinute: 35 / 40 },
      { kind: 'infusionRate', minute: 40, mgPerMinute: 0 },
    ],
  },
  ...[0.5, 1, 2].map((mgPerKg) => ({
    label: `IM ${mgPerKg} mg/kg`,
    drug: 'ketamine' as const,
    inputs: [
      { kind: 'bolus' as const, minute: 0, route: 'intramuscular' as const, mg: mgPerKg * 70 },
    ],
  })),
  ...[100, 200].map((mg) => ({
    label: `Lozenge ${mg} mg, a quarter swallowed`,
    drug: 'ketamine' as const,
    inputs: [{ kind: 'lozenge' as const, minute: 0, mg, swallowedFraction: 0.25 }],
  })),
  ...[2, 3].map((devices) => ({
    label: `Esketamine ${devices * 28} mg (${devices} devices, 5 min apart)`,
    drug: 'esketamine' as const,
    inputs: Array.from({ length: devices }, (_, i) => ({
      kind: 'intranasal' as const,
      minute: 5 * i,
      mg: 28,
    })),
  })),
];

/** Markdown: what the model gives for the reference doses (peaks and their minutes). */
export function renderReferenceDoses(): string {
  const rows = REFERENCE_DOSES.map(({ label, drug, inputs }) => {
    const curve = drugCurve(drug, { weightKg: 70 }, inputs, 0, 360, 1);
    const top = (key: keyof DrugEffect) => curve.reduce((b, r) => (r[key] > b[key] ? r : b));
    const plasma = top('plasmaNgPerMl');
    const diss = top('dissociation');
    const sbp = top('systolicDelta');
    const below1 = curve.find((r) => r.minute > diss.minute && r.dissociation < 1);
    return `| ${label} | ${plasma.plasmaNgPerMl.toFixed(0)} at ${plasma.minute} | ${diss.dissociation.toFixed(1)} at ${diss.minute} | ${below1 ? below1.minute : '> 360'} | +${sbp.systolicDelta.toFixed(0)} at ${sbp.minute} | ${top('sedation').sedation.toFixed(1)} |`;
  });
  return [
    '| Dose (70 kg) | Plasma peak, ng/mL at min | Dissociation peak (0–10) at min | Dissociation < 1 from min | Systolic rise, mmHg at min | Sedation peak (0–10) |',
    '| --- | --- | --- | --- | --- | --- |',
    ...rows,
  ].join('\n');
}

/** The whole generated block of docs/drug-model.md. */
export function renderGeneratedDoc(): string {
  return [
    'What the model gives for typical doses (computed, not measured):',
    '',
    renderReferenceDoses(),
    '',
    'Every parameter:',
    '',
    renderParameterTable(),
  ].join('\n');
}
