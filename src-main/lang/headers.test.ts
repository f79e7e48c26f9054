import { describe, expect, it } from 'vitest';
import { BUILTIN_NAMES } from './builtins.ts';
import { DiagnosticBag } from './diagnostics.ts';
import { HEADERS, headerDeclaring } from './headers.ts';
import { preprocess } from './preprocess.ts';

/** The headers c-subset.md promises, plus assert.h and inttypes.h. */
const PUBLIC_HEADERS = [
  'stdio.h', 'stdlib.h', 'string.h', 'unistd.h', 'sys/types.h', 'sys/wait.h', 'errno.h', 'signal.h', 'sched.h',
  'fcntl.h', 'pthread.h', 'stdbool.h', 'stdint.h', 'stddef.h', 'limits.h', 'ctype.h', 'sys/prctl.h', 'time.h',
  'assert.h', 'inttypes.h', 'stdarg.h',
];

function pp(text: string): { out: string; diags: DiagnosticBag } {
  const diags = new DiagnosticBag();
  const toks = preprocess({ name: 'prog.c', text }, diags);
  return { out: toks.filter((t) => t.kind !== 'eof').map((t) => t.text).join(' '), diags };
}

describe('the lab headers', () => {
  it('provides every header of the C subset', () => {
    for (const h of PUBLIC_HEADERS) expect(HEADERS[h], h).toBeTypeOf('string');
  });

  it.each(PUBLIC_HEADERS)('includes <%s> twice without a diagnostic', (h) => {
    const { diags, out } = pp(`#include <${h}>\n#include <${h}>\n`);
    expect(diags.items).toEqual([]);
    if (h !== 'assert.h') expect(out).toBe(pp(`#include <${h}>\n`).out); // guarded
  });

  it('includes all headers together, in any order, without a diagnostic', () => {
    const all = PUBLIC_HEADERS.map((h) => `#include <${h}>`);
    expect(pp(all.join('\n')).diags.items).toEqual([]);
    expect(pp(all.reverse().join('\n')).diags.items).toEqual([]);
  });

  it('is not broken by a student macro named like a parameter', () => {
    const names = ['s', 'n', 'c', 'fd', 'buf', 'size', 'status', 'pid', 'stream', 'format', 'file', 'path', 'arg', 'flags', 'set', 'sig'];
    const src = names.map((n) => `#define ${n} @`).join('\n') + '\n' + PUBLIC_HEADERS.map((h) => `#include <${h}>`).join('\n');
    expect(pp(src).diags.items).toEqual([]);
  });

  it('declares every builtin, and the runtime functions written in C', () => {
    const runtime = ['exit', 'atexit', 'malloc', 'calloc', 'realloc', 'free', 'strdup', 'strndup', 'strtok', 'qsort',
      'pthread_create', 'pthread_join', 'pthread_exit', 'pthread_self', 'pthread_mutex_init', 'pthread_mutex_lock',
      'pthread_mutex_unlock', 'pthread_mutex_destroy'];
    for (const name of [...BUILTIN_NAMES, ...runtime]) {
      const header = headerDeclaring(name);
      expect(header, name).toBeDefined();
      // the header really has a prototype for it
      expect(pp(`#include <${header}>`).out, name).toMatch(new RegExp(`[ *]${name} \\(`));
    }
  });

  it('puts the runtime hooks where their users need them', () => {
    expect(headerDeclaring('__lab_flush_all')).toBe('stdio.h');
    expect(headerDeclaring('__lab_futex_wait')).toBe('pthread.h');
    expect(headerDeclaring('__lab_futex_wake')).toBe('pthread.h');
    expect(headerDeclaring('__lab_assert_fail')).toBe('assert.h');
  });

  it('writes the FILE and struct sigaction layouts the VM depends on', () => {
    expect(pp('#include <stdio.h>').out).toContain(
      'struct _IO_FILE { int _fd ; int _flags ; int _mode ; int _pos ; int _size ; int _rpos ; char * _buf ; } ; typedef struct _IO_FILE FILE ;');
    expect(pp('#include <signal.h>').out).toContain(
      'struct sigaction { union { __sighandler_t sa_handler ; void ( * sa_sigaction ) ( int , siginfo_t * , void * ) ; } __sigaction_handler ; sigset_t sa_mask ; int sa_flags ; void ( * sa_restorer ) ( void ) ; } ;');
    expect(pp('#include <signal.h>\nsa.sa_handler = SIG_IGN;').out).toContain('sa . __sigaction_handler . sa_handler = ( ( __sighandler_t ) 1 ) ;');
    expect(pp('#include <pthread.h>\npthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;').out)
      .toContain('typedef union { char __size [ 40 ] ; long int __align ; } pthread_mutex_t ;');
  });

  it('gives constants their Linux x86-64 values', () => {
    const cases: [string, string, string][] = [
      ['errno.h', 'ECHILD EAGAIN ENOMEM EINVAL EPIPE ENOSYS', '10 11 12 22 32 38'],
      ['signal.h', 'SIGKILL SIGUSR1 SIGSEGV SIGCHLD SIGSTOP NSIG SA_RESTART SIG_SETMASK', '9 10 11 17 19 65 0x10000000 2'],
      ['sched.h', 'CLONE_VM CLONE_VFORK CLONE_THREAD CLONE_CHILD_SETTID CSIGNAL', '0x00000100 0x00004000 0x00010000 0x01000000 0x000000ff'],
      ['sys/wait.h', 'WNOHANG WUNTRACED WCONTINUED', '1 2 8'],
      ['fcntl.h', 'O_CREAT O_TRUNC O_APPEND O_CLOEXEC F_SETFD FD_CLOEXEC', '0100 01000 02000 02000000 2 1'],
      ['sys/prctl.h', 'PR_SET_CHILD_SUBREAPER PR_SET_NAME', '36 15'],
      ['stdio.h', 'EOF BUFSIZ _IOLBF', '( - 1 ) 8192 1'],
      ['stdlib.h', 'RAND_MAX EXIT_FAILURE', '2147483647 1'],
      ['limits.h', 'INT_MAX PATH_MAX CHAR_BIT', '2147483647 4096 8'],
    ];
    for (const [h, names, values] of cases) expect(pp(`#include <${h}>\n${names}`).out.endsWith(values), names).toBe(true);
  });

  it('writes the wait status macros as glibc does', () => {
    expect(pp('#include <sys/wait.h>\nWEXITSTATUS(s)').out.endsWith('( ( ( s ) & 0xff00 ) >> 8 )')).toBe(true);
    expect(pp('#include <sys/wait.h>\nWIFSIGNALED(s)').out.endsWith('( ( ( signed char ) ( ( ( s ) & 0x7f ) + 1 ) >> 1 ) > 0 )')).toBe(true);
    expect(pp('#include <stdlib.h>\nWIFEXITED(s)').out.endsWith('( ( ( s ) & 0x7f ) == 0 )')).toBe(true);
  });

  it('defines assert from NDEBUG at each inclusion', () => {
    expect(pp('#include <assert.h>\nassert(x > 0);').out)
      .toContain('( ( x > 0 ) ? ( void ) 0 : __lab_assert_fail ( "x > 0" , "prog.c" , 2 , __func__ ) ) ;');
    expect(pp('#include <assert.h>\n#define NDEBUG\n#include <assert.h>\nassert(x > 0);').out.endsWith('( ( void ) 0 ) ;')).toBe(true);
  });

  it('maps offsetof to __builtin_offsetof and bool to _Bool', () => {
    expect(pp('#include <stddef.h>\noffsetof(struct s, f)').out.endsWith('__builtin_offsetof ( struct s , f )')).toBe(true);
    expect(pp('#include <stdbool.h>\nbool b = true;').out.endsWith('_Bool b = 1 ;')).toBe(true);
  });
});

describe('headerDeclaring', () => {
  it('names the header a student should include', () => {
    expect(headerDeclaring('fork')).toBe('unistd.h');
    expect(headerDeclaring('printf')).toBe('stdio.h');
    expect(headerDeclaring('scanf')).toBe('stdio.h');
    expect(headerDeclaring('va_list')).toBe('stdarg.h');
    expect(headerDeclaring('bsearch')).toBe('stdlib.h');
    expect(headerDeclaring('pid_t')).toBe('unistd.h');
    expect(headerDeclaring('WEXITSTATUS')).toBe('sys/wait.h');
    expect(headerDeclaring('waitpid')).toBe('sys/wait.h');
    expect(headerDeclaring('malloc')).toBe('stdlib.h');
    expect(headerDeclaring('strlen')).toBe('string.h');
    expect(headerDeclaring('errno')).toBe('errno.h');
    expect(headerDeclaring('ECHILD')).toBe('errno.h');
    expect(headerDeclaring('SIGCHLD')).toBe('signal.h');
    expect(headerDeclaring('sigaction')).toBe('signal.h');
    expect(headerDeclaring('sigset_t')).toBe('signal.h');
    expect(headerDeclaring('clone')).toBe('sched.h');
    expect(headerDeclaring('CLONE_VM')).toBe('sched.h');
    expect(headerDeclaring('pthread_t')).toBe('pthread.h');
    expect(headerDeclaring('pthread_mutex_t')).toBe('pthread.h');
    expect(headerDeclaring('O_CLOEXEC')).toBe('fcntl.h');
    expect(headerDeclaring('uint64_t')).toBe('stdint.h');
    expect(headerDeclaring('INT_MAX')).toBe('limits.h');
    expect(headerDeclaring('bool')).toBe('stdbool.h');
    expect(headerDeclaring('assert')).toBe('assert.h');
    expect(headerDeclaring('timespec')).toBe('time.h');
    expect(headerDeclaring('stdout')).toBe('stdio.h');
    expect(headerDeclaring('NULL')).toBe('stdio.h');
    expect(headerDeclaring('isdigit')).toBe('ctype.h');
    expect(headerDeclaring('PR_SET_CHILD_SUBREAPER')).toBe('sys/prctl.h');
  });

  it('knows nothing of names no header declares, nor of parameter names', () => {
    expect(headerDeclaring('main')).toBeUndefined();
    expect(headerDeclaring('mkfifo')).toBeUndefined();
    expect(headerDeclaring('format')).toBeUndefined();
    expect(headerDeclaring('stat_loc')).toBeUndefined();
  });
});
