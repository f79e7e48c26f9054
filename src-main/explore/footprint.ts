/**
 * Footprints: which shared objects of the kernel model one transition (one task's run from one
 * scheduling point to the next) read or wrote. Two transitions of different tasks are dependent
 * (their order may change what is observed) when they touch a common object and one of them
 * writes it, unless both are writes that commute (the same bytes appended to the terminal or to
 * a pipe: either order leaves the same text).
 *
 * Object keys name the kernel's shared state:
 *   tty            terminal output          tin          terminal input position
 *   pid            the pid counter (fork)   life:P       P's life (alive, stopped, zombie, reaped)
 *   nproc          how many processes live (fork fails at RLIMIT_NPROC)
 *   parent:P       P's parent (getppid)     kids:P       the set of P's children
 *   zombies:P      which of P's children are zombies (what wait(-1) finds)
 *   sig:P          P's pending signals, dispositions and alarm (every transition of P reads it:
 *                  P takes its pending signals before it runs on)
 *   run:P          whether P runs or sleeps (what ps shows)
 *   timers         the order in which tasks set timers (sleep, alarm): it decides which one the
 *                  clock wakes first
 *   pipe:N         pipe N's bytes and ends
 *   mem:N:V        page V of the address space shared by tasks N… (threads, vfork), or of a
 *                  process with a MAP_SHARED mapping
 *   frame:F        frame F of a MAP_SHARED mapping (the same page in every process that maps it)
 *   comm:P         P's program name (ps)    fs           the file system
 * A key ending in "*" (e.g. "life:*", or "*" alone) stands for every key with that prefix.
 */

/** The accesses of one transition to one object: a read, a write (with a commute token), or both. */
export interface Access {
  read: boolean;
  write: boolean;
  /** writes with equal tokens commute (appending the same bytes); undefined never commutes */
  token?: string;
}

export class Footprint {
  readonly accesses = new Map<string, Access>();
  /** true when some key is a wildcard */
  wild = false;

  /** Records a read of `key`. */
  read(key: string): void {
    if (key.endsWith('*')) this.wild = true;
    const old = this.accesses.get(key);
    if (old) old.read = true;
    else this.accesses.set(key, { read: true, write: false });
  }

  /** Records a write of `key`; tokens of several writes to one key are concatenated. */
  write(key: string, token?: string): void {
    if (key.endsWith('*')) this.wild = true;
    const old = this.accesses.get(key);
    if (old?.write) {
      old.token = old.token !== undefined && token !== undefined ? old.token + token : undefined;
      return;
    }
    if (old) {
      old.write = true;
      old.token = token;
      return;
    }
    this.accesses.set(key, { read: false, write: true, token });
  }

  /** True when the transition touched no shared object. */
  get isLocal(): boolean {
    return this.accesses.size === 0;
  }

  /** A short text for tests and debugging: "W tty(+hi) R kids:3". */
  describe(): string {
    return [...this.accesses].map(([k, a]) => `${a.read ? 'R' : ''}${a.write ? 'W' : ''} ${k}${a.token !== undefined ? `(${a.token})` : ''}`).join(' ');
  }
}

/** True when key `a` (maybe a wildcard) and key `b` (maybe a wildcard) can name the same object. */
export function keysOverlap(a: string, b: string): boolean {
  if (a === b) return true;
  if (a.endsWith('*') && b.startsWith(a.slice(0, -1))) return true;
  if (b.endsWith('*') && a.startsWith(b.slice(0, -1))) return true;
  return false;
}

/**
 * Whether two accesses to one object conflict: one writes, and they are not commuting writes.
 * Two writes conflict only when the object is observed (`observed(key)`): the order of writes no
 * task ever reads (a reaping by init, the reparenting of a child nobody asks the parent of) cannot
 * change what any task sees, so it cannot change the output.
 */
function conflict(key: string, x: Access, y: Access, observed: (key: string) => boolean): boolean {
  if (!x.write && !y.write) return false;
  if ((x.write && y.read) || (x.read && y.write)) return true;
  if (x.token !== undefined && x.token === y.token) return false;
  return observed(key);
}

const always = (): boolean => true;

/**
 * True when two transitions (of different tasks) do not commute. `observed` says which objects
 * some task reads (by default all): writes to objects nobody reads commute.
 */
export function dependent(a: Footprint, b: Footprint, observed: (key: string) => boolean = always): boolean {
  if (a.accesses.size === 0 || b.accesses.size === 0) return false;
  const [small, large] = a.accesses.size <= b.accesses.size ? [a, b] : [b, a];
  for (const [key, x] of small.accesses) {
    const y = large.accesses.get(key);
    if (y && conflict(key, x, y, observed)) return true;
  }
  if (!a.wild && !b.wild) return false;
  for (const [ka, x] of small.accesses) {
    for (const [kb, y] of large.accesses) {
      if (ka !== kb && (ka.endsWith('*') || kb.endsWith('*')) && keysOverlap(ka, kb) && conflict(ka.endsWith('*') ? kb : ka, x, y, observed)) return true;
    }
  }
  return false;
}

/** Objects whose every write matters even when no transition reads them. */
const ALWAYS_OBSERVED = ['tty', 'tin', 'sig:', 'fs', 'timers', '*'];

/**
 * The objects that matter to the order of writes: those some transition reads (over every run
 * so far), those every task can see (the terminal, signals, files, timers), and the pid counter
 * once the program has looked at pid values.
 */
export class ObservedObjects {
  private readonly exact = new Set<string>();
  private readonly prefixes: string[] = [];
  pidsObserved = false;

  /** Adds the objects `fp` reads; true when one of them is new. */
  add(fp: Footprint): boolean {
    let grew = false;
    for (const [key, access] of fp.accesses) {
      if (!access.read || this.exact.has(key)) continue;
      this.exact.add(key);
      if (key.endsWith('*')) this.prefixes.push(key.slice(0, -1));
      grew = true;
    }
    return grew;
  }

  /** True when the order of writes to `key` can change what some task sees. */
  has(key: string): boolean {
    if (key === 'pid') return this.pidsObserved;
    if (this.exact.has(key)) return true;
    for (const p of ALWAYS_OBSERVED) if (key === p || (p.endsWith(':') && key.startsWith(p))) return true;
    for (const p of this.prefixes) if (key.startsWith(p)) return true;
    return false;
  }
}
