/**
 * Writes scenarios/scenario.schema.json from the TypeBox source of truth.
 * With --check, writes nothing and exits 1 when the file is out of date.
 */
import { publishedSchemaText } from '../src/engine/format/json-schema.ts';
import { writeOrCheck } from './generated-file.ts';

await writeOrCheck('scenarios/scenario.schema.json', publishedSchemaText(), 'npm run schema');
