/**
 * What LabService accepts from a door (HTTP, IPC): every argument checked for its type, range and
 * length before any work starts, so that a bad request is a clear client error (RequestError,
 * HTTP 400) instead of an endless run or an internal error. Doors map errors to statuses with
 * errorStatus(), which reads only the error's name (all that survives IPC and worker threads).
 */
import { pageSizeProblem } from '../kernel/budgets.ts';
import { POLICIES, parseSchedule } from '../kernel/sched.ts';
import type { AnswerRequest, CheckRequest, ExploreRequest, HandInRequest, ImportRequest, InspectRequest, RunOptions, RunRequest } from './contract.ts';

/** A request the lab refuses as it is (HTTP 400). */
export class RequestError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RequestError';
  }
}

/** A request for a pack or exercise that does not exist (HTTP 404). */
export class NotFoundError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NotFoundError';
  }
}

/** The HTTP status a door answers an error with: 400, 404, or 500 for anything else. */
export function errorStatus(e: unknown): number {
  const name = e instanceof Error ? e.name : '';
  if (name === 'RequestError') return 400;
  if (name === 'NotFoundError') return 404;
  return 500;
}

/** Limits on what a request may carry. */
export const REQUEST_LIMITS = {
  /** characters of a C source (a student's program) */
  sourceChars: 1024 * 1024,
  /** characters of a file, pack or exercise name, or a job id */
  nameChars: 255,
  /** characters of the terminal input */
  stdinChars: 1024 * 1024,
  /** program arguments, and characters of each */
  args: 256,
  argChars: 4096,
  /** characters of a schedule to replay */
  scheduleChars: 8 * 1024 * 1024,
  /** the step budget of a run */
  maxSteps: 2_000_000_000,
  /** RLIMIT_NPROC */
  nprocLimit: 4096,
  /** runs of one exploration */
  maxRuns: 100_000,
  /** outputs of one exploration whose process graphs are drawn */
  graphs: 1000,
  /** ticked choices of an answer */
  ticked: 1000,
  /** a pid (Linux's PID_MAX_LIMIT) */
  pid: 4_194_304,
  /** files given to a run, and characters of each */
  files: 100,
  fileChars: 1024 * 1024,
} as const;

type Rule = (value: unknown, field: string) => void;

const integer = (min: number, max: number): Rule => (value, field) => {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new RequestError(`${field} must be a whole number from ${min.toLocaleString('en-US')} to ${max.toLocaleString('en-US')}`);
  }
};

const text = (maxChars: number): Rule => (value, field) => {
  if (typeof value !== 'string') throw new RequestError(`${field} must be a string`);
  if (value.length > maxChars) throw new RequestError(`${field} is too long: ${value.length.toLocaleString('en-US')} characters (at most ${maxChars.toLocaleString('en-US')})`);
};

const oneOf = (choices: readonly string[]): Rule => (value, field) => {
  if (typeof value !== 'string' || !choices.includes(value)) throw new RequestError(`${field} must be one of ${choices.join(', ')}`);
};

const boolean: Rule = (value, field) => {
  if (typeof value !== 'boolean') throw new RequestError(`${field} must be true or false`);
};

const args: Rule = (value, field) => {
  if (!Array.isArray(value)) throw new RequestError(`${field} must be a list of strings`);
  if (value.length > REQUEST_LIMITS.args) throw new RequestError(`${field} has ${value.length} items (at most ${REQUEST_LIMITS.args})`);
  value.forEach((v, i) => text(REQUEST_LIMITS.argChars)(v, `${field}[${i}]`));
};

const pageSize: Rule = (value, field) => {
  const problem = pageSizeProblem(value);
  if (problem) throw new RequestError(`${field}: ${problem}`);
};

const schedule: Rule = (value, field) => {
  text(REQUEST_LIMITS.scheduleChars)(value, field);
  try {
    parseSchedule(value as string);
  } catch (e) {
    throw new RequestError(`${field}: ${(e as Error).message}`);
  }
};

const files: Rule = (value, field) => {
  if (!Array.isArray(value)) throw new RequestError(`${field} must be a list of files ({ path, content })`);
  if (value.length > REQUEST_LIMITS.files) throw new RequestError(`${field} has ${value.length} files (at most ${REQUEST_LIMITS.files})`);
  value.forEach((f, i) => checkFields(f, `${field}[${i}]`, { path: text(REQUEST_LIMITS.nameChars), content: text(REQUEST_LIMITS.fileChars) }, ['path', 'content']));
};

/** One rule per run option: adding a field to RunOptions without a rule here does not type-check. */
const RUN_OPTION_RULES: { [K in keyof Required<RunOptions>]: Rule } = {
  args,
  stdin: text(REQUEST_LIMITS.stdinChars),
  stdoutPipe: boolean,
  forkCopy: oneOf(['cow', 'eager']),
  pageSize,
  policy: oneOf(POLICIES),
  seed: integer(0, 0xffffffff),
  quantum: integer(1, REQUEST_LIMITS.maxSteps),
  schedule,
  maxSteps: integer(1, REQUEST_LIMITS.maxSteps),
  nprocLimit: integer(1, REQUEST_LIMITS.nprocLimit),
  files,
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Checks an object's fields against `rules`: unknown fields are refused, absent ones allowed unless `required`. */
function checkFields(value: unknown, what: string, rules: Record<string, Rule>, required: string[] = []): void {
  if (!isRecord(value)) throw new RequestError(`${what} must be an object`);
  for (const key of Object.keys(value)) {
    const rule = Object.hasOwn(rules, key) ? rules[key] : undefined;
    if (!rule) throw new RequestError(`${what} has an unknown field "${key.slice(0, 64)}"`);
    if (value[key] !== undefined) rule(value[key], `${what}.${key}`);
  }
  for (const key of required) if (value[key] === undefined) throw new RequestError(`${what}.${key} is missing`);
}

const name = text(REQUEST_LIMITS.nameChars);
const source = text(REQUEST_LIMITS.sourceChars);
const options: Rule = (value, field) => checkFields(value, field, RUN_OPTION_RULES);
const ticked: Rule = (value, field) => {
  if (!Array.isArray(value)) throw new RequestError(`${field} must be a list of choice numbers`);
  if (value.length > REQUEST_LIMITS.ticked) throw new RequestError(`${field} has ${value.length} items (at most ${REQUEST_LIMITS.ticked})`);
  value.forEach((v, i) => integer(0, REQUEST_LIMITS.ticked)(v, `${field}[${i}]`));
};

/** Checks a run request; returns it typed. */
export function checkRunRequest(value: unknown): RunRequest {
  checkFields(value, 'request', { source, fileName: name, options, jobId: name }, ['source']);
  return value as RunRequest;
}

/** A trace event's kind: a short lower-case word with dashes ("clone", "mm-snapshot"). */
const eventKind: Rule = (value, field) => {
  if (typeof value !== 'string' || !/^[a-z][a-z-]{0,63}$/.test(value)) throw new RequestError(`${field} must be the kind of a trace event`);
};

/**
 * Checks a request to inspect a run at one of its trace positions: the run as a run request, the
 * position and its event's step, kind and pid (a bad one used to replay for ever).
 */
export function checkInspectRequest(value: unknown): InspectRequest {
  checkFields(
    value,
    'request',
    {
      run: (v, field) => checkFields(v, field, { source, fileName: name, options, jobId: name }, ['source']),
      position: integer(1, REQUEST_LIMITS.maxSteps),
      step: integer(0, REQUEST_LIMITS.maxSteps),
      kind: eventKind,
      pid: integer(0, REQUEST_LIMITS.pid),
    },
    ['run', 'position', 'step', 'kind', 'pid'],
  );
  return value as InspectRequest;
}

/** Checks an exploration request. */
export function checkExploreRequest(value: unknown): ExploreRequest {
  checkFields(value, 'request', {
    source, fileName: name, options, maxRuns: integer(1, REQUEST_LIMITS.maxRuns), jobId: name,
    graphs: integer(0, REQUEST_LIMITS.graphs), candidate: text(REQUEST_LIMITS.stdinChars),
  }, ['source']);
  return value as ExploreRequest;
}

/** Checks a request to grade a submission. */
export function checkCheckRequest(value: unknown): CheckRequest {
  checkFields(value, 'request', { packId: name, exerciseId: name, source, jobId: name }, ['packId', 'exerciseId', 'source']);
  return value as CheckRequest;
}

/** Checks an answer to a question. */
export function checkAnswerRequest(value: unknown): AnswerRequest {
  checkFields(value, 'request', { packId: name, exerciseId: name, ticked, jobId: name }, ['packId', 'exerciseId', 'ticked']);
  return value as AnswerRequest;
}

/** Checks a pack import (the size of the zip itself is checked by the service). */
export function checkImportRequest(value: unknown): ImportRequest {
  checkFields(value, 'request', { name, base64: text(Number.MAX_SAFE_INTEGER), allowOlder: boolean }, ['name', 'base64']);
  return value as ImportRequest;
}

/** Checks a hand-in request (the name's own rules are the hand-in's: checker/handin.ts). */
export function checkHandInRequest(value: unknown): HandInRequest {
  checkFields(value, 'request', { packId: name, student: text(REQUEST_LIMITS.nameChars) }, ['packId']);
  return value as HandInRequest;
}

/** Checks one string argument (`what` names it in the message). */
export function checkName(value: unknown, what: string): string {
  name(value, what);
  return value as string;
}

/** Checks a source text argument. */
export function checkSource(value: unknown, what = 'source'): string {
  source(value, what);
  return value as string;
}
