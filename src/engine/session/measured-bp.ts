/**
 * The blood pressure as measured now: the one value every gate that judges or quotes blood
 * pressure uses. Blood pressure is known only from cuff readings (nibp.ts); a gate never judges a
 * modelled value the trainee has not seen.
 */
import type { OptionDef } from './indexScenario.ts';
import type { SessionContext } from './types.ts';

/** A measured blood pressure in mmHg, and the arrival-clock minute the cuff read it. */
export interface MeasuredBp {
  systolic: number;
  diastolic: number;
  clock: number;
  /** true: the reading the option being chosen takes now (it becomes the monitor's last reading). */
  takenNow: boolean;
}

/**
 * Whether choosing `option` takes a cuff reading as it is chosen: its action is `checkVitals`, or
 * it is marked `takesReading` (e.g. a discharge that takes a final blood pressure).
 */
export function optionTakesReading(option: OptionDef | undefined): boolean {
  return option !== undefined && (option.action === 'checkVitals' || option.takesReading === true);
}

/**
 * The blood pressure as measured now: when `option` takes a reading, the reading it takes (the
 * modelled pressure now, exactly what `checkVitals` records, so the monitor then shows the same
 * value); otherwise the monitor's last cuff reading; null when no reading has been taken.
 */
export function measuredBp(ctx: SessionContext, option?: OptionDef): MeasuredBp | null {
  if (optionTakesReading(option))
    return {
      systolic: ctx.vitals.systolic,
      diastolic: ctx.vitals.diastolic,
      clock: ctx.clock,
      takenNow: true,
    };
  const last = ctx.monitor.readings.at(-1);
  return last
    ? { systolic: last.systolic, diastolic: last.diastolic, clock: last.clock, takenNow: false }
    : null;
}
