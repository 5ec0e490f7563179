/** Display names for the engine's identifiers (presentation only). */
import type { PhaseId, SignalKey } from '../engine/index.ts';

export const PHASES: { id: PhaseId; label: string }[] = [
  { id: 'preparation', label: 'Preparation' },
  { id: 'administration', label: 'Administration' },
  { id: 'monitoring', label: 'Monitoring' },
  { id: 'guidedConversation', label: 'Guided conversation' },
  { id: 'integration', label: 'Integration' },
];

export const phaseLabel = (id: PhaseId | null): string =>
  PHASES.find((p) => p.id === id)?.label ?? '—';

export const SIGNALS: { key: SignalKey; label: string; short: string; unit: string }[] = [
  { key: 'heartRate', label: 'Heart rate', short: 'HR', unit: 'bpm' },
  { key: 'systolic', label: 'Systolic blood pressure', short: 'SYS', unit: 'mmHg' },
  { key: 'diastolic', label: 'Diastolic blood pressure', short: 'DIA', unit: 'mmHg' },
  { key: 'spo2', label: 'Oxygen saturation', short: 'SpO₂', unit: '%' },
  { key: 'respiratoryRate', label: 'Respiratory rate', short: 'RR', unit: '/min' },
  { key: 'dissociation', label: 'Dissociation', short: 'DISS', unit: '/10' },
  { key: 'nausea', label: 'Nausea', short: 'NAUS', unit: '/10' },
  { key: 'anxiety', label: 'Anxiety', short: 'ANX', unit: '/10' },
];

export const signalLabel = (key: string): string =>
  SIGNALS.find((s) => s.key === key)?.label ?? key;

export const SPEAKERS: Record<string, string> = {
  patient: 'Patient',
  narrator: 'Narrator',
  prescriber: 'Prescriber',
  companion: 'Companion',
  trainee: 'You',
  system: 'Session',
};

/** The newest transcript line not spoken by the trainee. */
export function latestRoomLine<T extends { speaker: string }>(transcript: readonly T[]): T | null {
  for (let i = transcript.length - 1; i >= 0; i--)
    if (transcript[i]!.speaker !== 'trainee') return transcript[i]!;
  return null;
}

export const formatMinute = (minute: number | null): string =>
  minute === null ? 'before dosing' : `minute ${minute}`;
