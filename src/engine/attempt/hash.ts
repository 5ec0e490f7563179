/** The scenario fingerprint a save records (format/hash.ts). */
export { canonicalJson, hashScenario } from '../format/hash.ts';
