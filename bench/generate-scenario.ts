/**
 * Builds large valid scenarios in memory for benchmarks: `steps` steps spread over the five
 * phases, each step with two options that branch forward (and a few loops back). Texts are
 * kept short so that 20,000 steps stay under the 5 MB file limit.
 */
import { PHASE_IDS } from '../src/engine/format/schema.ts';

export function generateScenario(steps: number): Record<string, unknown> {
  const perPhase = Math.ceil(steps / PHASE_IDS.length);
  const phases = PHASE_IDS.map((phase, p) => {
    const ids = Array.from({ length: perPhase }, (_, i) => `${'abcde'[p]}${i}`);
    const last = phase === 'integration';
    return {
      id: phase,
      start: ids[0],
      steps: ids.map((id, i) => {
        const end = last ? { ending: 'done' } : { endsPhase: true };
        const first = i + 1 < perPhase ? { next: ids[i + 1] } : end;
        const second = i + 2 < perPhase ? { next: ids[i % 50 === 49 ? i - 10 : i + 2] } : end;
        return {
          id,
          speaker: 'patient',
          text: 'Hm.',
          options: [
            {
              id: `${id}x`,
              kind: 'response',
              text: 'Yes',
              points: { safety: 1 },
              feedback: 'Ok',
              ...first,
            },
            {
              id: `${id}y`,
              kind: 'action',
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
