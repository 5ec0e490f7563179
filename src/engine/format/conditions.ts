/**
 * Evaluates a scenario Condition against a session's state (the format's condition language, used
 * by the session and by the authoring checks). Pure.
 */
import type { Static } from '@sinclair/typebox';
import type {
  Condition as ConditionSchema,
  EventState,
  ProtocolFact,
  SignalKey,
} from './schema.ts';
import { own } from './own.ts';

export type Condition = Static<typeof ConditionSchema>;

export interface ConditionEnv {
  vars: Record<string, boolean | number>;
  vitals: Readonly<Record<SignalKey, number>>;
  minute: number | null;
  facts: Readonly<Record<ProtocolFact, boolean>>;
  settings: Readonly<Record<'music' | 'eyeshades' | 'lights', string>>;
  /** The state of each event that has fired (absent: not fired). */
  events?: Readonly<Record<string, EventState>>;
}

type Comparable = {
  eq?: unknown;
  ne?: unknown;
  gt?: number;
  gte?: number;
  lt?: number;
  lte?: number;
};

function compare(value: unknown, c: Comparable): boolean {
  const hasComparison =
    c.eq !== undefined ||
    c.ne !== undefined ||
    c.gt !== undefined ||
    c.gte !== undefined ||
    c.lt !== undefined ||
    c.lte !== undefined;
  if (!hasComparison) return Boolean(value);
  if (c.eq !== undefined && value !== c.eq) return false;
  if (c.ne !== undefined && value === c.ne) return false;
  const n = typeof value === 'number' ? value : Number.NaN;
  if (c.gt !== undefined && !(n > c.gt)) return false;
  if (c.gte !== undefined && !(n >= c.gte)) return false;
  if (c.lt !== undefined && !(n < c.lt)) return false;
  if (c.lte !== undefined && !(n <= c.lte)) return false;
  return true;
}

export function evaluateCondition(condition: Condition | undefined, env: ConditionEnv): boolean {
  if (condition === undefined) return true;
  if ('all' in condition) return condition.all.every((c) => evaluateCondition(c, env));
  if ('any' in condition) return condition.any.some((c) => evaluateCondition(c, env));
  if ('not' in condition) return !evaluateCondition(condition.not, env);
  if ('var' in condition) return compare(own(env.vars, condition.var), condition);
  if ('vital' in condition) return compare(env.vitals[condition.vital], condition);
  if ('minutesSinceDose' in condition)
    return env.minute !== null && compare(env.minute, { gte: 0, ...condition });
  if ('protocol' in condition) return env.facts[condition.protocol as ProtocolFact] === true;
  if ('event' in condition) return compare(own(env.events ?? {}, condition.event), condition);
  if ('setting' in condition)
    return env.settings[condition.setting as keyof ConditionEnv['settings']] === condition.eq;
  return false;
}
