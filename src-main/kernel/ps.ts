/**
 * What /bin/ps prints: the process table as procps shows it, zombies with state Z and
 * "<defunct>". Only the options students meet are supported: -e/-A, -p PIDS, -o FIELDS.
 */
import type { Kernel } from './kernel.ts';
import type { Task } from './task.ts';

interface Column {
  field: string;
  header: string;
}

const HEADERS: Record<string, string> = { pid: 'PID', ppid: 'PPID', s: 'S', stat: 'STAT', comm: 'COMMAND', cmd: 'CMD', args: 'COMMAND', tty: 'TT', time: 'TIME' };
const RIGHT = new Set(['pid', 'ppid']);

/** Runs ps with `args` (argv without argv[0]); returns its output and exit status. */
export function psOutput(k: Kernel, self: Task, args: string[]): { text: string; status: number } {
  let all = false;
  let pids: number[] | null = null;
  let columns: Column[] | null = null;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '-e' || a === '-A') all = true;
    else if (a === '-p' && i + 1 < args.length) pids = args[++i].split(',').map(Number);
    else if (a === '-o' && i + 1 < args.length) columns = [...(columns ?? []), ...parseColumns(args[++i])];
    else return { text: `error: unsupported option ${a}\n`, status: 1 };
  }
  const cols = columns ?? [
    { field: 'pid', header: 'PID' }, { field: 'tty', header: 'TTY' }, { field: 'time', header: 'TIME' }, { field: 'cmd', header: 'CMD' },
  ];
  const tasks = [...k.tasks.values()]
    .filter((t) => t.state !== 'X' && t.tgid === t.pid)
    .filter((t) => (pids ? pids.includes(t.pid) : all || t.pid !== 1))
    .sort((a, b) => a.pid - b.pid);
  const rows = tasks.map((t) => cols.map((c) => value(k, t, c.field, self)));
  let text = '';
  if (cols.some((c) => c.header !== '')) text += formatRow(cols, cols.map((c) => c.header), columns === null);
  for (const row of rows) text += formatRow(cols, row, columns === null);
  return { text, status: tasks.length > 0 ? 0 : 1 };
}

function parseColumns(spec: string): Column[] {
  // "s=,comm=" : each field, with "=" giving its header (empty: none)
  const out: Column[] = [];
  for (const part of spec.split(',')) {
    const eq = part.indexOf('=');
    const field = eq >= 0 ? part.slice(0, eq) : part;
    out.push({ field, header: eq >= 0 ? part.slice(eq + 1) : HEADERS[field] ?? field.toUpperCase() });
  }
  return out;
}

function value(k: Kernel, t: Task, field: string, self: Task): string {
  switch (field) {
    case 'pid':
      return String(t.pid);
    case 'ppid':
      return String(t.parent?.tgid ?? 0);
    case 's':
      return t.state === 'D' ? 'D' : t.state;
    case 'stat':
      return t.state + (t === self || t.state === 'R' ? '+' : '');
    case 'comm':
      return t.comm.slice(0, 15);
    case 'tty':
      return t.pid === 1 ? '?' : 'pts/0';
    case 'time':
      return '00:00:00';
    default: // cmd, args
      return t.state === 'Z' ? `${t.comm.slice(0, 15)} <defunct>` : t.comm;
  }
}

function formatRow(cols: Column[], values: string[], procpsDefault: boolean): string {
  const parts = values.map((v, i) => {
    const f = cols[i].field;
    if (procpsDefault) {
      if (f === 'pid') return v.padStart(7);
      if (f === 'tty') return v.padEnd(8);
      if (f === 'time') return v.padStart(8);
      return v;
    }
    return RIGHT.has(f) ? v.padStart(7) : i === values.length - 1 ? v : v.padEnd(Math.max(v.length, cols[i].header.length));
  });
  return parts.join(' ').replace(/\s+$/, '') + '\n';
}
