/**
 * The drug model: doses in, concentrations and effects out. A three-compartment PK model with
 * first-order absorption per route, two effect sites and sigmoid Emax effects, solved in closed
 * form. The model, its parameters and their sources: docs/drug-model.md.
 */
export type {
  AdjunctMedication,
  Drug,
  DrugCompartments,
  DrugEffect,
  DrugInput,
  DrugPatient,
  DrugState,
} from './types.ts';
export { initialDrugState, applyDrugInput, advanceDrug, MINUTE_TOLERANCE } from './state.ts';
export { drugEffect } from './effects.ts';
export { drugCurve } from './curve.ts';
export {
  DRUG_PARAMETERS,
  DRUG_SOURCES,
  type DrugParameter,
  type ParameterKind,
  type ParameterName,
} from './parameters.ts';
