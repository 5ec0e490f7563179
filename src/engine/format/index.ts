/** The scenario format: types, validation and the published schema. */
export { validate, type ValidateOptions, type ValidationResult } from './validate.ts';
export type { Diagnostic, Severity } from './diagnostics.ts';
export {
  decodeBytes,
  fileTooLarge,
  MAX_BYTES,
  MAX_DEPTH,
  FORBIDDEN_KEYS,
  type PlacedFinding,
} from './parse.ts';
export { migrate, MIGRATIONS, migrateV0toV1, migrateV1toV2, type Migration } from './migrate.ts';
export { publishedSchema, publishedSchemaText } from './json-schema.ts';
export { didYouMean, editDistance } from './suggest.ts';
export * from './schema.ts';
