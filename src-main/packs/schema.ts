/**
 * The JSON Schema of pack.yaml and exercise.yaml (docs/packs.md), published by
 * `forklab pack schema` so that editors check the YAML as it is typed, and enforced by ajv in
 * loadPack. One schema document with two roots under `definitions`; `PACK_YAML_SCHEMA` and
 * `EXERCISE_YAML_SCHEMA` reference them.
 */
import { CHECK_TYPES, TOPICS } from './types.ts';
import { PAGE_SIZES } from '../kernel/budgets.ts';

const ID = { type: 'string', pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', description: 'lower-case letters, digits and dashes' };
const UUID = {
  type: 'string',
  pattern: '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$',
  description: 'a UUID, e.g. from crypto.randomUUID()',
};
const SEMVER = {
  type: 'string',
  pattern: '^(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(-[0-9A-Za-z-]+(\\.[0-9A-Za-z-]+)*)?(\\+[0-9A-Za-z-]+(\\.[0-9A-Za-z-]+)*)?$',
  description: 'semantic version, e.g. 1.0.0',
};
const PATH = { type: 'string', minLength: 1, pattern: '^[^/\\\\]', description: 'a path inside the exercise folder' };
const STRINGS = { type: 'array', items: { type: 'string' } };
const NONNEG = { type: 'integer', minimum: 0 };
const POLICY = { enum: ['parent-first', 'child-first', 'round-robin', 'random'] };
const RANGE = {
  type: 'object',
  additionalProperties: false,
  minProperties: 1,
  properties: { min: NONNEG, max: NONNEG },
};

const RUN = {
  type: 'object',
  additionalProperties: false,
  properties: {
    args: STRINGS,
    stdin: { type: 'string' },
    stdinFile: { ...PATH, description: 'a file of the exercise folder whose text is the terminal input (instead of stdin)' },
    files: {
      type: 'object',
      description: "files the program finds: path in its file system (relative: in /home/student) → text, or { file: NAME } of the exercise folder",
      propertyNames: { minLength: 1, maxLength: 255 },
      additionalProperties: {
        anyOf: [{ type: 'string' }, { type: 'object', additionalProperties: false, required: ['file'], properties: { file: PATH } }],
        description: 'the text of the file, or { file: NAME }: a file of the exercise folder',
      },
    },
    stdoutPipe: { type: 'boolean' },
    forkCopy: { enum: ['cow', 'eager'] },
    pageSize: { enum: [...PAGE_SIZES], description: 'bytes per page: a power of two from 256 to 65536' },
    policy: POLICY,
    seed: { type: 'integer' },
    quantum: { type: 'integer', minimum: 1 },
    maxSteps: { type: 'integer', minimum: 1, maximum: 500_000_000 },
    nprocLimit: { type: 'integer', minimum: 1, maximum: 4096 },
  },
};

const LINES = {
  type: 'object',
  additionalProperties: false,
  minProperties: 1,
  properties: { required: STRINGS, forbidden: STRINGS, ordered: { type: 'boolean' } },
};

/** The ways of saying what output is expected (an `output` check's and each test case's). */
const EXPECTED = {
  exact: { type: 'string' },
  trimmed: { type: 'string' },
  regex: { type: 'string' },
  flags: { type: 'string', pattern: '^[imsu]*$' },
  anyOf: { type: 'array', items: { type: 'string' }, minItems: 1 },
  lines: LINES,
};
const EXPECTED_FORMS = ['exact', 'trimmed', 'regex', 'anyOf', 'lines'];

/** One row of a test-case table. */
const TEST_CASE = {
  type: 'object',
  additionalProperties: false,
  required: ['points'],
  properties: {
    title: { type: 'string', minLength: 1 },
    stdin: { type: 'string' },
    stdinFile: RUN.properties.stdinFile,
    files: RUN.properties.files,
    args: STRINGS,
    points: { type: 'number', minimum: 0 },
    ...EXPECTED,
  },
  oneOf: EXPECTED_FORMS.map((k) => ({ required: [k] })),
};

/** A moment of a run: the end (before init reaps), or when the nth call of a function returns. */
const RUN_POINT = {
  description: 'end, or { call: NAME, nth: N } (when the N-th call of NAME returns)',
  anyOf: [
    { const: 'end' },
    {
      type: 'object',
      additionalProperties: false,
      required: ['call'],
      properties: { call: { type: 'string', pattern: '^[A-Za-z_][A-Za-z0-9_]*$' }, nth: { type: 'integer', minimum: 1 } },
    },
  ],
};

/** Each check type's own fields, and which of them must be given. */
const TYPE_FIELDS: Record<(typeof CHECK_TYPES)[number], { properties: Record<string, unknown>; rule?: Record<string, unknown> }> = {
  compiles: { properties: {} },
  output: {
    properties: {
      ...EXPECTED,
      cases: { type: 'array', items: { $ref: '#/definitions/testCase' }, minItems: 1 },
      normalizePids: { type: 'boolean' },
    },
    rule: {
      oneOf: [...EXPECTED_FORMS, 'cases'].map((k) => ({ required: [k] })),
    },
  },
  exit: {
    properties: {
      code: { type: 'integer', minimum: 0, maximum: 255 },
      signal: { type: 'string', pattern: '^SIG[A-Z0-9]+$' },
      process: { anyOf: [{ enum: ['first', 'every'] }, { type: 'integer', minimum: 1 }], description: 'first (the default), every, or a number N from 1: the N-th process created' },
    },
    rule: { anyOf: [{ required: ['code'] }, { required: ['signal'] }] },
  },
  processes: {
    properties: { count: { type: 'integer', minimum: 1 }, min: { type: 'integer', minimum: 1 }, max: { type: 'integer', minimum: 1 }, aliveAtOnce: RANGE },
    rule: { anyOf: [{ required: ['count'] }, { required: ['min'] }, { required: ['max'] }, { required: ['aliveAtOnce'] }] },
  },
  tree: { properties: { shape: { $ref: '#/definitions/treeShape' } }, rule: { required: ['shape'] } },
  zombies: {
    properties: { atEnd: NONNEG, peak: NONNEG, at: RUN_POINT, min: NONNEG, max: NONNEG },
    rule: { anyOf: [{ required: ['atEnd'] }, { required: ['peak'] }, { required: ['at'] }] },
  },
  orphans: {
    properties: { count: NONNEG, reapedBy: { enum: ['init', 'subreaper', 'parent'] } },
    rule: { anyOf: [{ required: ['count'] }, { required: ['reapedBy'] }] },
  },
  memory: {
    properties: { pagesCopied: RANGE, cowFaults: RANGE, framesPeak: RANGE, eagerCopiesMoreThan: NONNEG },
    rule: { anyOf: ['pagesCopied', 'cowFaults', 'framesPeak', 'eagerCopiesMoreThan'].map((k) => ({ required: [k] })) },
  },
  calls: {
    properties: {
      required: {
        type: 'array',
        items: { anyOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' }, minItems: 1 }], description: 'a function name, or a list of names (any one of them)' },
      },
      forbidden: STRINGS,
    },
    rule: { anyOf: [{ required: ['required'] }, { required: ['forbidden'] }] },
  },
  warnings: {
    properties: {
      absent: { anyOf: [{ const: 'all' }, STRINGS] },
      present: STRINGS,
    },
    rule: { anyOf: [{ required: ['absent'] }, { required: ['present'] }] },
  },
  robust: {
    properties: {
      policies: { type: 'array', items: POLICY, minItems: 1 },
      seeds: { type: 'array', items: { type: 'integer' } },
      check: { $ref: '#/definitions/nestedCheck' },
    },
    rule: { required: ['policies', 'check'] },
  },
  'all-outputs': {
    properties: {
      accepted: { type: 'array', items: { type: 'string' }, minItems: 1 },
      lines: LINES,
      maxRuns: { type: 'integer', minimum: 1, maximum: 100000 },
    },
    rule: { oneOf: [{ required: ['accepted'] }, { required: ['lines'] }] },
  },
};

const COMMON = {
  id: ID,
  uuid: UUID,
  type: { enum: [...CHECK_TYPES] },
  title: { type: 'string', minLength: 1, description: 'the check\'s name for students (the app, Gradescope, PrairieLearn); the id when absent' },
  points: { type: 'number', minimum: 0, description: 'the check\'s points (with cases: their sum, which may be left out)' },
  visibility: { enum: ['public', 'sealed', 'secret'] },
  message: { type: 'string' },
  requires: { type: 'array', items: ID, minItems: 1, description: 'checks that must pass for this one\'s points to count' },
  run: RUN,
};

/** A check (or, with `nested`, robust's inner check: no id, uuid, points, visibility, title or requires). */
function checkSchema(nested: boolean): Record<string, unknown> {
  const common: Record<string, unknown> = nested ? { type: COMMON.type, message: COMMON.message, run: COMMON.run } : COMMON;
  const types = nested ? CHECK_TYPES.filter((t) => t !== 'robust') : CHECK_TYPES;
  // points may be left out only by a check with a test-case table (they are its cases' sum)
  const points = nested ? {} : { if: { required: ['cases'] }, else: { required: ['points'] } };
  return {
    type: 'object',
    required: nested ? ['type'] : ['id', 'uuid', 'type'],
    ...points,
    properties: { ...common, type: { enum: [...types] } },
    allOf: types.map((t) => ({
      if: { properties: { type: { const: t } }, required: ['type'] },
      then: {
        properties: { ...common, ...TYPE_FIELDS[t].properties },
        additionalProperties: false,
        ...TYPE_FIELDS[t].rule,
      },
    })),
  };
}

/** What each check type requires, said in words (the loader's message when the rule fails). */
export const TYPE_RULES: Record<string, string> = {
  output: 'an output check needs exactly one of exact, trimmed, regex, anyOf, lines, cases',
  exit: 'an exit check needs code or signal',
  processes: 'a processes check needs count, min, max or aliveAtOnce',
  tree: 'a tree check needs shape',
  zombies: 'a zombies check needs atEnd, peak or at',
  orphans: 'an orphans check needs count or reapedBy',
  memory: 'a memory check needs pagesCopied, cowFaults, framesPeak or eagerCopiesMoreThan',
  calls: 'a calls check needs required or forbidden',
  warnings: 'a warnings check needs absent or present',
  robust: 'a robust check needs policies and check',
  'all-outputs': 'an all-outputs check needs exactly one of accepted, lines',
};

/** What a test case requires, said in words. */
export const TEST_CASE_RULE = 'a test case needs exactly one of exact, trimmed, regex, anyOf, lines';

/** The question's `reveal`: always, never, after-correct, or after-attempts N. */
const REVEAL = {
  anyOf: [{ enum: ['always', 'never', 'after-correct'] }, { type: 'string', pattern: '^after-attempts [1-9][0-9]*$' }],
  description: 'always (the default), never, after-correct, or after-attempts N: when the student sees which choices were right',
};

/** The whole schema document (draft-07). */
export const PACK_SCHEMA = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://forklab.invalid/schema/pack.json',
  title: 'ForkLab exercise pack',
  description: 'pack.yaml and exercise.yaml of a ForkLab exercise pack (docs/packs.md)',
  definitions: {
    pack: {
      type: 'object',
      additionalProperties: false,
      required: ['id', 'uuid', 'title', 'version', 'exercises'],
      properties: {
        id: ID,
        uuid: UUID,
        title: { type: 'string', minLength: 1 },
        version: SEMVER,
        description: { type: 'string' },
        authors: STRINGS,
        exercises: { type: 'array', items: ID, minItems: 1 },
        weights: {
          type: 'object',
          additionalProperties: { type: 'number', exclusiveMinimum: 0 },
          description: 'exercise id → its weight in a student\'s total (default: the exercise\'s points)',
        },
        student: { type: 'boolean', description: 'a student\'s copy: no solutions, wrong submissions or secret checks (forklab pack export --student)' },
      },
    },
    // an exercise.yaml: `kind: possible-outputs` is a question (no starter, solution or checks), any other a code exercise
    exerciseFile: {
      if: { type: 'object', required: ['kind'], properties: { kind: { const: 'possible-outputs' } } },
      then: { $ref: '#/definitions/question' },
      else: { $ref: '#/definitions/exercise' },
    },
    question: {
      type: 'object',
      additionalProperties: false,
      required: ['id', 'uuid', 'title', 'kind', 'prompt', 'program', 'choices'],
      properties: {
        id: ID,
        uuid: UUID,
        title: { type: 'string', minLength: 1 },
        kind: { const: 'possible-outputs' },
        topics: { type: 'array', items: { enum: [...TOPICS] } },
        prompt: PATH,
        program: PATH,
        choices: {
          type: 'array',
          minItems: 2,
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['output'],
            properties: { output: { type: 'string' }, explain: { type: 'string' } },
          },
        },
        points: { type: 'number', minimum: 0, description: 'points per choice answered right (default 1)' },
        maxRuns: { type: 'integer', minimum: 1, maximum: 100000 },
        reveal: REVEAL,
        hints: STRINGS,
        run: RUN,
      },
    },
    // solution is required except in a student's copy (load.ts checks it, knowing the pack)
    exercise: {
      type: 'object',
      additionalProperties: false,
      required: ['id', 'uuid', 'title', 'prompt', 'starter', 'checks'],
      properties: {
        id: ID,
        uuid: UUID,
        title: { type: 'string', minLength: 1 },
        kind: { enum: ['program', 'possible-outputs'] },
        topics: { type: 'array', items: { enum: [...TOPICS] } },
        prompt: PATH,
        starter: PATH,
        solution: PATH,
        hints: STRINGS,
        run: RUN,
        wrong: {
          type: 'array',
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['file', 'fails'],
            properties: { file: PATH, fails: { type: 'array', items: ID, minItems: 1 } },
          },
        },
        checks: { type: 'array', items: { $ref: '#/definitions/check' }, minItems: 1 },
        heldBack: { type: 'number', minimum: 0, description: 'in a student\'s copy: the points of the secret checks left out' },
      },
    },
    check: checkSchema(false),
    testCase: TEST_CASE,
    nestedCheck: checkSchema(true),
    treeShape: { type: 'array', items: { $ref: '#/definitions/treeShape' } },
  },
  // a file with `exercises` is a pack.yaml, any other an exercise.yaml (so editors show the errors of the right one)
  if: { type: 'object', required: ['exercises'] },
  then: { $ref: '#/definitions/pack' },
  else: { $ref: '#/definitions/exerciseFile' },
} as const;

/** The schema of pack.yaml alone (refers into PACK_SCHEMA). */
export const PACK_YAML_REF = 'https://forklab.invalid/schema/pack.json#/definitions/pack';
/** The schema of exercise.yaml alone, a code exercise or a question (refers into PACK_SCHEMA). */
export const EXERCISE_YAML_REF = 'https://forklab.invalid/schema/pack.json#/definitions/exerciseFile';
