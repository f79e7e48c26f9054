/**
 * The question "tick every output the program can produce" (`kind: possible-outputs`,
 * docs/packs.md): the program is explored (bounded by runs, never by time, so the same answer
 * always gets the same grade), and each choice is right when it is ticked exactly if the
 * explorer found that output. Points per right choice (partial credit), except that an answer
 * ticking no possible output earns nothing for the impossible ones it leaves unticked (an empty
 * answer is worth 0). A possible choice's result carries the schedule that produces it, so the
 * app can replay it. reveal.ts hides the per-choice verdicts until the question's `reveal` allows them.
 */
import { explainCandidates, exploreImage } from '../explore/explore.ts';
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

/** What exploring a question's program found: its distinct outputs (normalized), each with a schedule. */
interface Exploration {
  compileError: string | null;
  /** normalized output → the first schedule found that prints it */
  found: Map<string, string>;
  complete: boolean;
  runs: number;
  /** distinct outputs (before normalizing) */
  outputs: number;
  /** why each choice is possible or impossible, in words, by choice text (filled as choices are graded) */
  explain: (choice: string) => string[];
}

/**
 * Explorations by what they depend on (program, run options, maxRuns): the search is
 * deterministic, so every answer to the same question (a class graded by `forklab grade`, each
 * Check in the app, validation then grading) reuses one search. Bounded: a pack has few questions.
 */
const explorations = new Map<string, Exploration>();
const MAX_EXPLORATIONS = 64;

function exploreQuestion(exercise: Exercise, question: Question): Exploration {
  const key = JSON.stringify([question.program, question.maxRuns, exercise.run]);
  const cached = explorations.get(key);
  if (cached) return cached;
  const compiled = compileSubmission(question.program, 'program.c');
  let result: Exploration;
  if (!compiled.ok || !compiled.image) {
    result = { compileError: compiled.diagnosticsText || 'the program does not compile', found: new Map(), complete: false, runs: 0, outputs: 0, explain: () => [] };
  } else {
    const options = { ...mergeRunOptions(exercise.run), maxRuns: question.maxRuns, maxMs: Number.MAX_SAFE_INTEGER };
    const image = compiled.image;
    const view: ExploreView = exploreImage(image, options);
    const found = new Map<string, string>();
    for (const o of view.outputs) {
      const normalized = normalizeOutput(o.stdout);
      if (!found.has(normalized)) found.set(normalized, o.schedule);
    }
    const said = new Map<string, string[]>();
    const explain = (choice: string): string[] => {
      const normalized = normalizeOutput(choice);
      let why = said.get(normalized);
      if (!why) {
        // a choice is written without its last newline: as the program prints it
        const hit = view.outputs.find((o) => normalizeOutput(o.stdout) === normalized);
        const candidate = hit ? hit.stdout : normalized === '' ? '' : `${normalized}\n`;
        why = explainCandidates(image, options, view, [candidate])[0].why;
        said.set(normalized, why);
      }
      return why;
    };
    result = { compileError: null, found, complete: view.complete, runs: view.schedulesExplored, outputs: view.outputs.length, explain };
  }
  if (explorations.size >= MAX_EXPLORATIONS) explorations.clear();
  explorations.set(key, result);
  return result;
}

/** Explores the question's program and matches its outputs against the choices. */
export function questionFacts(exercise: Exercise): QuestionFacts {
  const question = questionOf(exercise);
  const e = exploreQuestion(exercise, question);
  if (e.compileError !== null) return { compileError: e.compileError, schedules: [], complete: false, runs: 0, outputs: 0 };
  return {
    compileError: null,
    schedules: question.choices.map((c) => e.found.get(normalizeOutput(c.output)) ?? null),
    complete: e.complete,
    runs: e.runs,
    outputs: e.outputs,
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
  // an incomplete search cannot claim it tried every order (pack validate refuses one; a pack not validated may have one)
  const notFound = facts.complete
    ? 'No order of the processes prints this: the lab tried every order that can change the output.'
    : `No order the lab tried prints this, but its search stopped after ${facts.runs} runs, so not every order was tried.`;
  // an answer that ticks no possible output earns nothing for leaving the impossible ones unticked
  const credited = facts.schedules.some((schedule, i) => schedule !== null && chosen.has(i));
  const exploration = exploreQuestion(exercise, question);
  const tests = question.choices.map((choice, i) =>
    choiceResult(
      { i, output: choice.output, explain: choice.explain, ticked: chosen.has(i), credited, words: facts.compileError ? [] : exploration.explain(choice.output) },
      facts.compileError ? undefined : facts.schedules[i], question.pointsPerChoice, notFound,
    ),
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

/** What a choice's result says about the answer: which choice, whether it was ticked, whether the answer earns anything for unticked ones. */
interface ChoiceAnswer {
  i: number;
  output: string;
  explain: string | undefined;
  ticked: boolean;
  /** the answer ticks a possible output, so an impossible one left unticked earns its points */
  credited: boolean;
  /** the explorer's why, in words (explore/explain.ts): the decisions that print it, or the chain it contradicts */
  words: string[];
}

/** "Output 2: "parent", "child"": the choice's number and its lines, cut when long. */
export function choiceName(i: number, output: string): string {
  const lines = normalizeOutput(output).split('\n');
  let text = lines.map((l) => JSON.stringify(l)).join(', ');
  if (text.length > 80) text = `${text.slice(0, 77)}...`;
  return `Output ${i + 1}: ${lines.length === 1 && lines[0] === '' ? 'nothing' : text}`;
}

/** One choice's result; `schedule` undefined when the program could not be explored; `notFound` explains an impossible choice. */
function choiceResult(a: ChoiceAnswer, schedule: string | null | undefined, points: number, notFound: string): CheckResultInfo {
  const base = { id: `choice-${a.i + 1}`, name: choiceName(a.i, a.output), max_points: points, visibility: 'public' as const, step: null, pid: null, line: null };
  if (schedule === undefined) {
    return { ...base, status: 'error', points: 0, message: 'Not checked: the question\'s program does not compile (a fault in the exercise, not in your answer: tell your instructor).' };
  }
  const possible = schedule !== null;
  const right = a.ticked === possible;
  const earns = right && (possible || a.credited);
  const said = a.ticked ? 'You ticked it' : 'You left it unticked';
  const why = a.explain ?? (possible ? 'Some order of the processes prints exactly this.' : notFound);
  const verdict = !right ? 'wrong' : earns ? 'right' : 'right, but an answer that ticks no possible output earns nothing for the outputs it leaves unticked';
  // the explorer speaks of "your output" (forklab explore --why); here the output is the choice's
  const choiceWords = a.words.map((w) => w.replace(/\byour output\b/g, 'this output'));
  const words = choiceWords.length === 0 ? '' : possible ? ` For example: ${sentence(choiceWords.join('; '))}` : ` ${sentence(choiceWords.join(' '))}`;
  const result: CheckResultInfo = {
    ...base,
    status: earns ? 'passed' : 'failed',
    points: earns ? points : 0,
    message: `${possible ? 'Possible' : 'Impossible'}. ${said}: ${verdict}. ${why}${words}`,
  };
  if (possible) result.schedule = schedule;
  return result;
}

/** Words ending with a full stop. */
function sentence(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
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
    tests: question.choices.map((c, i) => ({
      id: `choice-${i + 1}`, name: choiceName(i, c.output), status: 'error', points: 0, max_points: question.pointsPerChoice,
      message: `Not checked: the answer could not be read: ${ticked}.`, visibility: 'public', step: null, pid: null, line: null,
    })),
    run: null,
  };
}

function questionOf(exercise: Exercise): Question {
  if (!exercise.question) throw new Error(`exercise "${exercise.id}" is not a possible-outputs question`);
  return exercise.question;
}
