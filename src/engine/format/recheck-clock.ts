/**
 * Which options start the recheck clock (a step's `"from": "recheck"` counts from its end): the
 * one rule behind the engine (session/effects.ts), the validator's RECHECK_WITHOUT_REST and the
 * documentation (docs/session-rules.md).
 *
 * - a `delayDose` option: the rest before the recheck, `recheckAfterMinutes` long (0 when not
 *   written);
 * - a `giveMedication` option with `recheckAfterMinutes`: the wait for the medicine to act before
 *   the blood pressure is checked again (for example an hour after oral clonidine).
 *
 * Either way the dose is refused until vitals are checked again at least that long after the
 * choice (gates.ts). Defensive: reads a parsed document that may have schema errors.
 */
export function startsRecheckClock(option: {
  action?: unknown;
  recheckAfterMinutes?: unknown;
}): boolean {
  return (
    option.action === 'delayDose' ||
    (option.action === 'giveMedication' && typeof option.recheckAfterMinutes === 'number')
  );
}
