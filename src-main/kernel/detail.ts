/**
 * Detail mode (docs/trace.md, "Detail mode"): what a `line` event says about a task that reached
 * a new line of the user's program: the function, the call depth, and the variables in scope
 * (the current frame's locals and parameters, then the user's globals) with their values as C
 * would print them. Memory is read through the task's own page table without faulting
 * (inspect.ts), so looking never changes the run.
 */
import type { ImageSymbol, ProgramImage } from '../lang/image.ts';
import { displayBytes, formatValue, type RecordLookup } from './c-values.ts';
import { callFrames, functionOf, peekUser, userFileIndex, userLineAt } from './inspect.ts';
import type { MmStruct } from './mm/mm.ts';
import type { VarView } from './trace.ts';

export type { VarView };

export interface LineDetails {
  /** null when no user frame is on the stack (before main, after it returned) */
  line: number | null;
  fn: string | null;
  depth: number;
  vars: VarView[];
}

/**
 * Where a task stands when its pc is in the user's file: line, function, depth (the user's
 * frames on the stack, main alone being 1) and variables. Null when the pc is in the C runtime.
 */
export function lineDetails(mm: MmStruct, image: ProgramImage, pc: number, fp: number, records: RecordLookup): (LineDetails & { line: number; fn: string }) | null {
  const file = userFileIndex(image);
  const line = userLineAt(image, pc, file);
  if (line === null) return null;
  const frames = callFrames(mm, image, pc, fp);
  const fn = frames[0].fn;
  if (!fn) return null;
  const depth = frames.filter((f) => f.fn !== null && f.fn.file === file).length;
  return { line, fn: fn.name, depth, vars: frameVariables(mm, image, pc, fp, records) };
}

/**
 * The variables a frame sees: the locals and parameters in scope at `pc` of the function that
 * contains it (its frame pointer `fp`), then the user's globals (file-scope objects and that
 * function's static locals), read now. With a pc in no function (-1), the file-scope globals only.
 */
export function frameVariables(mm: MmStruct, image: ProgramImage, pc: number, fp: number, records: RecordLookup): VarView[] {
  const fn = pc >= 0 ? functionOf(image, pc) : null;
  const vars: VarView[] = [];
  for (const local of fn?.locals ?? []) {
    if (pc < local.startPc || pc >= local.endPc) continue;
    const address = fp + local.frameOffset;
    vars.push({ name: local.name, type: local.type, address, value: readValue(mm, address, local.size, local.type, records), scope: 'local' });
  }
  for (const g of userGlobals(image, userFileIndex(image))) {
    if (g.scope !== undefined && g.scope !== fn?.name) continue;
    vars.push({ name: g.name, type: g.type, address: g.address, value: readValue(mm, g.address, g.size, g.type, records), scope: 'global' });
  }
  return vars;
}

/** A variable's value, or "<not mapped>" when its memory is not in the address space. */
function readValue(mm: MmStruct, address: number, size: number, type: string, records: RecordLookup): string {
  const peek = peekUser(mm, address, displayBytes(type, size));
  if (!peek.ok) return '<not mapped>';
  return formatValue(type, peek.bytes, records, size);
}

const globalsCache = new WeakMap<ProgramImage, ImageSymbol[]>();

/** The objects the user's file defines (file-scope globals and statics, and static locals). */
function userGlobals(image: ProgramImage, file: number): ImageSymbol[] {
  let list = globalsCache.get(image);
  if (!list) {
    list = image.symbols.filter((s) => s.kind === 'object' && s.file === file && s.name !== '__func__');
    globalsCache.set(image, list);
  }
  return list;
}
