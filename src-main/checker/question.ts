/**
 * The question "tick every output the program can produce" (`kind: possible-outputs`,
 * docs/packs.md): the program is explored (bounded by runs, never by time, so the same answer
 * always gets the same grade), and each choice is right when it is ticked exactly if the
 * explorer found that output. Points per right choice (partial credit). A possible choice's
 * result carries the schedule that produces it, so the app can replay it.
 */
import { exploreImage } from '../explore/explore.ts';
import { roundPoints } from '../packs/load.ts';
import { normalizeOutput } from '../packs/semantic.ts';
import type { Exercise, Question } from '../packs/types.ts';
import type { CheckResultInfo, ExploreView, GradeView } from '../service/contract.ts';
import { compileSubmission, mergeRunOptions } from './runs.ts';

/** What the explorer says about each choice of a question. */
export interface QuestionFacts {
  /** null when the program does not compile (then the other fields are empty) */
  compileError: string | null;
  /** per choice: the schedule that prints it, or null when no schedule does */
  schedules: (string | null)[];
  /** every schedule (up to reordering independent steps) was tried */
  complete: boolean;
  runs: number;
  /** distinct outputs the program can produce */
  outputs: number;
}

/** Explores the question's program and matches its outputs against the choices. */
export function questionFacts(exercise: Exercise): QuestionFacts {
  const question = questionOf(exercise);
  const compiled = compileSubmission(question.program, 'program.c');
  if (!compiled.ok || !compiled.image) {
    return { compileError: compiled.diagnosticsText || 'the program does not compile', schedules: [], complete: false, runs: 0, outputs: 0 };
  }
  const options = mergeRunOptions(exercise.run);
  const view: ExploreView = exploreImage(compiled.image, { ...options, maxRuns: question.maxRuns, maxMs: Number.MAX_SAFE_INTEGER });
  const found = new Map<string, string>();
  for (const o of view.outputs) {
    const key = normalizeOutput(o.stdout);
    if (!found.has(key)) found.set(key, o.schedule);
  }
  return {
    compileError: null,
    schedules: question.choices.map((c) => found.get(normalizeOutput(c.output)) ?? null),
    complete: view.complete,
    runs: view.schedulesExplored,
    outputs: view.outputs.length,
  };
}

/**
 * Grades an answer: `ticked` holds the 0-based indices of the ticked choices. Throws when the
 * exercise is not a question or an index is not a choice's.
 */
export function gradeQuestion(exercise: Exercise, ticked: number[], packId = ''): GradeView {
  const question = questionOf(exercise);
  for (const i of ticked) {
    if (!Number.isInteger(i) || i < 0 || i >= question.choices.length) {
      throw new Error(`choice ${JSON.stringify(i)} does not exist: the question has choices 0 to ${question.choices.length - 1}`);
    }
  }
  const facts = questionFacts(exercise);
  const chosen = new Set(ticked);
  const cut = facts.complete ? '' : ` (the search stopped after ${facts.runs} runs, so not every schedule was tried)`;
  const tests = question.choices.map((choice, i) =>
    choiceResult(i, choice.explain, chosen.has(i), facts.compileError ? undefined : facts.schedules[i], question.pointsPerChoice, cut),
  );
  const gradable = facts.compileError === null;
  const maxPoints = roundPoints(question.pointsPerChoice * question.choices.length);
  const points = roundPoints(tests.reduce((n, t) => n + t.points, 0));
  return {
    packId,
    exerciseId: exercise.id,
    points,
    max_points: maxPoints,
    score: maxPoints > 0 ? Math.round((points / maxPoints) * 10000) / 10000 : gradable ? 1 : 0,
    gradable,
    tests,
    run: null,
  };
}

/** One choice's result; `schedule` undefined when the program could not be explored. */
function choiceResult(i: number, explain: string | undefined, ticked: boolean, schedule: string | null | undefined, points: number, cut: string): CheckResultInfo {
  const base = { id: `choice-${i + 1}`, name: `Output ${i + 1}`, max_points: points, visibility: 'public' as const, step: null, pid: null, line: null };
  if (schedule === undefined) {
    return { ...base, status: 'error', points: 0, message: 'Not checked: the question\'s program does not compile.' };
  }
  const possible = schedule !== null;
  const right = ticked === possible;
  const said = ticked ? 'You ticked it' : 'You left it unticked';
  const why = explain ?? (possible
    ? 'Some order of the processes prints exactly this.'
    : `No order of the processes prints this: the lab tried every order that can change the output${cut}.`);
  const result: CheckResultInfo = {
    ...base,
    status: right ? 'passed' : 'failed',
    points: right ? points : 0,
    message: `${possible ? 'Possible' : 'Impossible'}. ${said}: ${right ? 'right' : 'wrong'}. ${why}`,
  };
  if (possible) result.schedule = schedule;
  return result;
}

/**
 * The ticked choices of an answer file (docs/packs.md): 1-based choice numbers separated by
 * spaces or commas (an empty file ticks nothing). Returns 0-based indices, or a sentence saying
 * what is wrong.
 */
export function parseAnswer(text: string, choices: number): number[] | string {
  const tokens = text.split(/[\s,]+/).filter(Boolean);
  const out: number[] = [];
  for (const t of tokens) {
    const n = /^\d+$/.test(t) ? Number(t) : NaN;
    if (!(n >= 1 && n <= choices)) return `"${t}" is not a choice number (1 to ${choices})`;
    if (!out.includes(n - 1)) out.push(n - 1);
  }
  return out.sort((a, b) => a - b);
}

/** Grades an answer file's text; an unreadable answer is not gradable and earns nothing. */
export function gradeAnswerText(exercise: Exercise, text: string, packId = ''): GradeView {
  const question = questionOf(exercise);
  const ticked = parseAnswer(text, question.choices.length);
  if (typeof ticked !== 'string') return gradeQuestion(exercise, ticked, packId);
  const maxPoints = roundPoints(question.pointsPerChoice * question.choices.length);
  return {
    packId,
    exerciseId: exercise.id,
    points: 0,
    max_points: maxPoints,
    score: 0,
    gradable: false,
    tests: question.choices.map((_, i) => ({
      id: `choice-${i + 1}`, name: `Output ${i + 1}`, status: 'error', points: 0, max_points: question.pointsPerChoice,
      message: `Not checked: the answer could not be read: ${ticked}.`, visibility: 'public', step: null, pid: null, line: null,
    })),
    run: null,
  };
}

function questionOf(exercise: Exercise): Question {
  if (!exercise.question) throw new Error(`exercise "${exercise.id}" is not a possible-outputs question`);
  return exercise.question;
}
