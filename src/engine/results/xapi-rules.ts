/**
 * The xAPI 1.0.3 statement rules this simulator relies on, checked before a statement is queued
 * (and by the tests). Returns the problems found, each naming the property; empty when valid.
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;
const IRI = /^[a-z][a-z0-9+.-]*:[^\s]+$/i;
const LANGUAGE_TAG = /^[a-z]{2,3}(-[a-z0-9]{2,8})*$/i;
const ISO_DURATION =
  /^P(?!$)(\d+(\.\d+)?Y)?(\d+(\.\d+)?M)?(\d+(\.\d+)?W)?(\d+(\.\d+)?D)?(T(?!$)(\d+(\.\d+)?H)?(\d+(\.\d+)?M)?(\d+(\.\d+)?S)?)?$/;
const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const INTERACTION_TYPES = [
  'true-false',
  'choice',
  'fill-in',
  'long-fill-in',
  'matching',
  'performance',
  'sequencing',
  'likert',
  'numeric',
  'other',
];
const STATEMENT_KEYS = [
  'id',
  'actor',
  'verb',
  'object',
  'result',
  'context',
  'timestamp',
  'stored',
  'authority',
  'version',
  'attachments',
];

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function languageMap(value: unknown, path: string, problems: string[]): void {
  if (!isObject(value) || Object.keys(value).length === 0) {
    problems.push(`${path} must be a non-empty language map`);
    return;
  }
  for (const [tag, text] of Object.entries(value)) {
    if (!LANGUAGE_TAG.test(tag)) problems.push(`${path} has an invalid language tag "${tag}"`);
    if (typeof text !== 'string') problems.push(`${path}.${tag} must be a string`);
  }
}

function extensions(value: unknown, path: string, problems: string[]): void {
  if (value === undefined) return;
  if (!isObject(value)) {
    problems.push(`${path} must be an object`);
    return;
  }
  for (const key of Object.keys(value)) {
    if (!IRI.test(key)) problems.push(`${path} key "${key}" must be an IRI`);
  }
}

function agent(value: unknown, path: string, problems: string[]): void {
  if (!isObject(value)) {
    problems.push(`${path} must be an object`);
    return;
  }
  if (value.objectType !== undefined && value.objectType !== 'Agent') {
    problems.push(`${path}.objectType must be "Agent"`);
  }
  const ifis = ['mbox', 'mbox_sha1sum', 'openid', 'account'].filter((k) => value[k] !== undefined);
  if (ifis.length !== 1)
    problems.push(
      `${path} must have exactly one identifier (mbox, mbox_sha1sum, openid or account)`,
    );
  if (value.mbox !== undefined && !/^mailto:[^@\s]+@[^@\s]+$/.test(String(value.mbox))) {
    problems.push(`${path}.mbox must be a mailto: IRI`);
  }
  if (value.account !== undefined) {
    const account = value.account;
    if (
      !isObject(account) ||
      typeof account.name !== 'string' ||
      !IRI.test(String(account.homePage))
    ) {
      problems.push(`${path}.account needs a homePage IRL and a name`);
    }
  }
}

/** Checks one statement; returns its problems. */
export function statementProblems(statement: unknown): string[] {
  const problems: string[] = [];
  if (!isObject(statement)) return ['statement must be an object'];
  for (const key of Object.keys(statement)) {
    if (!STATEMENT_KEYS.includes(key)) problems.push(`unknown statement property "${key}"`);
  }
  if (statement.id !== undefined && !UUID.test(String(statement.id)))
    problems.push('id must be a UUID');
  agent(statement.actor, 'actor', problems);

  const verb = statement.verb;
  if (!isObject(verb) || !IRI.test(String(verb.id))) problems.push('verb.id must be an IRI');
  else if (verb.display !== undefined) languageMap(verb.display, 'verb.display', problems);

  const object = statement.object;
  if (!isObject(object)) problems.push('object must be an object');
  else {
    if (object.objectType !== undefined && object.objectType !== 'Activity') {
      problems.push('object.objectType must be "Activity"');
    }
    if (!IRI.test(String(object.id))) problems.push('object.id must be an IRI');
    const definition = object.definition;
    if (definition !== undefined) {
      if (!isObject(definition)) problems.push('object.definition must be an object');
      else {
        if (definition.name !== undefined)
          languageMap(definition.name, 'object.definition.name', problems);
        if (definition.description !== undefined) {
          languageMap(definition.description, 'object.definition.description', problems);
        }
        if (definition.type !== undefined && !IRI.test(String(definition.type))) {
          problems.push('object.definition.type must be an IRI');
        }
        if (definition.interactionType !== undefined) {
          if (!INTERACTION_TYPES.includes(String(definition.interactionType))) {
            problems.push('object.definition.interactionType is not an xAPI interaction type');
          }
          if (definition.interactionType === 'choice') {
            if (!Array.isArray(definition.choices))
              problems.push('a choice interaction needs choices');
            else {
              for (const [i, choice] of definition.choices.entries()) {
                if (!isObject(choice) || typeof choice.id !== 'string' || /\s/.test(choice.id)) {
                  problems.push(
                    `object.definition.choices[${i}].id must be a string without spaces`,
                  );
                } else if (choice.description !== undefined) {
                  languageMap(
                    choice.description,
                    `object.definition.choices[${i}].description`,
                    problems,
                  );
                }
              }
            }
          }
        }
        if (
          definition.correctResponsesPattern !== undefined &&
          (!Array.isArray(definition.correctResponsesPattern) ||
            !definition.correctResponsesPattern.every((p) => typeof p === 'string'))
        ) {
          problems.push('object.definition.correctResponsesPattern must be an array of strings');
        }
        extensions(definition.extensions, 'object.definition.extensions', problems);
      }
    }
  }

  const result = statement.result;
  if (result !== undefined) {
    if (!isObject(result)) problems.push('result must be an object');
    else {
      const score = result.score;
      if (score !== undefined) {
        if (!isObject(score)) problems.push('result.score must be an object');
        else {
          const { scaled, raw, min, max } = score as Record<string, unknown>;
          if (scaled !== undefined && (typeof scaled !== 'number' || scaled < -1 || scaled > 1)) {
            problems.push('result.score.scaled must be a number from -1 to 1');
          }
          if (min !== undefined && max !== undefined && Number(min) > Number(max)) {
            problems.push('result.score.min must not exceed max');
          }
          if (raw !== undefined) {
            if (typeof raw !== 'number') problems.push('result.score.raw must be a number');
            if (min !== undefined && Number(raw) < Number(min))
              problems.push('result.score.raw is below min');
            if (max !== undefined && Number(raw) > Number(max))
              problems.push('result.score.raw is above max');
          }
        }
      }
      if (result.success !== undefined && typeof result.success !== 'boolean') {
        problems.push('result.success must be a boolean');
      }
      if (result.completion !== undefined && typeof result.completion !== 'boolean') {
        problems.push('result.completion must be a boolean');
      }
      if (result.response !== undefined && typeof result.response !== 'string') {
        problems.push('result.response must be a string');
      }
      if (result.duration !== undefined && !ISO_DURATION.test(String(result.duration))) {
        problems.push('result.duration must be an ISO 8601 duration');
      }
      extensions(result.extensions, 'result.extensions', problems);
    }
  }

  const context = statement.context;
  if (context !== undefined) {
    if (!isObject(context)) problems.push('context must be an object');
    else {
      if (context.registration !== undefined && !UUID.test(String(context.registration))) {
        problems.push('context.registration must be a UUID');
      }
      if (context.language !== undefined && !LANGUAGE_TAG.test(String(context.language))) {
        problems.push('context.language must be a language tag');
      }
      extensions(context.extensions, 'context.extensions', problems);
    }
  }
  if (statement.timestamp !== undefined && !ISO_TIMESTAMP.test(String(statement.timestamp))) {
    problems.push('timestamp must be an ISO 8601 date-time with a time zone');
  }
  return problems;
}
