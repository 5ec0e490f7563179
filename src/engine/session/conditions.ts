/** The format's condition language, as the session rules evaluate it (format/conditions.ts). */
export { evaluateCondition, type Condition, type ConditionEnv } from '../format/conditions.ts';
