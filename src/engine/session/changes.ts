/**
 * The plain changes an option or a scenario event makes: variables set and added, room settings,
 * and offsets to the signals. (An option's clinical action is effects.ts.)
 */
import { own } from '../format/own.ts';
import { say } from './context.ts';
import type { OptionDef } from './indexScenario.ts';
import { refreshVitals } from './monitoring.ts';
import type { SessionContext, Signals } from './types.ts';

type Effects = NonNullable<OptionDef['effects']>;

/** Applies effects: variables set and added, settings changed, signals offset. */
export function applyEffects(d: SessionContext, effects: Effects | undefined): void {
  if (!effects) return;
  if (effects.set || effects.add) {
    const vars = { ...d.vars, ...effects.set };
    for (const [k, n] of Object.entries(effects.add ?? {})) {
      const before = own(vars, k);
      vars[k] = (typeof before === 'number' ? before : 0) + n;
    }
    d.vars = vars;
  }
  if (effects.setting) {
    for (const [k, v] of Object.entries(effects.setting))
      changeSetting(d, k as keyof SessionContext['settings'], v);
  }
  if (effects.vitals) addVitals(d, effects.vitals);
}

/** Adds changes to the signals' offsets and recomputes the signals. */
export function addVitals(d: SessionContext, deltas: Partial<Signals>): void {
  const offsets = { ...d.offsets };
  for (const [k, n] of Object.entries(deltas))
    offsets[k as keyof Signals] = (offsets[k as keyof Signals] ?? 0) + (n ?? 0);
  d.offsets = offsets;
  refreshVitals(d);
}

/** Changes a room setting (music, eyeshades, lights). */
export function changeSetting(
  d: SessionContext,
  setting: keyof SessionContext['settings'],
  value: string,
): void {
  d.settings = { ...d.settings, [setting]: value } as SessionContext['settings'];
  say(d, { speaker: 'system', text: `${setting[0]!.toUpperCase()}${setting.slice(1)}: ${value}.` });
}
