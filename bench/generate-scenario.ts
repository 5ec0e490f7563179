/**
 * Builds large valid scenarios in memory for benchmarks: `steps` steps spread over the five
 * phases, each step with two options that branch forward (and a few loops back). Texts are
 * kept short so that 20,000 steps stay under the 5 MB file limit.
 *
 * The scenario plays to its ending: the first option of each step is the best one, and along
 * that path preparation records consent and completes screening, administration checks the
 * blood pressure and gives the dose (the only way out of administration), integration arranges
 * transport and discharges. So a best run goes through every phase.
 */
import { PHASE_IDS } from '../src/engine/format/schema.ts';

/** Clinical actions on the best path: [phase, step index, action]. */
const BEST_PATH_ACTIONS: [string, number, string][] = [
  ['preparation', 0, 'recordConsent'],
  ['preparation', 1, 'completeScreening'],
  ['administration', 0, 'checkVitals'],
  ['integration', 0, 'arrangeTransport'],
];

export function generateScenario(steps: number): Record<string, unknown> {
  const perPhase = Math.ceil(steps / PHASE_IDS.length);
  if (perPhase < 3) throw new Error('generateScenario needs at least 3 steps per phase');
  const phases = PHASE_IDS.map((phase, p) => {
    const ids = Array.from({ length: perPhase }, (_, i) => `${'abcde'[p]}${i}`);
    const last = phase === 'integration';
    // Administration can only end with the dose; integration only through the ending.
    const end =
      phase === 'administration'
        ? { action: 'administerDose', endsPhase: true }
        : last
          ? { action: 'discharge', ending: 'done' }
          : { endsPhase: true };
    return {
      id: phase,
      start: ids[0],
      steps: ids.map((id, i) => {
        // The first option leads to the following step by default (no "next" written), and
        // kinds are implied by the action: the format's short forms keep 20,000 steps small.
        const first = i + 1 < perPhase ? {} : end;
        const second = i + 2 < perPhase ? { next: ids[i % 50 === 49 ? i - 10 : i + 2] } : end;
        const action = BEST_PATH_ACTIONS.find(([ph, k]) => ph === phase && k === i)?.[2];
        return {
          id,
          speaker: 'patient',
          text: 'Hm.',
          options: [
            {
              id: `${id}x`,
              ...(action ? { action } : {}),
              text: 'Yes',
              points: { safety: 1, alliance: 1 },
              feedback: 'Ok',
              ...first,
            },
            {
              id: `${id}y`,
              text: 'No',
              points: { alliance: 1 },
              feedback: 'Ok',
              ...second,
            },
          ],
        };
      }),
    };
  });
  return {
    formatVersion: 1,
    id: 'bench-scenario',
    version: '1.0.0',
    title: 'Benchmark scenario',
    authors: ['Benchmark'],
    summary: 'Generated for timing.',
    estimatedMinutes: 60,
    difficulty: 'advanced',
    contentWarnings: [],
    learningObjectives: ['Time the validator.'],
    references: [{ id: 'ref', citation: 'A citation.' }],
    patient: {
      name: 'Sam',
      age: 40,
      pronouns: 'he/him',
      conditions: ['Depression'],
      history: 'None.',
      medications: [],
      riskFactors: [],
      measures: [{ instrument: 'PHQ-9', score: 15 }],
      baseline: {
        systolic: 120,
        diastolic: 80,
        heartRate: 70,
        spo2: 98,
        respiratoryRate: 14,
        dissociation: 0,
        nausea: 0,
        anxiety: 3,
        rapport: 5,
      },
    },
    protocol: {
      drug: 'ketamine',
      route: 'intravenous',
      dose: { amount: 0.5, unit: 'mg/kg' },
      timeCourse: { onsetMinutes: 2, peakMinutes: 20, offsetMinutes: 60 },
      sessionMinutes: 120,
      monitoring: [
        {
          id: 'chk',
          label: 'BP at 30',
          atMinute: 30,
          windowMinutes: 10,
          competency: 'safety',
          points: 1,
          references: ['ref'],
        },
      ],
      thresholds: { predose: { systolicMax: 140, diastolicMax: 90 }, alarm: { systolicMax: 180 } },
      discharge: {
        minObservationMinutes: 60,
        limits: { systolicMax: 150 },
        requireTransport: true,
        criteria: ['Vitals settled'],
      },
    },
    competencies: [
      { id: 'safety', label: 'Safety', description: 'Safety.', weight: 2, passPercent: 70 },
      { id: 'alliance', label: 'Alliance', description: 'Alliance.', weight: 1, passPercent: 50 },
    ],
    passPercent: 60,
    variables: [],
    phases,
    events: [],
    trajectory: [],
    endings: [{ id: 'done', kind: 'completed', title: 'Done', text: 'The session ends.' }],
    debrief: Object.fromEntries(PHASE_IDS.map((p) => [p, `About ${p}.`])),
  };
}
