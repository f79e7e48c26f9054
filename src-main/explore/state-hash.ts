/**
 * States by content: a hash of everything in the machine that can change what happens next, and
 * nothing about how the machine got there. Two states with the same hash are treated as the same
 * state by the search (search.ts): what one can still print, the other can.
 *
 * What goes in, per task (in pid order): its registers and the live part of its evaluation stack,
 * its address space (the contents of every present page, hashed per frame), its descriptors (open
 * files named by where they are first seen, so that sharing shows), its signal state (pending,
 * blocked, dispositions, alarm), what it sleeps on, its parent and children, its exit status.
 * For the kernel: the pid counter, the pipes' contents and ends, the terminal's input position,
 * the output so far, and the clock as far as programs can see it (timers are kept relative to
 * now). Left out on purpose: the steps each task ran, the trace, the teaching warnings, the run
 * queue's order (the explorer makes every scheduling choice itself).
 *
 * An address space is hashed again, every frame of it, when a task using it ran since its last
 * hash (only the task that ran can have written to memory); a frame it shares with an address
 * space hashed just before in the same state (a fork's child) is not hashed twice. Address
 * spaces no task used keep their hash. Hashes are
 * 64 bits (two independent 32-bit lanes), printed as 16 hex digits.
 */
import type { ProgramImage } from '../lang/image.ts';
import type { Kernel } from '../kernel/kernel.ts';
import type { OpenFile, Pipe } from '../kernel/files.ts';
import type { MmStruct } from '../kernel/mm/mm.ts';
import { hasSharedVma } from '../kernel/mm/vma.ts';
import type { Task } from '../kernel/task.ts';
import { fsDigest } from './observe.ts';

/** A running 64-bit hash (two lanes, murmur3-style mixing). */
export class Hasher {
  private a = 0x9747b28c;
  private b = 0x2545f491;

  /** Mixes one 32-bit integer in. */
  int(v: number): this {
    let k = Math.imul(v | 0, 0xcc9e2d51);
    k = (k << 15) | (k >>> 17);
    k = Math.imul(k, 0x1b873593);
    let a = this.a ^ k;
    a = (a << 13) | (a >>> 19);
    this.a = (Math.imul(a, 5) + 0xe6546b64) | 0;
    let j = Math.imul(v ^ 0x5bd1e995, 0x85ebca6b);
    j ^= j >>> 13;
    let b = (this.b ^ j) + 0x27d4eb2f;
    b = Math.imul(b ^ (b >>> 15), 0x2c1b3c6d);
    this.b = b ^ (b >>> 12);
    return this;
  }

  /** Mixes a number that may not fit 32 bits (addresses, times). */
  num(v: number): this {
    if (Number.isInteger(v) && v >= -0x80000000 && v <= 0x7fffffff) return this.int(v);
    const hi = Math.floor(v / 4294967296);
    return this.int(0x7ead).int(v - hi * 4294967296).int(hi);
  }

  /** Mixes a string in (its length first, so that concatenations differ). */
  str(s: string): this {
    this.int(s.length);
    for (let i = 0; i < s.length; i++) this.int(s.charCodeAt(i));
    return this;
  }

  /** Mixes another hash's digest in. */
  digestOf(other: Hasher): this {
    return this.int(other.a).int(other.b);
  }

  /** The two lanes as 16 hex digits. */
  digest(): string {
    return (this.a >>> 0).toString(16).padStart(8, '0') + (this.b >>> 0).toString(16).padStart(8, '0');
  }

  get lanes(): [number, number] {
    return [this.a, this.b];
  }
}

/** Hashes `bytes` (a frame) 32 bits at a time; the length must be a multiple of 4. */
function hashFrame(bytes: Uint8Array): [number, number] {
  const words = new Int32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength >> 2);
  let a = 0x3c6ef372;
  let b = 0x1b873593;
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (w === 0) {
      // zero words are most of a page: cheap to mix, still position-dependent
      a = (Math.imul(a, 0x01000193) + i) | 0;
      continue;
    }
    let k = Math.imul(w, 0xcc9e2d51);
    k = (k << 15) | (k >>> 17);
    a = Math.imul(a ^ Math.imul(k, 0x1b873593), 5) + 0xe6546b64 | 0;
    b = Math.imul(b ^ w ^ i, 0x85ebca6b);
    b ^= b >>> 13;
  }
  return [a, b];
}

/** The hashes of the address spaces alive at a state, by the pid of a task using each. */
export type MmHashes = Map<number, [number, number]>;

/** The hash of each program image, by content (the same program in every run). */
const imageHashes = new WeakMap<ProgramImage, number>();

function imageHash(image: ProgramImage): number {
  let h = imageHashes.get(image);
  if (h === undefined) {
    const x = new Hasher().str(image.name).int(image.code.length);
    for (let i = 0; i < image.code.length; i += 7) x.int(image.code[i]);
    h = x.lanes[0];
    imageHashes.set(image, h);
  }
  return h;
}

/** Keeps frame and address-space hashes of one run up to date and hashes whole states. */
export class StateHasher {
  /** per frame number: the state hash (stamp) during which it was last hashed, and its hash */
  private readonly frameStamp: number[] = [];
  /** counts the state hashes made */
  private stamp = 0;
  private readonly frameA: number[] = [];
  private readonly frameB: number[] = [];
  /** per address space: its hash, while valid */
  private readonly mmHashes = new Map<MmStruct, [number, number]>();
  /** the output's running hash and how many chunks it covers */
  private output = new Hasher();
  private outputChunks = 0;
  /** tasks hashed as they were before a blocked attempt (see blockedAttempt) */
  private readonly substitutes = new Map<Task, [number, number]>();

  constructor(private readonly kernel: Kernel) {}

  /** `task` ran: its address space may have changed. */
  touched(task: Task): void {
    const mm = task.mm as MmStruct | null;
    if (!mm) return;
    // a write to a MAP_SHARED frame changes every address space that maps it
    if (hasSharedVma(mm.vmas)) this.mmHashes.clear();
    else this.mmHashes.delete(mm);
  }

  /**
   * Takes the address-space hashes of an earlier run at the same state (replays are exact), so
   * that only what changes from here on is hashed again.
   */
  adopt(hashes: MmHashes): void {
    this.mmHashes.clear();
    for (const [pid, h] of hashes) {
      const mm = this.kernel.tasks.get(pid)?.mm as MmStruct | null | undefined;
      if (mm) this.mmHashes.set(mm, h);
    }
  }

  /** The address-space hashes of the current state (for adopt in a later run). */
  exportMms(): MmHashes {
    const out: MmHashes = new Map();
    const seen = new Set<MmStruct>();
    for (const t of this.kernel.tasks.values()) {
      const mm = t.mm as MmStruct | null;
      if (!mm || seen.has(mm)) continue;
      seen.add(mm);
      out.set(t.pid, this.mmHash(mm));
    }
    return out;
  }

  /** The content hash of the current state. `maxPid` is the highest pid the run has used. */
  key(maxPid: number): string {
    const k = this.kernel;
    this.stamp++;
    const h = new Hasher();
    h.int(maxPid).int(k.terminal.inputPos).num(Math.floor(k.time / 1e9));
    this.hashOutput();
    h.digestOf(this.output);
    // the files and the offsets of open files, once the program has touched the file system
    if (k.fs.version > 0) h.str(fsDigest(k));
    const files = new Map<OpenFile, number>();
    const pipes = new Map<Pipe, number>();
    const tables = new Map<unknown, number>();
    const mms = new Map<unknown, number>();
    const sighands = new Map<unknown, number>();
    for (const t of k.tasks.values()) {
      if (t.kernelThread) continue;
      this.hashTask(h, t, files, pipes, tables, mms, sighands);
    }
    for (const [pipe, n] of pipes) {
      h.int(n).int(pipe.readers).int(pipe.writers).int(pipe.buffer.length);
      for (const b of pipe.buffer) h.int(b);
    }
    return h.digest();
  }

  private hashOutput(): void {
    const out = this.kernel.output;
    for (; this.outputChunks < out.length; this.outputChunks++) {
      for (const b of out[this.outputChunks].bytes) this.output.int(b);
    }
  }

  private hashTask(
    h: Hasher, t: Task, files: Map<OpenFile, number>, pipes: Map<Pipe, number>,
    tables: Map<unknown, number>, mms: Map<unknown, number>, sighands: Map<unknown, number>,
  ): void {
    const now = this.kernel.time;
    h.int(t.pid).int(t.tgid).str(t.comm).int(t.flags).int(t.exitSignal);
    h.int(t.parent?.pid ?? 0).int(t.children.length);
    for (const c of t.children) h.int(c.pid);
    // its process group and session (setpgid, setsid): a zombie's group still counts for waits
    h.int(t.signal.pgid).int(t.signal.sid).int(t.signal.leader ? 1 : 0);
    if (t.state === 'Z' || t.state === 'X') {
      h.str(t.state).int(t.exitCode);
      return;
    }
    h.int(t.stopSignal).int(t.stopReported ? 1 : 0).int(t.continueReported ? 1 : 0);
    h.int(t.childSubreaper ? 1 : 0).int(t.execFailed ? 1 : 0).num(t.clearChildTid).int(t.pipeWritten);
    h.int(t.vforkDone?.parent.pid ?? 0).num(t.vforkFrame).num(t.vforkSp);
    // signals
    h.int(t.pending.size);
    for (const s of [...t.pending].sort((x, y) => x - y)) h.int(s);
    h.int(t.blocked.size);
    for (const s of [...t.blocked].sort((x, y) => x - y)) h.int(s);
    // the mask a sleeping sigsuspend puts back (-1: none)
    h.int(t.savedSigmask?.size ?? -1);
    for (const s of [...(t.savedSigmask ?? [])].sort((x, y) => x - y)) h.int(s);
    h.num(t.alarmAt === null ? -1 : t.alarmAt - now);
    const sh = sighands.get(t.sighand);
    if (sh !== undefined) h.int(-1).int(sh);
    else {
      sighands.set(t.sighand, t.pid);
      t.sighand.actions.forEach((a, sig) => {
        if (a.handler === 0 && a.flags === 0 && a.mask.size === 0) return;
        h.int(sig).num(a.handler).num(a.flags).int(a.mask.size);
        for (const m of a.mask) h.int(m);
      });
      h.int(-2);
    }
    // what it runs, where, and what it sleeps on; as before its attempt when that was a blocked one
    const mm = t.mm as MmStruct | null;
    const owner = mm ? mms.get(mm) : undefined;
    if (mm && owner === undefined) mms.set(mm, t.pid);
    const [a, b] = this.substitutes.get(t) ?? this.ownPart(t, owner === undefined);
    h.int(a).int(b);
    if (owner !== undefined) h.int(-3).int(owner);
    // descriptors
    const table = tables.get(t.files);
    if (table !== undefined) h.int(-4).int(table);
    else {
      tables.set(t.files, t.pid);
      const fds = t.files.fds;
      h.int(fds.length);
      for (let fd = 0; fd < fds.length; fd++) {
        const e = fds[fd];
        if (!e) continue;
        h.int(fd).int(e.cloexec ? 1 : 0);
        let n = files.get(e.file);
        if (n === undefined) {
          n = files.size + 1;
          files.set(e.file, n);
          h.int(-5).str(e.file.kind).int(e.file.refs);
          if (e.file.pipe) {
            let p = pipes.get(e.file.pipe);
            if (p === undefined) {
              p = pipes.size + 1;
              pipes.set(e.file.pipe, p);
            }
            h.int(p);
          } else h.int(e.file === this.kernel.ttyFile ? 1 : 3);
        } else h.int(n);
      }
    }
  }

  /**
   * The part of a task that only the task itself changes: its state letter and what it sleeps
   * on, its registers and evaluation stack, and (when `withMemory`) its address space.
   */
  ownPart(t: Task, withMemory = true): [number, number] {
    const h = new Hasher();
    h.str(t.state);
    hashWaiting(h, t, this.kernel.time);
    const ctx = t.ctx;
    if (ctx) {
      h.int(imageHash(ctx.image)).int(ctx.pc).num(ctx.sp).num(ctx.fp).int(ctx.nargs).int(ctx.esp);
      const ev = ctx.evalI32;
      for (let i = 0; i < 2 * ctx.esp; i++) h.int(ev[i]);
    }
    const mm = t.mm as MmStruct | null;
    if (mm && withMemory) {
      const [a, b] = this.mmHash(mm);
      h.int(a).int(b);
    }
    return h.lanes;
  }

  /**
   * `task` only made a blocked attempt (runner.ts) since `before` was its own part: until it
   * runs again it is hashed as it was before the attempt, the same state as far as the program
   * can tell, so that paths where it tried and did not try meet.
   */
  blockedAttempt(task: Task, before: [number, number]): void {
    this.substitutes.set(task, before);
  }

  /** `task` runs: it is hashed as it is from now on. */
  running(task: Task): void {
    this.substitutes.delete(task);
  }

  /** The hash of an address space: its layout and the contents of its present pages. */
  private mmHash(mm: MmStruct): [number, number] {
    const cached = this.mmHashes.get(mm);
    if (cached) return cached;
    const h = new Hasher();
    h.num(mm.brk).num(mm.startBrk).num(mm.stackLimit).num(mm.mmapBase).int(mm.vmas.length);
    for (const v of mm.vmas) h.num(v.start).num(v.end).int((v.writable ? 1 : 0) | (v.readable ? 2 : 0) | (v.shared ? 4 : 0));
    const phys = mm.phys;
    const dirs = [...mm.pageTable.tables.keys()].sort((x, y) => x - y);
    for (const dir of dirs) {
      const table = mm.pageTable.tables.get(dir)!;
      for (let i = 0; i < table.length; i++) {
        const pte = table[i];
        if (pte === 0) continue;
        const frame = pte >>> 4;
        const bytes = phys.bytes[frame];
        if (!bytes) continue;
        // a frame hashed for another address space during this same state's hash is current
        // (the frame of a parent and of the child its fork just made); any other is hashed again
        if (this.frameStamp[frame] !== this.stamp) {
          const [a, b] = hashFrame(bytes);
          this.frameStamp[frame] = this.stamp;
          this.frameA[frame] = a;
          this.frameB[frame] = b;
        }
        h.num(dir * table.length + i).int(this.frameA[frame]).int(this.frameB[frame]);
      }
    }
    const lanes = h.lanes;
    this.mmHashes.set(mm, lanes);
    return lanes;
  }
}

/** What a task sleeps on, with times relative to now. */
function hashWaiting(h: Hasher, t: Task, now: number): void {
  const w = t.waitingFor;
  if (!w) h.int(0);
  else {
    h.str(w.kind);
    if (w.kind === 'child') h.int(w.pid);
    else if (w.kind === 'pipe-read' || w.kind === 'pipe-write') h.int(w.fd);
    else if (w.kind === 'sleep') h.num(w.until - now);
    else if (w.kind === 'vfork') h.int(w.child);
    else if (w.kind === 'futex') h.num(w.address);
  }
  const c = t.blockedCall;
  if (!c) h.int(0);
  else h.str(c.name).int(c.nargs).str(c.ret);
  h.num(t.timerDeadline === null ? -1 : t.timerDeadline - now);
}
