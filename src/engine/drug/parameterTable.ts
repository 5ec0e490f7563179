/**
 * The parameter table of docs/drug-model.md, rendered from DRUG_PARAMETERS so the document and the
 * code cannot disagree (a unit test compares them; `npx tsx scripts/write-drug-parameters.ts`
 * rewrites the document's table).
 */
import { DRUG_PARAMETERS, DRUG_SOURCES } from './parameters.ts';

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
