/**
 * The bundled scenarios. The library reads the build-time catalogue (one small lazy chunk, see
 * scripts/vite-plugin-catalogue.ts); each scenario file is its own lazy chunk (raw text), read
 * only when the scenario is opened, and validated in the engine chunk.
 */
import { listScenarioFiles } from '../engine/index.ts';
import type { CatalogueEntry } from '../engine/index.ts';

export type { CatalogueEntry };

const modules = import.meta.glob<string>(
  ['/scenarios/*.json', '!/scenarios/*.schema.json', '!/scenarios/*.course.json'],
  {
    query: '?raw',
    import: 'default',
  },
);

export const entries = listScenarioFiles(Object.keys(modules));

export async function scenarioText(id: string): Promise<string> {
  const entry = entries.find((e) => e.id === id);
  const load = entry && modules[`/scenarios/${entry.file}`];
  if (!load) throw new Error(`There is no bundled scenario called "${id}".`);
  return load();
}

let catalogue: Promise<CatalogueEntry[]> | null = null;

/** The library's cards in the recommended order (loaded once per page; retried after a failure). */
export function loadCatalogue(): Promise<CatalogueEntry[]> {
  catalogue ??= import('virtual:scenario-catalogue').then(
    (m) => m.default,
    (error: unknown) => {
      catalogue = null;
      throw error;
    },
  );
  return catalogue;
}
