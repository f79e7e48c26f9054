/**
 * The truth tests' two sides of one moment of a run, in one comparable shape: what the viewer's
 * model says (src-renderer/src/trace: rebuilt from the trace) and what the engine holds (the
 * machine itself, replayed to the same point). Tests only.
 */
import { frameRefs, type ViewState } from '../../src-renderer/src/trace/state.ts';
import type { Machine } from '../../src-main/vm/machine.ts';
import type { MmStruct } from '../../src-main/kernel/mm/mm.ts';
import { mmSnapshot } from '../../src-main/kernel/mm-trace.ts';
import { SIGNAL_NAMES } from '../../src-main/kernel/signals.ts';
import { pteFrame } from '../../src-main/kernel/mm/pte.ts';
import { findVma } from '../../src-main/kernel/mm/vma.ts';

/** One task as both sides can state it. */
export interface TaskPicture {
  ppid: number;
  tgid: number;
  /** R S D T Z */
  state: string;
  mm: number | null;
  /** for a zombie: its exit code and the signal that killed it */
  exit: { code: number; signal: string | null } | null;
}

export interface Picture {
  /** every task not yet reaped, by pid */
  tasks: Record<number, TaskPicture>;
  /** every live address space: "vpn:frame:flags" per present page, in vpn order */
  mms: Record<number, string[]>;
  /** the reference count of every frame some live address space maps */
  refs: Record<number, number>;
  terminal: string;
}

/** What the viewer's model says at its position. */
export function modelPicture(s: ViewState): Picture {
  const tasks: Record<number, TaskPicture> = {};
  for (const t of s.tasks.values()) {
    if (t.state === 'X') continue;
    tasks[t.pid] = {
      ppid: t.ppid,
      tgid: t.tgid,
      state: t.state,
      mm: t.state === 'Z' ? null : t.mm,
      exit: t.state === 'Z' ? { code: t.exitCode ?? -1, signal: t.signal } : null,
    };
  }
  const mms: Record<number, string[]> = {};
  for (const m of s.mms.values()) {
    mms[m.id] = [...m.pages.entries()].sort((a, b) => a[0] - b[0]).map(([vpn, p]) => `${vpn}:${p.frame}:${p.flags}`);
  }
  const refs: Record<number, number> = {};
  for (const [frame, count] of frameRefs(s)) refs[frame] = count;
  return { tasks, mms, refs, terminal: s.terminal.map((c) => c.text).join('') };
}

/** What the engine holds now. */
export function enginePicture(machine: Machine): Picture {
  const kernel = machine.kernel;
  const tasks: Record<number, TaskPicture> = {};
  const live = new Map<number, MmStruct>();
  for (const t of kernel.tasks.values()) {
    if (t.state === 'X') continue;
    const mm = t.mm as MmStruct | null;
    if (mm && t.state !== 'Z') live.set(mm.id, mm);
    tasks[t.pid] = {
      ppid: t.parent?.pid ?? 0,
      tgid: t.tgid,
      state: t.state,
      mm: t.state === 'Z' ? null : (mm?.id ?? null),
      exit: t.state === 'Z' ? { code: (t.exitCode >> 8) & 0xff, signal: t.exitCode & 0x7f ? (SIGNAL_NAMES[t.exitCode & 0x7f] ?? null) : null } : null,
    };
  }
  const mms: Record<number, string[]> = {};
  const refs: Record<number, number> = {};
  for (const mm of live.values()) {
    const snap = mmSnapshot(mm);
    mms[mm.id] = snap.pages.map(([vpn, frame, flags]) => `${vpn}:${frame}:${flags}`);
    for (const [frame, count] of snap.refs) refs[frame] = count;
  }
  const decoder = new TextDecoder();
  return { tasks, mms, refs, terminal: kernel.output.map((c) => decoder.decode(c.bytes, { stream: true })).join('') };
}

const INTEGERS: Record<string, [number, boolean]> = {
  int: [4, true], pid_t: [4, true], 'unsigned int': [4, false], unsigned: [4, false], long: [8, true],
  'unsigned long': [8, false], 'long long': [8, true], size_t: [8, false], ssize_t: [8, true], short: [2, true],
};

/**
 * An independent reading of a variable, as the viewer promises to print it (docs/trace.md,
 * "Detail mode"): integers in decimal, chars as 'a' (97), pointers as 0x… or NULL, arrays of
 * integers as {1, 2, 3} (at most 16, then ...); its bytes fetched one by one through the task's
 * page table, not through the lab's inspector. Null for types this reader does not know
 * (structs, floating point, char arrays).
 */
export function readVariable(mm: MmStruct, address: number, type: string): string | null {
  if (INTEGERS[type]) return readInteger(mm, address, ...INTEGERS[type]);
  if (type === 'char') {
    const c = Number(readInteger(mm, address, 1, true));
    return c >= 32 && c < 127 && c !== 39 && c !== 92 ? `'${String.fromCharCode(c)}' (${c})` : null;
  }
  if (/\*$/.test(type)) {
    const p = BigInt(readInteger(mm, address, 8, false));
    return p === 0n ? 'NULL' : `0x${p.toString(16)}`;
  }
  const array = /^(.*) \[(\d+)\]$/.exec(type);
  if (array && INTEGERS[array[1]!]) {
    const [size, signed] = INTEGERS[array[1]!]!;
    const length = Number(array[2]);
    const shown = Array.from({ length: Math.min(length, 16) }, (_, i) => readInteger(mm, address + i * size, size, signed));
    return `{${shown.join(', ')}${length > 16 ? ', ...' : ''}}`;
  }
  return null;
}

/** The integer of `size` bytes at `address` (little-endian), as decimal text. */
function readInteger(mm: MmStruct, address: number, size: number, signed: boolean): string {
  let value = 0n;
  for (let i = size - 1; i >= 0; i--) value = (value << 8n) | BigInt(byteAt(mm, address + i));
  if (signed && value >= 1n << BigInt(size * 8 - 1)) value -= 1n << BigInt(size * 8);
  return value.toString();
}

/** One byte of user memory through the page table; a mapped page not yet present reads 0. */
function byteAt(mm: MmStruct, address: number): number {
  if (!findVma(mm.vmas, address)) throw new Error(`0x${address.toString(16)} is not mapped`);
  const vpn = Math.floor(address / mm.pageSize);
  const pte = mm.pageTable.get(vpn);
  if (pte === 0) return 0;
  return mm.phys.bytes[pteFrame(pte)]![address - vpn * mm.pageSize]!;
}
