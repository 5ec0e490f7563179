import { describe, expect, it } from 'vitest';
import { formatMinute, moodText, speakerLabel } from '../../../src/ui/labels.ts';

describe('speaker and mood labels', () => {
  it('names the patient by first name and others by role', () => {
    expect(speakerLabel('patient', 'Elias Novak')).toBe('Elias');
    expect(speakerLabel('narrator', 'Elias Novak')).toBe('Narrator');
    expect(speakerLabel('trainee', 'Elias Novak')).toBe('You');
    expect(speakerLabel('patient', '')).toBe('Patient');
  });

  it('gives the narrator no mood: its affect is shown as the patient’s', () => {
    expect(moodText('narrator', 'startled', 'Elias Novak')).toBe('Elias: startled');
    expect(moodText('patient', 'tearful', 'Elias Novak')).toBe('tearful');
    expect(moodText('narrator', undefined, 'Elias Novak')).toBe('');
  });

  it('names the dose clock for a decision minute', () => {
    expect(formatMinute(40)).toBe('minute 40 since the dose');
    expect(formatMinute(null)).toBe('before dosing');
  });
});
