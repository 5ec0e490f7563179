/**
 * Display settings (text size, theme), the optional drug trace and the first-run tour, remembered
 * on this device (a refused write is reported like any other; the setting still applies). The
 * theme and text size apply to the page as `data-theme` and `data-text-size` on <html>, which
 * styles.css reads. The default clock speed is the ticker's own remembered speed.
 */
import { read, write } from './storage.ts';

export const TEXT_SIZES = [
  { value: 'normal', label: 'Normal' },
  { value: 'large', label: 'Large' },
  { value: 'larger', label: 'Larger' },
] as const;
export const THEMES = [
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
  { value: 'contrast', label: 'High contrast' },
] as const;

export type TextSize = (typeof TEXT_SIZES)[number]['value'];
export type Theme = (typeof THEMES)[number]['value'];
export interface Display {
  textSize: TextSize;
  theme: Theme;
}

const DISPLAY = 'kap.display';
const TOUR = 'kap.tour';
const DRUG_TRACE = 'kap.drugTrace';

function readDisplay(): Display {
  try {
    const v = JSON.parse(read(DISPLAY) ?? '{}') as Partial<Display>;
    return {
      textSize: TEXT_SIZES.find((t) => t.value === v.textSize)?.value ?? 'normal',
      theme: THEMES.find((t) => t.value === v.theme)?.value ?? 'light',
    };
  } catch {
    return { textSize: 'normal', theme: 'light' };
  }
}

class Preferences {
  display = $state<Display>(readDisplay());
  /** Whether the first-run tour has been finished or closed on this device. */
  tourDone = $state(read(TOUR) === 'done');
  /** Whether the modelled drug effect-site concentration is shown beside the vitals (off until chosen). */
  drugTrace = $state(read(DRUG_TRACE) === 'on');

  constructor() {
    this.apply();
  }

  setDisplay(change: Partial<Display>): void {
    this.display = { ...this.display, ...change };
    write(DISPLAY, JSON.stringify(this.display));
    this.apply();
  }

  setTourDone(done: boolean): void {
    this.tourDone = done;
    write(TOUR, done ? 'done' : null);
  }

  setDrugTrace(on: boolean): void {
    this.drugTrace = on;
    write(DRUG_TRACE, on ? 'on' : null);
  }

  apply(): void {
    const root = document.documentElement;
    root.dataset.theme = this.display.theme;
    root.dataset.textSize = this.display.textSize;
  }
}

export const preferences = new Preferences();
