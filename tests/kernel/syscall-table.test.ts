/**
 * The one table of system calls (vm/syscalls.ts): each call declared once, every declared call
 * reachable from C (a builtin the headers declare), and the trace names it gives the ones that
 * docs/trace.md documents.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BUILTIN_NAMES } from '../../src-main/lang/builtins.ts';
import { NORETURN_CALLS, SYSCALLS, SYSTEM_CALL_NAMES } from '../../src-main/vm/syscalls.ts';
import { run, eventsOf } from './helpers.ts';

describe('the system call table', () => {
  it('declares each call once, as a builtin the VM can call', () => {
    const names = SYSCALLS.map((s) => s.name);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(BUILTIN_NAMES as readonly string[]).toContain(name);
  });

  it('gives each call a Linux number (or none for the runtime\'s own hooks) and calls that do not return no result', () => {
    for (const s of SYSCALLS) {
      if (s.nr !== null) expect(Number.isInteger(s.nr) && s.nr >= 0, s.name).toBe(true);
      else expect(s.name.startsWith('__lab_'), s.name).toBe(true);
      if (s.noReturn) expect(s.ret, s.name).toBe('void');
    }
    expect(new Set(NORETURN_CALLS)).toEqual(new Set(['_exit', '_Exit', '__lab_exit_thread', '__lab_sigreturn']));
  });

  it('traces each call under the name docs/trace.md lists', () => {
    const doc = readFileSync(join(import.meta.dirname, '../../docs/trace.md'), 'utf8');
    const section = doc.slice(doc.indexOf('## System calls'), doc.indexOf('## Teaching warnings'));
    const listed = new Set([...section.slice(section.indexOf('Names:')).matchAll(/`([A-Za-z_0-9]+)`/g)].map((m) => m[1]));
    expect(new Set(SYSTEM_CALL_NAMES.values())).toEqual(listed);
  });

  it('runs the handler the table names: a program\'s call is traced with the table\'s name and result', () => {
    const r = run('int main(void) { int p[2]; pipe(p); dup2(p[1], 9); return getppid() > 0 ? 0 : 1; }');
    const calls = eventsOf(r.trace, 'syscall').map((e) => `${String(e.name)}=${String(e.result)}`);
    expect(calls.slice(0, 3)).toEqual(['pipe=0', 'dup2=9', 'getppid=2']);
  });
});
