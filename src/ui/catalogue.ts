/**
 * The bundled scenarios. Each file is its own lazy chunk (raw text), so the library renders
 * before any scenario is read; validation happens in the engine chunk when one is opened.
 */
import { listScenarioFiles } from '../engine/index.ts';

const modules = import.meta.glob<string>(['/scenarios/*.json', '!/scenarios/*.schema.json'], {
  query: '?raw',
  import: 'default',
});

export const entries = listScenarioFiles(Object.keys(modules));

/** What a library card shows, read without validating the whole file. */
export interface CardInfo {
  id: string;
  title: string;
  patient: string;
  conditions: string[];
  route: string;
  difficulty: string;
  estimatedMinutes: number | null;
  contentWarnings: string[];
}

export async function scenarioText(id: string): Promise<string> {
  const entry = entries.find((e) => e.id === id);
  const load = entry && modules[`/scenarios/${entry.file}`];
  if (!load) throw new Error(`There is no bundled scenario called "${id}".`);
  return load();
}

const str = (v: unknown, fallback = ''): string => (typeof v === 'string' ? v : fallback);
const strs = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((x) => typeof x === 'string') : [];

const cards = new Map<string, Promise<CardInfo>>();

/**
 * Reads the card fields once per page (the library reuses them on later visits); anything missing
 * shows as blank rather than failing the library.
 */
export function cardInfo(id: string): Promise<CardInfo> {
  let info = cards.get(id);
  if (!info) {
    info = readCardInfo(id);
    cards.set(id, info);
    info.catch(() => cards.delete(id)); // a file that failed to load may load on a later visit
  }
  return info;
}

async function readCardInfo(id: string): Promise<CardInfo> {
  const doc = JSON.parse(await scenarioText(id)) as Record<string, unknown>;
  const patient = (doc.patient ?? {}) as Record<string, unknown>;
  const protocol = (doc.protocol ?? {}) as Record<string, unknown>;
  return {
    id,
    title: str(doc.title, id),
    patient: [str(patient.name), typeof patient.age === 'number' ? `${patient.age}` : '']
      .filter(Boolean)
      .join(', '),
    conditions: strs(patient.conditions),
    route: [str(protocol.drug), str(protocol.route)].filter(Boolean).join(', '),
    difficulty: str(doc.difficulty),
    estimatedMinutes: typeof doc.estimatedMinutes === 'number' ? doc.estimatedMinutes : null,
    contentWarnings: strs(doc.contentWarnings),
  };
}
