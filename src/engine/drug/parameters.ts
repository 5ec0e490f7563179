/**
 * Every parameter of the drug model, with its value, unit, kind and source. One place: the model
 * reads its numbers from here and docs/drug-model.md lists the same table.
 *
 * `kind` says how far to trust a number:
 * - `published`: taken as the source states it;
 * - `derived`: computed from published numbers by a stated rule (the note gives the rule);
 * - `calibrated`: no published value was found; chosen so the model reproduces a published SHAPE
 *   (the note names the shape). A calibrated number is never a measured one.
 */

export type ParameterKind = 'published' | 'derived' | 'calibrated';

export interface DrugParameter {
  value: number;
  unit: string;
  kind: ParameterKind;
  /** Keys of DRUG_SOURCES. */
  sources: SourceKey[];
  /** The sources in full, joined by " | ". */
  source: string;
  note?: string;
}

/** Sources, cited by key in the table below. */
export const DRUG_SOURCES = {
  kamp2020:
    'Kamp J, Olofsen E, Henthorn TK, et al. Ketamine pharmacokinetics: a systematic review of the literature, meta-analysis, and population analysis. Anesthesiology 2020;133(6):1192-1213. doi:10.1097/ALN.0000000000003577',
  perezRuixo2021:
    'Perez-Ruixo C, Rossenu S, Zannikos P, et al. Population pharmacokinetics of esketamine nasal spray and its metabolite noresketamine in healthy subjects and patients with treatment-resistant depression. Clin Pharmacokinet 2021;60(4):501-516. doi:10.1007/s40262-020-00953-4 (Table 3)',
  henthorn2018:
    'Henthorn TK, Avram MJ, Dahan A, et al. Combined recirculatory-compartmental population pharmacokinetic modeling of arterial and venous plasma S(+) and R(-) ketamine concentrations. Anesthesiology 2018;129(2):260-270 (shared S/R distribution kinetics)',
  rolan2014:
    'Rolan P, Lim S, Sunderland V, et al. The absolute bioavailability of racemic ketamine from a novel sublingual formulation. Br J Clin Pharmacol 2014;77(6):1011-1016. doi:10.1111/bcp.12264',
  chong2006:
    'Chong C, Schug S, Page-Sharp M, Ilett K. Bioavailability of ketamine after oral or sublingual administration. Pain Med 2006;7(5):469 (abstract)',
  bioavailabilitySummary:
    'Ketamine pharmacokinetics summary (IM ~93%, IM peak 5-15 min), https://primidi.com/ketamine/pharmacokinetics [weak secondary source; see clinical-facts §8]',
  spravatoLabel:
    'Spravato (esketamine) nasal spray label and manufacturer medical information: 28 mg per device, 5-minute rest between devices, bioavailability ~48%, Tmax 20-40 min, dissociation peaks at 40 min and resolves by 1.5 h, blood-pressure rise peaks ~40 min and lasts ~4 h (clinical-facts §1.6, §3.2, §3.3, §8)',
  humboldtClinic:
    'Humboldt Center for New Growth, ketamine treatment options: the lozenge dissolves under the tongue and the liquid is "swished for 10 to 15 minutes and then spit out"; onset about 20-25 min. https://humboldtcenterfornewgrowth.com/ketamine-treatment-options/ (clinical-facts §1.2) [clinic protocol]',
  horizonTroches:
    'Horizon, ketamine troches, rapid-dissolve tablets and lozenges: a troche is held under the tongue "for at least 10 minutes"; whatever remains is then spat out. https://www.chooseyourhorizon.com/blog/whats-the-difference-between-ketamine-troches-rapid-dissolve-tablets-and-lozenges [clinic protocol]',
  simonsPk2022:
    'Simons P, Olofsen E, van Velzen M, et al. S-ketamine oral thin film - Part 1: population pharmacokinetics of S-ketamine, S-norketamine and S-hydroxynorketamine. Front Pain Res 2022;3:946486. doi:10.3389/fpain.2022.946486 (film held 10 min without swallowing; local absorption took 13 min on average; F 26%)',
  sageClinic:
    'Sage Integrative Health, ketamine-assisted therapy: lozenge effects "begin to appear after about 15-20 minutes, peak for about 40 minutes, and dissipate over the following 1-2 hours". https://sageintegrativehealth.org/kat-test-test (clinical-facts §1.2) [clinic]',
  simons2022:
    'Simons P, Olofsen E, van Velzen M, et al. S-ketamine oral thin film - Part 2: population pharmacodynamics. Front Pain Res 2022;3:946487 (drug-high C50 0.3 nmol/mL)',
  schuttler1987:
    'Schüttler J, Stanski DR, White PF, et al. Pharmacodynamic modeling of the EEG effects of ketamine and its enantiomers in man. J Pharmacokinet Biopharm 1987;15(3):241-253 (IC50 racemate 2.0 µg/mL, S(+) 0.8 µg/mL)',
  bowdle1998:
    'Bowdle TA, Radant AD, Cowley DS, et al. Psychedelic effects of ketamine in healthy volunteers: relationship to steady-state plasma concentrations. Anesthesiology 1998;88(1):82-88 (effects linear in 50-200 ng/mL; ~20 min per step allowed for biophase equilibration)',
  holford:
    'Allometric scaling with exponents 1 (volumes) and 0.75 (clearances) to 70 kg, as in Flint RB et al. Pediatr Anesth 2017;27(11):1098 for S-ketamine',
  greenblatt1979:
    'Greenblatt DJ, Shader RI, Franke K, et al. Pharmacokinetics and bioavailability of intravenous, intramuscular, and oral lorazepam in humans. J Pharm Sci 1979;68(1):57-63',
  catapresLabel:
    'Catapres (clonidine) tablets label: blood pressure declines within 30-60 min of an oral dose, maximum decrease within 2-4 h',
  labetalolLabel:
    'Labetalol hydrochloride tablets label: peak plasma 1-2 h, half-life 6-8 h, peak effect of a single oral dose 2-4 h; oral bioavailability ~25% (30% at age 30-40)',
  peltoniemi2016:
    'Peltoniemi MA, Hagelberg NM, Olkkola KT, Saari TI. Ketamine: a review of clinical pharmacokinetics and pharmacodynamics in anesthesia and pain therapy. Clin Pharmacokinet 2016;55(9):1059-1077 (S(+) about twice as potent as the racemate; respiratory function preserved)',
  szarmach2020:
    'Szarmach J, et al. Elevated blood pressure and heart rate after IV ketamine returned to baseline within 1.5 h after the infusion. https://pmc.ncbi.nlm.nih.gov/articles/PMC7605942 (clinical-facts §3.2)',
  clinicalFacts:
    'Project clinical facts (clinical-facts.md): hypertension is "modest, in keeping with light exercise"; nausea in 11-27% (esketamine 84 mg); sedation in 48-61% (label); benzodiazepines deepen sedation',
} as const;

export type SourceKey = keyof typeof DRUG_SOURCES;

function p(
  value: number,
  unit: string,
  kind: ParameterKind,
  source: SourceKey | SourceKey[],
  note?: string,
): DrugParameter {
  const keys = Array.isArray(source) ? source : [source];
  return {
    value,
    unit,
    kind,
    sources: keys,
    source: keys.map((k) => DRUG_SOURCES[k]).join(' | '),
    note,
  };
}

// Esketamine disposition (Perez-Ruixo 2021, Table 3). Its volumes sum to the published Vss 752 L.
const ESK_V1 = 192;
const ESK_V2 = 143;
const ESK_V3 = 417;
const ESK_Q2 = 84.3;
const ESK_Q3 = 37.6;
const ESK_VSS = ESK_V1 + ESK_V2 + ESK_V3;
// Racemic ketamine: Kamp 2020 meta-analysis Vss and CL; the split between compartments is derived
// by keeping the esketamine distribution rate constants (Henthorn 2018: the enantiomers share their
// distribution kinetics) and scaling every volume and intercompartmental clearance by 252/752.
const KET_VSS = 252;
const KET_SCALE = KET_VSS / ESK_VSS;
const derivedNote = (what: string, esk: number) =>
  `${what} = esketamine ${esk} × 252/752 (Kamp Vss / Perez-Ruixo Vss): keeps the published esketamine distribution rate constants, shared by the enantiomers (Henthorn 2018), and the Kamp 2020 volume of distribution.`;

export const DRUG_PARAMETERS = {
  // ---- Racemic ketamine disposition, per 70 kg (scaled allometrically) ----
  'ketamine.clearance': p(
    79,
    'L/h per 70 kg',
    'published',
    'kamp2020',
    'Weighted mean clearance, 95% CI 69-90.',
  ),
  'ketamine.volumeSteadyState': p(
    KET_VSS,
    'L per 70 kg',
    'published',
    'kamp2020',
    'Weighted mean volume of distribution, 95% CI 200-304.',
  ),
  'ketamine.volumeCentral': p(
    ESK_V1 * KET_SCALE,
    'L per 70 kg',
    'derived',
    ['kamp2020', 'perezRuixo2021', 'henthorn2018'],
    derivedNote('V1', ESK_V1),
  ),
  'ketamine.volumePeripheralFast': p(
    ESK_V2 * KET_SCALE,
    'L per 70 kg',
    'derived',
    ['kamp2020', 'perezRuixo2021', 'henthorn2018'],
    derivedNote('V2', ESK_V2),
  ),
  'ketamine.volumePeripheralSlow': p(
    ESK_V3 * KET_SCALE,
    'L per 70 kg',
    'derived',
    ['kamp2020', 'perezRuixo2021', 'henthorn2018'],
    derivedNote('V3', ESK_V3),
  ),
  'ketamine.clearanceFast': p(
    ESK_Q2 * KET_SCALE,
    'L/h per 70 kg',
    'derived',
    ['kamp2020', 'perezRuixo2021', 'henthorn2018'],
    derivedNote('Q2', ESK_Q2),
  ),
  'ketamine.clearanceSlow': p(
    ESK_Q3 * KET_SCALE,
    'L/h per 70 kg',
    'derived',
    ['kamp2020', 'perezRuixo2021', 'henthorn2018'],
    derivedNote('Q3', ESK_Q3),
  ),
  'ketamine.allometricVolumeExponent': p(
    1,
    '',
    'published',
    'holford',
    'Kamp 2020 reports parameters standardised to 70 kg.',
  ),
  'ketamine.allometricClearanceExponent': p(0.75, '', 'published', 'holford'),

  // ---- Esketamine disposition (no weight effect: the source found none) ----
  'esketamine.hepaticBloodFlow': p(
    151,
    'L/h',
    'published',
    'perezRuixo2021',
    'Qh, between the central and the hepato-portal compartment. (The source lowers it by 2.19 L/h per year over 60; age is not an input here.) Body weight had no effect in this analysis, so esketamine is not weight-scaled.',
  ),
  'esketamine.hepaticVolume': p(
    101,
    'L',
    'published',
    'perezRuixo2021',
    'Vh, hepato-portal compartment.',
  ),
  'esketamine.hepaticEliminationRate': p(
    1.11 + 2.77,
    '1/h',
    'published',
    'perezRuixo2021',
    'kel (to other metabolites) 1.11 /h + kmet (to noresketamine) 2.77 /h, from the hepato-portal compartment. With Qh and Vh this is a hepatic clearance of 109 L/h (well-stirred), close to the published systemic clearance of 114 L/h.',
  ),
  'esketamine.volumeCentral': p(ESK_V1, 'L', 'published', 'perezRuixo2021'),
  'esketamine.volumePeripheralFast': p(ESK_V2, 'L', 'published', 'perezRuixo2021'),
  'esketamine.volumePeripheralSlow': p(ESK_V3, 'L', 'published', 'perezRuixo2021'),
  'esketamine.clearanceFast': p(ESK_Q2, 'L/h', 'published', 'perezRuixo2021'),
  'esketamine.clearanceSlow': p(ESK_Q3, 'L/h', 'published', 'perezRuixo2021'),

  // ---- Absorption per route ----
  'intramuscular.bioavailability': p(
    0.93,
    'fraction',
    'published',
    'bioavailabilitySummary',
    'Weak secondary source; the primary study is not in the project references.',
  ),
  'intramuscular.absorptionRate': p(
    0.2,
    '1/min',
    'calibrated',
    'bioavailabilitySummary',
    'Calibrated so the plasma peak after an IM bolus falls inside the published 5-15 min.',
  ),
  'sublingual.bioavailability': p(
    0.29,
    'fraction',
    'published',
    ['rolan2014', 'chong2006'],
    'Rolan 2014: 29% (90% CI 27-31%); Chong 2006: 32 ± 17%. Applied to the part held under the tongue.',
  ),
  'sublingual.mucosalUptakeRate': p(
    0.14,
    '1/min',
    'calibrated',
    ['humboldtClinic', 'horizonTroches', 'simonsPk2022'],
    'Rate at which the held part leaves the mouth for the oral mucosa (t½ ≈ 5 min). No published value; chosen so that most of a lozenge (88%) is taken up within the 10-15-min hold the clinics use before the rest is spat out, matching the 13 min that local absorption took on average in Simons 2022 (part 1) with a 10-min hold.',
  ),
  'sublingual.holdMinutes': p(
    15,
    'min',
    'published',
    ['humboldtClinic', 'horizonTroches'],
    'Default hold when a lozenge dose does not give one: "swished for 10 to 15 minutes and then spit out" (the upper end; another clinic: at least 10 min). Then, by default, the rest is spat out.',
  ),
  'sublingual.absorptionRate': p(
    0.04,
    '1/min',
    'calibrated',
    ['rolan2014', 'sageClinic'],
    "From the oral mucosa into the blood. Calibrated with the uptake rate above so that a 100-mg lozenge held 15 min and spat out has its plasma peak within Rolan 2014's Tmax range (0.25-1.0 h; at 35 min) and the clinic shape: noticeable dissociation from about 15-20 min, a peak at about 40 min, gone 1-2 h after it.",
  ),
  'ketamine.oralBioavailability': p(
    0.23,
    'fraction',
    'published',
    'chong2006',
    'Oral 23 ± 9%. Applied to the swallowed part of a lozenge.',
  ),
  'esketamine.gutFraction': p(
    0.64,
    'fraction',
    'published',
    'perezRuixo2021',
    'Fgut: fraction of a swallowed esketamine dose escaping the gut wall into the hepato-portal compartment, where the modelled first pass removes most of it. The fraction reaching the circulation comes out at 17.8% (published: 18.6%).',
  ),
  'oral.absorptionRate': p(
    1.45 / 60,
    '1/min',
    'published',
    'perezRuixo2021',
    'ka of the swallowed part of a nasal dose, 1.45 /h; also used for the swallowed part of a racemic lozenge. The paper adds a 0.53 h zero-order phase before it; here absorption is first-order only (a simplification).',
  ),
  'intranasal.fractionAbsorbedNasally': p(
    0.54,
    'fraction',
    'published',
    'perezRuixo2021',
    'FRn of the first 28-mg device; the rest is swallowed.',
  ),
  'intranasal.laterDeviceFactor': p(
    0.62,
    'multiplier',
    'published',
    'perezRuixo2021',
    'FRn × 0.62 for the second and later devices of a dose. With the swallowed part this gives 54% for 56 mg and 51% for 84 mg, as published; the label states ~48%.',
  ),
  'intranasal.absorptionRate': p(
    2.93 / 60,
    '1/min',
    'published',
    'perezRuixo2021',
    'ka_n 2.93 /h.',
  ),
  'intranasal.mgPerDevice': p(
    28,
    'mg',
    'published',
    'spravatoLabel',
    'The label asks for a 5-minute rest between devices: a protocol rule the session engine enforces, not part of the PK.',
  ),

  // ---- Effect sites ----
  'effectSite.ke0': p(
    0.15,
    '1/min',
    'calibrated',
    ['bowdle1998', 'spravatoLabel'],
    'No published ke0 for dissociation was found. Calibrated (t½ke0 ≈ 4.6 min) so dissociation peaks near the end of a 40-min IV infusion and at about 40 min after intranasal esketamine; consistent with Bowdle 1998 allowing ~20 min per step for biophase equilibration.',
  ),
  'esketamine.toleranceKe0': p(
    0.015,
    '1/min',
    'calibrated',
    'spravatoLabel',
    'Acute tolerance of the CNS effects of esketamine: a slower site (t½ ≈ 46 min) follows the plasma concentration and opposes the effect-site concentration. No published value; calibrated with the factor below so that, with the published disposition, dissociation peaks at about 40 min and is largely resolved by 1.5 h after 56 and 84 mg, as the label describes (the disposition alone leaves it at ~70% of its peak at 1.5 h).',
  ),
  'esketamine.toleranceFactor': p(
    0.8,
    'fraction',
    'calibrated',
    'spravatoLabel',
    'The part of the tolerance-site concentration subtracted from the effect-site concentration before the dissociation, sedation and nausea curves (the pressor effects have no tolerance: the label has the rise lasting ~4 h). Calibrated with the rate above to the label time course, not measured.',
  ),
  'pressorSite.ke0': p(
    0.1,
    '1/min',
    'calibrated',
    'spravatoLabel',
    'No published value. Calibrated (t½ke0 ≈ 7 min) so the blood-pressure rise after 56 mg intranasal esketamine peaks at about 40 min and returns toward baseline over about 4 h.',
  ),

  // ---- Concentration-effect (sigmoid Emax) ----
  'esketamine.dissociationC50': p(
    0.3 * 237.7,
    'ng/mL',
    'derived',
    'simons2022',
    'Drug-high C50 0.3 nmol/mL × 237.7 g/mol (ketamine base).',
  ),
  'ketamine.dissociationC50': p(
    0.3 * 237.7 * (2.0 / 0.8),
    'ng/mL',
    'derived',
    ['simons2022', 'schuttler1987', 'peltoniemi2016'],
    'S-ketamine C50 × 2.5, the racemate/S(+) potency ratio of the EEG IC50s (2.0/0.8 µg/mL); Peltoniemi 2016 gives about 2.',
  ),
  'dissociation.emax': p(
    10,
    '0-10 scale',
    'calibrated',
    'clinicalFacts',
    'Top of the 0-10 scale (complete dissociation).',
  ),
  'dissociation.hill': p(
    2,
    '',
    'calibrated',
    'bowdle1998',
    'Makes effects near-linear across 50-200 ng/mL racemate, as Bowdle 1998 found, and lets dissociation largely resolve within an hour of a 40-min infusion.',
  ),
  'ketamine.sedationC50': p(
    2000,
    'ng/mL',
    'published',
    'schuttler1987',
    'EEG median-frequency IC50 of the racemate, used as the sedation C50.',
  ),
  'esketamine.sedationC50': p(
    800,
    'ng/mL',
    'published',
    'schuttler1987',
    'EEG IC50 of S(+)-ketamine.',
  ),
  'sedation.emax': p(
    10,
    '0-10 scale',
    'calibrated',
    'clinicalFacts',
    'Top of the 0-10 scale (unresponsive).',
  ),
  'sedation.hill': p(
    1,
    '',
    'calibrated',
    'schuttler1987',
    'No published Hill coefficient retrieved; 1 gives mild drowsiness at subanaesthetic doses (label: sedation in 48-61%).',
  ),
  'pressor.c50Fraction': p(
    1,
    'fraction of the dissociation C50',
    'calibrated',
    'spravatoLabel',
    'The pressor response uses the dissociation C50; with a shallower Hill coefficient (1.5 vs 2) it lasts longer than dissociation, as the label describes (BP ~4 h, dissociation ~1.5 h).',
  ),
  'pressor.hill': p(
    1.5,
    '',
    'calibrated',
    ['spravatoLabel', 'szarmach2020'],
    'Shallower than dissociation (2), so the pressure rise outlasts dissociation: under a quarter of its peak 4 h after 56 mg esketamine (label) and 1.5 h after a 40-min IV infusion (Szarmach 2020).',
  ),
  'pressor.systolicEmax': p(
    30,
    'mmHg',
    'calibrated',
    'clinicalFacts',
    'A modest rise ("in keeping with light exercise") at typical doses; larger rises come from the per-patient pressor multiplier.',
  ),
  'pressor.diastolicEmax': p(
    18,
    'mmHg',
    'calibrated',
    'clinicalFacts',
    'Diastolic rise 0.6 × systolic, so both rise together. Chosen, not measured.',
  ),
  'pressor.heartRateEmax': p(
    15,
    'beats/min',
    'calibrated',
    'clinicalFacts',
    'Clinic consent: BP rises "but usually not pulse rate" much.',
  ),
  'nausea.emax': p(
    3,
    '0-10 scale',
    'calibrated',
    'clinicalFacts',
    'No published concentration-nausea relation; mild nausea at typical doses (incidence 11-27%). Uses the dissociation C50 and Hill coefficient.',
  ),

  // ---- Adjuncts (oral) ----
  'benzodiazepine.bioavailability': p(
    0.93,
    'fraction',
    'published',
    'greenblatt1979',
    'Lorazepam oral absorption 91-95% complete.',
  ),
  'benzodiazepine.absorptionRate': p(
    Math.LN2 / 30,
    '1/min',
    'published',
    'greenblatt1979',
    'Absorption half-life 22-40 min (midpoint 30 min; the 15-17 min lag is omitted).',
  ),
  'benzodiazepine.volume': p(1.3, 'L/kg', 'published', 'greenblatt1979', 'Vd 1.14-1.30 L/kg.'),
  'benzodiazepine.eliminationHalfLife': p(
    14 * 60,
    'min',
    'published',
    'greenblatt1979',
    't½β 14.3-14.6 h.',
  ),
  'benzodiazepine.sedationC50': p(
    20,
    'ng/mL',
    'calibrated',
    'clinicalFacts',
    'Lorazepam 2 mg by mouth gives moderate sedation alone at its peak (~2 h).',
  ),
  'benzodiazepine.sedationEmax': p(
    6,
    '0-10 scale',
    'calibrated',
    'clinicalFacts',
    'Lorazepam alone sedates but does not reach unresponsiveness at anxiolytic doses. Chosen, not measured.',
  ),
  'benzodiazepine.respiratoryRateEmax': p(
    4,
    'breaths/min',
    'calibrated',
    'clinicalFacts',
    'Fall in respiratory rate at full benzodiazepine effect; larger while ketamine sedation adds.',
  ),
  'benzodiazepine.spo2Emax': p(
    3,
    'percentage points',
    'calibrated',
    'clinicalFacts',
    'SpO2 fall at full benzodiazepine effect, up to twice that with full ketamine sedation. Chosen, not measured.',
  ),
  'clonidine.absorptionRate': p(
    1.5 / 60,
    '1/min',
    'calibrated',
    'catapresLabel',
    'With the half-life below, the body amount peaks at ~2.3 h: BP falls within 30-60 min and most at 2-4 h.',
  ),
  'clonidine.eliminationHalfLife': p(
    12 * 60,
    'min',
    'published',
    'catapresLabel',
    'Label plasma half-life 12-16 h (recalled from the label, not re-checked here).',
  ),
  'clonidine.a50': p(
    0.1,
    'mg in the body',
    'calibrated',
    'catapresLabel',
    'Half-maximal effect at 0.1 mg absorbed (the usual single dose is 0.1-0.2 mg).',
  ),
  'clonidine.systolicEmax': p(
    -25,
    'mmHg',
    'calibrated',
    'catapresLabel',
    'Fall at full effect; 0.1 mg lowers systolic by about 10 mmHg at 1-3 h. Chosen, not measured.',
  ),
  'clonidine.diastolicEmax': p(
    -15,
    'mmHg',
    'calibrated',
    'catapresLabel',
    '0.6 × the systolic fall. Chosen, not measured.',
  ),
  'clonidine.heartRateEmax': p(
    -8,
    'beats/min',
    'calibrated',
    'catapresLabel',
    'A small fall in heart rate. Chosen, not measured.',
  ),
  'labetalol.bioavailability': p(0.25, 'fraction', 'published', 'labetalolLabel'),
  'labetalol.absorptionRate': p(
    1.5 / 60,
    '1/min',
    'calibrated',
    'labetalolLabel',
    'Body amount peaks at ~1.9 h (label: plasma peak 1-2 h, effect 2-4 h).',
  ),
  'labetalol.eliminationHalfLife': p(
    7 * 60,
    'min',
    'published',
    'labetalolLabel',
    'Midpoint of 6-8 h.',
  ),
  'labetalol.a50': p(
    25,
    'mg in the body',
    'calibrated',
    'labetalolLabel',
    'Half-maximal effect at 25 mg absorbed (100 mg by mouth × 25%).',
  ),
  'labetalol.systolicEmax': p(
    -30,
    'mmHg',
    'calibrated',
    'labetalolLabel',
    'Fall at full effect; 100 mg by mouth lowers systolic by about 13 mmHg at 2 h. Chosen, not measured.',
  ),
  'labetalol.diastolicEmax': p(
    -18,
    'mmHg',
    'calibrated',
    'labetalolLabel',
    '0.6 × the systolic fall. Chosen, not measured.',
  ),
  'labetalol.heartRateEmax': p(
    -12,
    'beats/min',
    'calibrated',
    'labetalolLabel',
    'Beta-blockade lowers heart rate. Chosen, not measured.',
  ),
} as const satisfies Record<string, DrugParameter>;

export type ParameterName = keyof typeof DRUG_PARAMETERS;

/** The value of one parameter, in the unit its entry states. */
export function parameter(name: ParameterName): number {
  return DRUG_PARAMETERS[name].value;
}
