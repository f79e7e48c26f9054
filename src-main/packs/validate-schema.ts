/**
 * Schema validation of pack.yaml and exercise.yaml with ajv, with every error turned into a
 * PackError that names the file, the line and the field, in words a pack author understands.
 */
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import { EXERCISE_YAML_REF, PACK_SCHEMA, PACK_YAML_REF, TEST_CASE_RULE, TYPE_RULES } from './schema.ts';
import type { ParsedYaml } from './yaml.ts';
import type { PackError } from './types.ts';
import { PREBUILT_VALIDATORS } from './prebuilt-validators.ts';

/** How the schema is compiled (here on first use, or at build time: scripts/prebuilt-sources.ts). */
export const AJV_OPTIONS = { allErrors: true, strict: false, verbose: true } as const;

let validators: { pack: ValidateFunction; exercise: ValidateFunction } | null = null;

/** The validators: compiled at build time in the built lab (prebuilt-validators.ts), else once here. */
function compiled(): { pack: ValidateFunction; exercise: ValidateFunction } {
  if (!validators) {
    if (PREBUILT_VALIDATORS) {
      validators = PREBUILT_VALIDATORS;
    } else {
      const ajv = new Ajv(AJV_OPTIONS);
      ajv.addSchema(PACK_SCHEMA);
      validators = { pack: ajv.getSchema(PACK_YAML_REF)!, exercise: ajv.getSchema(EXERCISE_YAML_REF)! };
    }
  }
  return validators;
}

/** Validates a parsed pack.yaml ('pack') or exercise.yaml ('exercise'); [] when it is valid. */
export function validateAgainstSchema(kind: 'pack' | 'exercise', file: string, parsed: ParsedYaml): PackError[] {
  const validate = compiled()[kind];
  if (validate(parsed.value)) return [];
  return describeErrors(validate.errors ?? [], file, parsed, parsed.value);
}

function describeErrors(errors: ErrorObject[], file: string, parsed: ParsedYaml, root: unknown): PackError[] {
  const out: PackError[] = [];
  const seen = new Set<string>();
  // a failed type rule (oneOf/anyOf/required in a check type's `then`) reports once, in words
  const ruleFailed = new Set<string>();
  // fields whose alternatives failed and have a description: that sentence alone is reported
  const described = new Set<string>();
  for (const e of errors) {
    if (e.keyword === 'if') continue;
    const path = pointerToPath(e.instancePath);
    let message: string;
    let line = parsed.lineOf(path);
    let fieldPath = path;
    const rule = ruleMessage(e, valueAt(root, path));
    if (rule !== null) {
      const key = e.instancePath;
      if (ruleFailed.has(key)) continue;
      ruleFailed.add(key);
      message = rule;
    } else if (e.keyword === 'required') {
      const missing = String(e.params.missingProperty);
      message = `missing required field "${missing}"`;
      fieldPath = [...path, missing];
    } else if (e.keyword === 'additionalProperties') {
      const extra = String(e.params.additionalProperty);
      const type = (valueAt(root, path) as { type?: unknown } | undefined)?.type;
      message = typeof type === 'string' && /\/then\//.test(e.schemaPath)
        ? `unknown field "${extra}" for a check of type ${type}`
        : `unknown field "${extra}"`;
      line = parsed.keyLineOf(path, extra);
      fieldPath = [...path, extra];
    } else if (e.keyword === 'enum') {
      const allowed = (e.params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ');
      message = `must be one of ${allowed} (got ${JSON.stringify(valueAt(root, path))})`;
    } else if (e.keyword === 'pattern') {
      const desc = (e.parentSchema as { description?: string } | undefined)?.description;
      message = `${JSON.stringify(valueAt(root, path))} is not valid${desc ? `: expected ${desc}` : ''}`;
    } else if ((e.keyword === 'anyOf' || e.keyword === 'oneOf') && describedAs(e)) {
      message = `${JSON.stringify(valueAt(root, path))} is not valid: expected ${describedAs(e)}`;
      described.add(formatField(fieldPath));
    } else if (e.keyword === 'const' || e.keyword === 'anyOf' || e.keyword === 'oneOf') {
      // the alternatives' own errors say more; keep one line for the field
      message = e.keyword === 'const' ? `must be ${JSON.stringify(e.params.allowedValue)}` : 'does not match any allowed form';
    } else {
      message = plainMessage(e, valueAt(root, path));
    }
    const field = formatField(fieldPath);
    const key = `${line}|${field}|${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ file, line, field, message });
  }
  return dropRedundant(out).filter((e) => !described.has(e.field) || e.message.includes(' is not valid: expected '));
}

const TYPE_WORDS: Record<string, string> = {
  integer: 'a whole number', number: 'a number', string: 'a text', boolean: 'true or false', array: 'a list', object: 'a mapping (key: value lines)', null: 'empty',
};

/** ajv's other messages ("must NOT have fewer than 1 items") said in words a pack author reads, with the value given. */
function plainMessage(e: ErrorObject, value: unknown): string {
  const got = ` (got ${JSON.stringify(value)})`;
  const n = Number(e.params.limit);
  switch (e.keyword) {
    case 'minItems':
      return n === 1 ? 'an empty list: give at least one entry' : `a list of at least ${n} entries is needed (got ${(value as unknown[]).length})`;
    case 'maxItems':
      return `a list of at most ${n} entries (got ${(value as unknown[]).length})`;
    case 'minLength':
      return n === 1 ? 'must not be empty' : `must be at least ${n} characters long`;
    case 'maxLength':
      return `must be at most ${n} characters long`;
    case 'minimum':
      return `must be at least ${n}${got}`;
    case 'maximum':
      return `must be at most ${n}${got}`;
    case 'exclusiveMinimum':
      return `must be more than ${n}${got}${/^\/weights\//.test(e.instancePath) && value === 0 ? ': a weight of 0 would make the exercise count for nothing (leave it out of weights to weigh it by its points)' : ''}`;
    case 'type': {
      // YAML reads 1.0 or 2024 as a number: a text field given one wants quotes
      const asNumber = e.params.type === 'string' && typeof value === 'number';
      const why = asNumber ? ` (YAML read it as the number ${value}: write it in quotes)` : got;
      return `must be ${String(e.params.type).split(',').map((t) => TYPE_WORDS[t] ?? t).join(' or ')}${why}`;
    }
    case 'uniqueItems':
      return `entries must not repeat (entries ${Number(e.params.j) + 1} and ${Number(e.params.i) + 1} are the same)`;
    default:
      return e.message ?? 'invalid';
  }
}

/** The description of the alternatives that failed, when the schema gives one. */
function describedAs(e: ErrorObject): string | undefined {
  return (e.parentSchema as { description?: string } | undefined)?.description;
}

/**
 * The sentence for an error of a rule about which fields go together (a check type's `then`, a
 * test case's `oneOf`), or null for any other error.
 */
function ruleMessage(e: ErrorObject, value: unknown): string | null {
  if (/\/testCase\/oneOf/.test(e.schemaPath)) return TEST_CASE_RULE;
  const inTypeRule = /\/then\/(oneOf|anyOf|required)/.test(e.schemaPath) || /\/then\/(oneOf|anyOf)\//.test(e.schemaPath);
  if (!inTypeRule) return null;
  const type = String((value as { type?: unknown } | undefined)?.type ?? '');
  return TYPE_RULES[type] ?? e.message ?? 'invalid';
}

/** Drops "does not match any allowed form" when a more precise error names the same field. */
function dropRedundant(errors: PackError[]): PackError[] {
  return errors.filter(
    (e) => e.message !== 'does not match any allowed form' || !errors.some((o) => o !== e && o.field === e.field && o.message !== e.message),
  );
}

/** "/checks/1/exact" → ["checks", 1, "exact"] */
export function pointerToPath(pointer: string): (string | number)[] {
  if (!pointer) return [];
  return pointer
    .slice(1)
    .split('/')
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

/** ["checks", 1, "exact"] → "checks[1].exact" */
export function formatField(path: (string | number)[]): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : out ? `.${p}` : p;
  return out;
}

function valueAt(root: unknown, path: (string | number)[]): unknown {
  let v: unknown = root;
  for (const p of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string | number, unknown>)[p];
  }
  return v;
}
