/**
 * Public types of the drug model. Minutes are simulated minutes since arrival; amounts are mg;
 * concentrations are ng/mL (= µg/L).
 */

/** Racemic ketamine, or esketamine (the S-enantiomer, e.g. the Spravato nasal device). */
export type Drug = 'ketamine' | 'esketamine';

/** A medication given alongside the drug that changes its effects (see interactions.ts). */
export type AdjunctMedication = 'benzodiazepine' | 'clonidine' | 'labetalol';

/** What the patient does with what is left of a lozenge at the end of the hold. */
export type LozengeDisposal = 'spit' | 'swallow';

/** One change of input, effective from `minute` on (inputs are piecewise constant). */
export type DrugInput =
  /** IV infusion rate from now on; 0 = paused or stopped. */
  | { kind: 'infusionRate'; minute: number; mgPerMinute: number }
  | { kind: 'bolus'; minute: number; route: 'intravenous' | 'intramuscular'; mg: number }
  /**
   * Held under the tongue; `swallowedFraction` (0–1) of the dose is swallowed at once and absorbed
   * orally. The held part stays in the mouth for `holdMinutes` (default 15, the clinics' 10–15 min;
   * parameters.ts `sublingual.holdMinutes`), then what is left is spat out or swallowed
   * (`afterHold`, default spit, as those clinics instruct).
   */
  | {
      kind: 'lozenge';
      minute: number;
      mg: number;
      swallowedFraction: number;
      holdMinutes?: number;
      afterHold?: LozengeDisposal;
    }
  /** Intranasal esketamine, e.g. one device = 28 mg. */
  | { kind: 'intranasal'; minute: number; mg: number }
  /** An oral dose of an adjunct medication (lorazepam stands for the benzodiazepine). */
  | { kind: 'adjunct'; minute: number; medication: AdjunctMedication; mg: number };

export interface DrugPatient {
  /** Body weight, kg (> 0). */
  weightKg: number;
  /** Multipliers on the effect (1 = typical). */
  sensitivity?: { dissociation?: number; sedation?: number; pressor?: number };
  /** An adjunct taken before arrival (e.g. the night before), as a dose at a minute <= 0. */
  priorAdjuncts?: Array<{ medication: AdjunctMedication; mg: number; minute: number }>;
}

/**
 * Amounts (mg) in every compartment, except the two effect sites, which hold concentrations
 * (ng/mL) because an effect site has no volume of its own.
 */
export interface DrugCompartments {
  central: number;
  peripheralFast: number;
  peripheralSlow: number;
  /** Esketamine only: the hepato-portal compartment, where it is eliminated (first pass included). */
  hepatic: number;
  /** Effect-site concentration of the drug, ng/mL (CNS effects). */
  effectSite: number;
  /** Effect-site concentration driving the haemodynamic (pressor) effects, ng/mL. */
  pressorSite: number;
  /**
   * Concentration at the slower site whose level opposes the CNS effects (acute tolerance), ng/mL;
   * used for esketamine only (see emax.ts).
   */
  toleranceSite: number;
  depotIntramuscular: number;
  /** The held part of a lozenge still in the mouth (the part the mucosa can take up), mg. */
  depotMouth: number;
  /** Drug taken up by the oral mucosa, on its way into the blood, mg. */
  depotSublingual: number;
  depotGut: number;
  depotNasal: number;
  /** Cumulative amount eliminated from the body, mg. */
  eliminated: number;
  /** Cumulative amount infused, mg. */
  infused: number;
  benzodiazepineGut: number;
  benzodiazepineBody: number;
  clonidineGut: number;
  clonidineBody: number;
  labetalolGut: number;
  labetalolBody: number;
}

/** Opaque, JSON-serialisable state: amounts in every compartment at `minute`. */
export interface DrugState {
  /** Model version, so a saved state from another version is refused, never misread. */
  version: 1;
  drug: Drug;
  minute: number;
  weightKg: number;
  sensitivity: { dissociation: number; sedation: number; pressor: number };
  /** Current IV infusion rate, mg/min. */
  infusionMgPerMinute: number;
  /** Intranasal mg given so far this visit (later devices are absorbed less; see absorption.ts). */
  intranasalMgGiven: number;
  /**
   * Drug that entered the model from boluses, lozenges and devices, mg (infusion is in
   * `infused`): the dose less what the route loses before the circulation; for swallowed
   * esketamine, less the gut-wall loss (its liver first pass is modelled and counts as eliminated).
   */
  bioavailableMg: number;
  /**
   * Lozenges still held, each with the minute its hold ends, the amount it put into `depotMouth`
   * (mg) and what happens to the rest then. Absent in states saved before holds were modelled.
   */
  held?: Array<{
    endMinute: number;
    holdMinutes: number;
    placedMg: number;
    afterHold: LozengeDisposal;
  }>;
  amounts: DrugCompartments;
}

export interface DrugEffect {
  plasmaNgPerMl: number;
  effectSiteNgPerMl: number;
  /** Same 0–10 scale as the scenario's `dissociation` signal. */
  dissociation: number;
  /** 0–10. */
  sedation: number;
  /** mmHg. */
  systolicDelta: number;
  /** mmHg. */
  diastolicDelta: number;
  /** beats/min. */
  heartRateDelta: number;
  /** breaths/min (<= 0). */
  respiratoryRateDelta: number;
  /** Percentage points (<= 0). */
  spo2Delta: number;
  /** 0–10 scale of the `nausea` signal. */
  nauseaDelta: number;
}
