/**
 * The `calls` check reads the compiled program, not its text, so a name in a comment or a string
 * does not count: the functions the program calls are the targets of the call instructions (and
 * the functions whose address is taken) in the student's own functions reachable from main (and
 * from the functions main's code takes the address of, such as signal handlers). Library and
 * runtime functions are leaves: `system` does not count as a call to fork. The link points at
 * the call's line, and at the run's first `syscall` event of that name when the trace has one.
 */
import { BUILTIN_NAMES } from '../lang/builtins.ts';
import { codeAddress, Op, OPERANDS } from '../lang/isa.ts';
import { lineOf, type FunctionInfo, type ProgramImage } from '../lang/image.ts';
import type { CheckFields } from '../packs/types.ts';
import type { RunResult } from '../vm/run.ts';
import { linkTo } from './trace-links.ts';
import { NO_LINK, type EvalContext, type Link, type Outcome } from './types.ts';

/** Each function name the program's own reachable code calls, with the line of its first call. */
export function calledFunctions(image: ProgramImage, fileName: string): Map<string, number> {
  const userFile = image.files.indexOf(fileName);
  const byEntry = new Map<number, FunctionInfo>(image.functions.map((f) => [f.entryPc, f]));
  const byAddress = new Map<number, FunctionInfo>(image.functions.map((f) => [codeAddress(f.entryPc), f]));
  const calls = new Map<string, number>();
  const note = (name: string, line: number): void => {
    const plain = name.endsWith('@builtin') ? name.slice(0, -'@builtin'.length) : name;
    if (!calls.has(plain)) calls.set(plain, line);
  };
  const main = image.functions.find((f) => f.name === 'main' && f.file === userFile);
  if (!main) return calls;
  // calls the compiler replaced as gcc -O0 does (printf("hi\n") runs as puts): the name written counts
  const asWritten = image.callsAsWritten ?? [];
  const replacedCalls = new Set(asWritten.filter((c) => c.compiledAs !== undefined).map((c) => c.pc));
  const seen = new Set<FunctionInfo>([main]);
  const queue = [main];
  while (queue.length > 0) {
    const fn = queue.shift()!;
    const written = asWritten.filter((c) => c.pc >= fn.entryPc && c.pc < fn.endPc);
    let w = 0;
    for (let pc = fn.entryPc; pc < fn.endPc; pc += 1 + (OPERANDS[image.code[pc]] ?? 0)) {
      const op = image.code[pc];
      const line = lineOf(image, pc)?.line ?? fn.line;
      for (; w < written.length && written[w].pc <= pc; w++) note(written[w].name, line);
      let target: FunctionInfo | undefined;
      if (op === Op.CALL_BUILTIN && !replacedCalls.has(pc)) note(BUILTIN_NAMES[image.code[pc + 1]] ?? `builtin#${image.code[pc + 1]}`, line);
      else if (op === Op.CALL) target = byEntry.get(image.code[pc + 1]);
      else if (op === Op.PUSH_PTR) target = byAddress.get(image.code[pc + 2] * 4294967296 + (image.code[pc + 1] >>> 0));
      if (!target) continue;
      note(target.name, line);
      if (target.file === userFile && !seen.has(target)) {
        seen.add(target);
        queue.push(target);
      }
    }
  }
  return calls;
}

/** Whether `name` is `pattern`, or starts with it when the pattern ends in `*` ("exec*"). */
export function callMatches(name: string, pattern: string): boolean {
  return pattern.endsWith('*') ? name.startsWith(pattern.slice(0, -1)) : name === pattern;
}

/** The first function the program calls that matches one of `patterns`, or null. */
function firstCalled(calls: Map<string, number>, patterns: string[]): string | null {
  for (const name of calls.keys()) if (patterns.some((p) => callMatches(name, p))) return name;
  return null;
}

/** "wait or waitpid", "a function whose name starts with exec" */
function describeCalls(patterns: string[]): string {
  const words = patterns.map((p) => (p.endsWith('*') ? `a function whose name starts with ${p.slice(0, -1)}` : p));
  return words.length <= 2 ? words.join(' or ') : `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`;
}

/**
 * `calls`: every `required` entry is called (an entry that is a list: any one of its functions),
 * no `forbidden` function is. A name ending in `*` stands for every function it starts.
 */
export function evaluateCalls(check: CheckFields, ctx: EvalContext, result: RunResult | null): Outcome {
  const image = ctx.image;
  if (!image) return { passed: false, fraction: 0, detail: 'the program did not compile', link: NO_LINK, error: true };
  const calls = calledFunctions(image, ctx.fileName);
  const required = (check.required ?? []).map((r) => (Array.isArray(r) ? r : [r]));
  const forbidden = check.forbidden ?? [];
  const missing = required.filter((any) => firstCalled(calls, any) === null);
  const used = forbidden.map((f) => firstCalled(calls, [f])).filter((n): n is string => n !== null);
  const total = required.length + forbidden.length;
  const bad = missing.length + used.length;
  const linkFor = (name: string): Link => {
    const event = result?.trace.find((e) => e.kind === 'syscall' && e.name === name);
    return event ? linkTo(event) : { step: null, pid: null, line: calls.get(name) ?? null };
  };
  if (bad === 0) {
    const called = required.map((any) => firstCalled(calls, any)!);
    const avoided = forbidden.map((f) => describeCalls([f]));
    return {
      passed: true,
      fraction: 1,
      detail: called.length > 0 ? `the program calls ${called.join(', ')}` + (avoided.length ? ` and not ${avoided.join(', ')}` : '') : `the program does not call ${avoided.join(', ')}`,
      link: called.length > 0 ? linkFor(called[0]) : NO_LINK,
    };
  }
  const parts: string[] = [];
  if (missing.length > 0) {
    const n = missing.length;
    parts.push(ctx.reveal ? `the program never calls ${missing.map(describeCalls).join(', nor ')}` : n === 1 ? 'a function the program must call is never called' : `${n} functions the program must call are never called`);
  }
  if (used.length > 0) parts.push(`the program calls ${used.join(', ')} (line ${calls.get(used[0])}), which this exercise does not allow`);
  return {
    passed: false,
    fraction: total > 0 ? (total - bad) / total : 0,
    detail: parts.join('; '),
    link: used.length > 0 ? linkFor(used[0]) : NO_LINK,
  };
}
