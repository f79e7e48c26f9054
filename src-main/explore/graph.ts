/**
 * The process graph of a run, as textbooks draw one by hand (CS:APP §8.2): a lane per process,
 * in it a vertex for each thing other processes can see it do (start, fork, print a line, exit,
 * wait for a child, exec, write to or read from a pipe, send a signal, run a handler), and the
 * edges that order them: program order inside a lane, fork (the fork → the child's start), exit →
 * the wait that reaped it, a pipe write → the read that got its bytes, a signal's sending → the
 * handler it ran. Any order of the vertices that follows the edges is an order some schedule can
 * produce; where two processes print, the graph shows which lines could swap. With --stdout pipe
 * the cat the program's stdout is piped into has a lane too: it prints what it reads.
 *
 * Built from the trace of a replay of the run (vm/run.ts), so it shows exactly that run.
 */
import type { ProgramImage } from '../lang/image.ts';
import type { TraceEvent, TraceKind } from '../kernel/trace.ts';
import { SIGNAL_NAMES } from '../kernel/signals.ts';
import { runImage, type RunRequest } from '../vm/run.ts';

export type VertexKind = 'start' | 'fork' | 'print' | 'exit' | 'wait' | 'exec' | 'pipe-write' | 'pipe-read' | 'signal' | 'handler';
export type EdgeKind = 'program' | 'fork' | 'reap' | 'pipe' | 'signal';

export interface GraphVertex {
  /** stable within the graph: lane and position ("3:2") */
  id: string;
  /** index of its lane in `lanes` */
  lane: number;
  kind: VertexKind;
  /** what it is, for people: `prints "child"`, `fork() → child 4`, `exit(0)` */
  label: string;
  /** for print vertices: the line printed (with its newline, if it had one) */
  text?: string;
  /** the trace step it happened at in the run */
  step: number;
}

export interface GraphEdge {
  from: string;
  to: string;
  kind: EdgeKind;
}

export interface ProcessGraph {
  /** one lane per process, in the order they were created */
  lanes: { pid: number; name: string }[];
  vertices: GraphVertex[];
  edges: GraphEdge[];
}

/** The trace kinds the graph is built from (and explain.ts's decisions: switches, sleeps, wake-ups). */
export const GRAPH_TRACE: readonly TraceKind[] = [
  'task-new', 'clone', 'exec', 'exit', 'reap', 'output', 'signal-send', 'signal-handler', 'pipe-read', 'pipe-write',
  'switch', 'block', 'wake', 'stop', 'continue',
];

/** The graph of the run `schedule` replays (`request` as for the explorer's runs). */
export function graphOfSchedule(image: ProgramImage, request: Omit<RunRequest, 'source'>, schedule: string): { graph: ProcessGraph; trace: TraceEvent[] } {
  const run = runImage(image, { ...request, schedule, trace: GRAPH_TRACE });
  return { graph: graphOfTrace(run.trace), trace: run.trace };
}

/** Builds the graph from a run's trace (events of the GRAPH_TRACE kinds at least). */
export function graphOfTrace(trace: readonly TraceEvent[]): ProcessGraph {
  const b = new GraphBuilder();
  for (const e of trace) b.event(e);
  return b.graph();
}

/** The names processes get in words: the program's process, its children, grandchildren. */
export function processName(depth: number, pid: number, thread: boolean): string {
  if (thread) return `thread ${pid}`;
  if (depth === 0) return `parent ${pid}`;
  if (depth === 1) return `child ${pid}`;
  if (depth === 2) return `grandchild ${pid}`;
  return `process ${pid}`;
}

interface PipeBytes {
  writes: { v: GraphVertex; start: number; end: number }[];
  written: number;
  read: number;
}

class GraphBuilder {
  private readonly lanes: { pid: number; name: string }[] = [];
  private readonly laneOf = new Map<number, number>();
  private readonly depth = new Map<number, number>();
  private readonly vertices: GraphVertex[] = [];
  private readonly edges: GraphEdge[] = [];
  /** the last vertex of each lane (program order) */
  private readonly last = new Map<number, GraphVertex>();
  /** the fork vertex a child's start hangs from */
  private readonly forkedBy = new Map<number, GraphVertex>();
  private readonly exits = new Map<number, GraphVertex>();
  /** per pipe: the writes still (partly) in it with their byte ranges, and how far reads got */
  private readonly pipes = new Map<number, PipeBytes>();
  /** signals sent to each task since its last handler for that signal: task → signal → senders */
  private readonly sent = new Map<number, Map<number, GraphVertex[]>>();
  /** a line printed without its newline yet, per lane */
  private readonly partial = new Map<number, GraphVertex>();
  private programPid = -1;
  /** the `cat` of `prog | cat` (--stdout pipe), which passes the program's stdout on, or -1 */
  private catPid = -1;

  event(e: TraceEvent): void {
    switch (e.kind) {
      case 'task-new':
        // init and the shell are the kernel's: the program is the shell's child, and with
        // --stdout pipe the shell's next child is the cat the program's stdout is piped into
        if (e.command === 'init' || e.command === 'sh') return;
        if (this.programPid < 0) {
          this.programPid = e.pid;
          this.depth.set(e.pid, 0);
        } else if (this.catPid < 0) this.catPid = e.pid;
        return;
      case 'clone': {
        if (!this.known(e.pid)) return;
        const thread = e.what === 'thread' || e.what === 'clone-vm';
        this.depth.set(e.child, (this.depth.get(e.childParent) ?? this.depth.get(e.pid) ?? 0) + 1);
        const name = processName(this.depth.get(e.child)!, e.child, thread);
        const v = this.add(e.pid, 'fork', `${e.what === 'thread' ? 'pthread_create()' : e.what === 'vfork' ? 'vfork()' : e.what === 'fork' ? 'fork()' : 'clone()'} → ${name}`, e.step);
        this.forkedBy.set(e.child, v);
        this.lane(e.child, thread);
        return;
      }
      case 'exec':
        // (the shell's execs of the program itself and of cat, before they ran, are not ones)
        if (e.pid === this.catPid && !this.laneOf.has(e.pid)) return;
        if (this.known(e.pid) && !(e.pid === this.programPid && this.last.get(this.laneOf.get(e.pid)!)?.kind === 'start')) {
          this.add(e.pid, 'exec', `exec ${e.program}`, e.step);
        }
        return;
      case 'output':
        if (this.known(e.pid)) this.print(e.pid, e.text, e.step);
        return;
      case 'exit': {
        if (!this.known(e.pid)) return;
        const v = this.add(e.pid, 'exit', e.signal ? `killed by ${e.signal}` : `exit(${e.code})`, e.step);
        this.exits.set(e.pid, v);
        return;
      }
      case 'reap': {
        if (!this.known(e.by)) return; // init and the shell reap without a vertex
        const v = this.add(e.by, 'wait', `wait() returns ${this.nameOf(e.pid)}`, e.step);
        const exit = this.exits.get(e.pid);
        if (exit) this.edge(exit, v, 'reap');
        return;
      }
      case 'pipe-write': {
        if (!this.known(e.pid) || e.bytes <= 0) return;
        const v = this.add(e.pid, 'pipe-write', `writes ${e.bytes} byte${e.bytes === 1 ? '' : 's'} into a pipe`, e.step);
        const p = this.pipe(e.pipe);
        p.writes.push({ v, start: p.written, end: p.written + e.bytes });
        p.written += e.bytes;
        return;
      }
      case 'pipe-read': {
        if (!this.known(e.pid) || e.bytes <= 0) return;
        const v = this.add(e.pid, 'pipe-read', `reads ${e.bytes} byte${e.bytes === 1 ? '' : 's'} from a pipe`, e.step);
        const p = this.pipe(e.pipe);
        const from = p.read;
        p.read += e.bytes;
        // the read got the bytes of every write that overlaps [from, p.read)
        for (const w of p.writes) if (w.start < p.read && w.end > from) this.edge(w.v, v, 'pipe');
        p.writes = p.writes.filter((w) => w.end > p.read);
        return;
      }
      case 'signal-send': {
        if (!this.known(e.pid)) return;
        const from = e.from !== null && this.known(e.from) ? e.from : null;
        if (from === null) return;
        // a child's exit sends SIGCHLD: the exit vertex is the sender
        const sender = this.exits.get(from) && this.last.get(this.laneOf.get(from)!) === this.exits.get(from)
          ? this.exits.get(from)!
          : this.add(from, 'signal', `kill(${this.nameOf(e.pid)}, ${SIGNAL_NAMES[e.signal] ?? e.signal})`, e.step);
        let bySig = this.sent.get(e.pid);
        if (!bySig) this.sent.set(e.pid, (bySig = new Map()));
        const list = bySig.get(e.signal) ?? [];
        list.push(sender);
        bySig.set(e.signal, list);
        return;
      }
      case 'signal-handler': {
        if (!this.known(e.pid)) return;
        const v = this.add(e.pid, 'handler', `runs its ${SIGNAL_NAMES[e.signal] ?? e.signal} handler`, e.step);
        const senders = this.sent.get(e.pid)?.get(e.signal) ?? [];
        for (const s of senders) this.edge(s, v, 'signal');
        this.sent.get(e.pid)?.delete(e.signal);
        return;
      }
      default:
    }
  }

  graph(): ProcessGraph {
    return { lanes: this.lanes, vertices: this.vertices, edges: this.edges };
  }

  private pipe(id: number): PipeBytes {
    let p = this.pipes.get(id);
    if (!p) this.pipes.set(id, (p = { writes: [], written: 0, read: 0 }));
    return p;
  }

  /** True for the program's processes and the cat of --stdout pipe (not init or the shell). */
  private known(pid: number): boolean {
    if (this.laneOf.has(pid)) return true;
    if (pid === this.programPid || pid === this.catPid) {
      this.lane(pid, false);
      return true;
    }
    return false;
  }

  private nameOf(pid: number): string {
    const lane = this.laneOf.get(pid);
    return lane === undefined ? `process ${pid}` : this.lanes[lane].name;
  }

  /** Opens the lane of `pid` with its start vertex (hung from the fork that made it). */
  private lane(pid: number, thread: boolean): number {
    let lane = this.laneOf.get(pid);
    if (lane !== undefined) return lane;
    lane = this.lanes.length;
    this.laneOf.set(pid, lane);
    this.lanes.push({ pid, name: pid === this.catPid ? `cat ${pid}` : processName(this.depth.get(pid) ?? 0, pid, thread) });
    const start: GraphVertex = { id: `${lane}:0`, lane, kind: 'start', label: `${this.lanes[lane].name} starts`, step: this.forkedBy.get(pid)?.step ?? 0 };
    this.vertices.push(start);
    this.last.set(lane, start);
    const fork = this.forkedBy.get(pid);
    if (fork) this.edge(fork, start, 'fork');
    return lane;
  }

  /** Adds a vertex at the end of `pid`'s lane, after its previous one. */
  private add(pid: number, kind: VertexKind, label: string, step: number, text?: string): GraphVertex {
    const lane = this.lane(pid, false);
    this.partial.delete(lane);
    const prev = this.last.get(lane)!;
    const v: GraphVertex = { id: `${lane}:${Number(prev.id.split(':')[1]) + 1}`, lane, kind, label, step };
    if (text !== undefined) v.text = text;
    this.vertices.push(v);
    this.edge(prev, v, 'program');
    this.last.set(lane, v);
    return v;
  }

  /** A print: a vertex per line (the rest of a line begun earlier joins that line's vertex). */
  private print(pid: number, text: string, step: number): void {
    const lane = this.lane(pid, false);
    let rest = text;
    const open = this.partial.get(lane);
    if (open && this.last.get(lane) === open) {
      const nl = rest.indexOf('\n');
      const piece = nl < 0 ? rest : rest.slice(0, nl + 1);
      open.text += piece;
      open.label = `prints ${quote(open.text!)}`;
      rest = rest.slice(piece.length);
      if (nl < 0) return;
      this.partial.delete(lane);
    }
    while (rest.length > 0) {
      const nl = rest.indexOf('\n');
      const line = nl < 0 ? rest : rest.slice(0, nl + 1);
      rest = rest.slice(line.length);
      const v = this.add(pid, 'print', `prints ${quote(line)}`, step, line);
      if (nl < 0) this.partial.set(lane, v);
    }
  }

  private edge(from: GraphVertex, to: GraphVertex, kind: EdgeKind): void {
    if (from === to) return;
    if (this.edges.some((e) => e.from === from.id && e.to === to.id)) return;
    this.edges.push({ from: from.id, to: to.id, kind });
  }
}

/** A line in quotes for people, without its newline: "child". */
export function quote(line: string): string {
  return `"${line.endsWith('\n') ? line.slice(0, -1) : line}"`;
}

/** The graph in Graphviz's DOT language: a cluster per lane, edges styled by kind. */
export function graphToDot(graph: ProcessGraph, title = 'process graph'): string {
  const out: string[] = [`digraph "${escapeDot(title)}" {`, '  rankdir=LR;', '  node [shape=box, fontname="sans-serif", fontsize=10];'];
  graph.lanes.forEach((lane, i) => {
    out.push(`  subgraph "cluster_${i}" {`, `    label="${escapeDot(lane.name)}";`);
    for (const v of graph.vertices) if (v.lane === i) out.push(`    "${v.id}" [label="${escapeDot(v.label)}"${v.kind === 'print' ? ', style=bold' : ''}];`);
    out.push('  }');
  });
  const style: Record<EdgeKind, string> = { program: '', fork: ' [style=dashed, label="fork"]', reap: ' [color=blue, label="wait"]', pipe: ' [color=darkgreen, label="pipe"]', signal: ' [color=red, label="signal"]' };
  for (const e of graph.edges) out.push(`  "${e.from}" -> "${e.to}"${style[e.kind]};`);
  out.push('}');
  return out.join('\n') + '\n';
}

function escapeDot(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}

/** A key of the graph's shape (lanes, labels, edges; not the steps of its run), to draw each shape once. */
export function graphShape(graph: ProcessGraph): string {
  const vertices = graph.vertices.map((v) => `${v.id}|${v.kind}|${v.label}`).sort();
  return JSON.stringify([graph.lanes, vertices, graph.edges.map((e) => `${e.from}>${e.to}:${e.kind}`).sort()]);
}

/** The print vertices of `graph` in the order the run printed them (by step, then lane order). */
export function printOrder(graph: ProcessGraph): GraphVertex[] {
  return graph.vertices.filter((v) => v.kind === 'print').sort((a, b) => a.step - b.step);
}
