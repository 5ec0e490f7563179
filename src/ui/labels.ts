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

/**
 * Who a line is from, as the trainee sees it: the patient by first name, others by role.
 * `patientName` is the scenario's patient name ("Elias Novak").
 */
export function speakerLabel(speaker: string, patientName: string): string {
  if (speaker === 'patient') return patientName.split(' ')[0] || 'Patient';
  return SPEAKERS[speaker] ?? speaker;
}

/**
 * The mood shown with a line. A narrator has no mood: an affect on a narrator line describes the
 * patient, so it is shown as the patient's ("Elias: startled"); other speakers' affect is theirs.
 */
export function moodText(speaker: string, affect: string | undefined, patientName: string): string {
  if (!affect) return '';
  return speaker === 'narrator' ? `${speakerLabel('patient', patientName)}: ${affect}` : affect;
}

/** The newest transcript line not spoken by the trainee. */
export function latestRoomLine<T extends { speaker: string }>(transcript: {
  readonly length: number;
  at(index: number): T | undefined;
}): T | null {
  for (let i = transcript.length - 1; i >= 0; i--) {
    const line = transcript.at(i)!;
    if (line.speaker !== 'trainee') return line;
  }
  return null;
}

/** A decision's or an alarm's minute (minutes since the dose; null before it), naming its clock. */
export const formatMinute = (minute: number | null): string =>
  minute === null ? 'before dosing' : `minute ${minute} since the dose`;
