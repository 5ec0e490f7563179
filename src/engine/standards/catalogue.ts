/**
 * The bundled standards catalogue (`standards/kap-practice.json`), typed, with prototype-free
 * lookups by id. The file is checked against its schema by a unit test and by
 * `npm run docs:standards -- --check`; the engine trusts it here.
 */
import catalogueJson from '../../../standards/kap-practice.json' with { type: 'json' };
import type { CatalogueDef, StandardDef } from './schema.ts';

/** The catalogue every scenario cites. */
export const CATALOGUE = catalogueJson as CatalogueDef;

const byId = new Map<string, StandardDef>(CATALOGUE.standards.map((s) => [s.id, s]));

/** The standard with this id, or undefined when the catalogue has none. */
export const standardById = (id: string): StandardDef | undefined => byId.get(id);

/** The ids of every standard, in catalogue order. */
export const standardIds = (): string[] => CATALOGUE.standards.map((s) => s.id);

/** The standard's title, or the id itself when the catalogue has no such standard. */
export const standardTitle = (id: string): string => byId.get(id)?.title ?? id;
