/**
 * Each check type against a program that passes it and one that fails it, with the message, the
 * partial credit and the trace step each result links to.
 */
import { describe, expect, it } from 'vitest';
import { runProgram } from '../../src-main/vm/run.ts';
import { check, grade, HEAD } from './helpers.ts';
import { needsMemcheck } from '../../src-main/checker/runs.ts';

const CHILD_FIRST = `${HEAD}
int main(void) {
    if (fork() == 0) {
        printf("child\\n");
        exit(0);
    }
    wait(NULL);
    printf("parent\\n");
    return 0;
}
`;
const NO_WAIT = CHILD_FIRST.replace('    wait(NULL);\n', '');

describe('compiles', () => {
  it('passes a program that compiles and fails one that does not, at the error line', () => {
    expect(check(CHILD_FIRST, { type: 'compiles' }).status).toBe('passed');
    const g = grade('int main(void) {\n  int x = 1\n  return x;\n}\n', [{ type: 'compiles' }, { type: 'output', exact: '' }]);
    expect(g.gradable).toBe(false);
    expect(g.tests[0]).toMatchObject({ status: 'failed', points: 0, line: 2 });
    expect(g.tests[0].message).toMatch(/does not compile: line 2: expected ';'/);
    expect(g.tests[1]).toMatchObject({ status: 'error', points: 0 });
    expect(g.tests[1].message).toMatch(/Not checked: the program does not compile/);
  });

  it('a pass says what else the compiler said, not "the program compiles" twice', () => {
    expect(check(CHILD_FIRST, { type: 'compiles' }).message).toBe('The program compiles without errors. Passed: no errors, no warnings.');
    const warned = check('#include <stdio.h>\nint main(void) {\n  int x;\n  printf("%s\\n", 5);\n  return 0;\n}\n', { type: 'compiles' });
    expect(warned).toMatchObject({ status: 'passed', line: 4 });
    expect(warned.message).toMatch(/^The program compiles without errors\. Passed: no errors, but (a warning|\d warnings), the first on line 4: /);
  });
});

describe('output', () => {
  it('exact: passes, and fails at the output event of the first wrong character', () => {
    expect(check(CHILD_FIRST, { type: 'output', exact: 'child\nparent\n' })).toMatchObject({ status: 'passed', points: 10 });
    const r = check(NO_WAIT, { type: 'output', exact: 'child\nparent\n' });
    expect(r.status).toBe('failed');
    expect(r.message).toContain('line 1 differs: the program printed "parent", expected "child"');
    const run = runProgram({ source: NO_WAIT, maxSteps: 5_000_000 });
    const firstOutput = run.trace.find((e) => e.kind === 'output')!;
    expect(firstOutput.text).toBe('parent\n');
    expect(r.step).toBe(firstOutput.step);
    expect(r.pid).toBe(firstOutput.pid);
    expect(r.pid).toBe(run.processes[0].pid);
  });

  it('trimmed ignores trailing spaces and final newlines only', () => {
    const src = `${HEAD}int main(void) { printf("a  \\nb\\n\\n"); return 0; }\n`;
    expect(check(src, { type: 'output', trimmed: 'a\nb' }).status).toBe('passed');
    expect(check(src, { type: 'output', trimmed: 'a\n b' }).status).toBe('failed');
  });

  it('regex matches the whole output', () => {
    expect(check(CHILD_FIRST, { type: 'output', regex: 'child\\n[\\s\\S]*' }).status).toBe('passed');
    expect(check(CHILD_FIRST, { type: 'output', regex: 'child\\n' }).status).toBe('failed');
    expect(check(CHILD_FIRST, { type: 'output', regex: '^PARENT$', flags: 'im' }).status).toBe('failed');
    expect(check(CHILD_FIRST, { type: 'output', regex: '^child$\\n^PARENT$\\n', flags: 'im' }).status).toBe('passed');
  });

  it('anyOf accepts any one of the texts exactly', () => {
    expect(check(NO_WAIT, { type: 'output', anyOf: ['child\nparent\n', 'parent\nchild\n'] }).status).toBe('passed');
    expect(check(NO_WAIT, { type: 'output', anyOf: ['child\nparent\n', 'child\n'] }).status).toBe('failed');
  });

  it('lines: required (ordered or not) and forbidden, with partial credit and the forbidden line linked', () => {
    const spec = { required: ['^child$', '^parent$'], ordered: true };
    expect(check(CHILD_FIRST, { type: 'output', lines: spec }).status).toBe('passed');
    const unordered = check(NO_WAIT, { type: 'output', lines: { ...spec, ordered: false } });
    expect(unordered.status).toBe('passed');
    const ordered = check(NO_WAIT, { type: 'output', lines: spec });
    expect(ordered).toMatchObject({ status: 'failed', points: 5 });
    const forbidden = check(NO_WAIT, { type: 'output', lines: { required: ['child'], forbidden: ['^par'] } });
    expect(forbidden).toMatchObject({ status: 'failed', points: 5 });
    expect(forbidden.message).toContain('line 1 ("parent") should not be there');
    const run = runProgram({ source: NO_WAIT, maxSteps: 5_000_000 });
    expect(forbidden.step).toBe(run.trace.find((e) => e.kind === 'output' && e.text === 'parent\n')!.step);
  });
});

describe('exit', () => {
  it('checks the first process exit status, and names the signal of a crash', () => {
    const three = `${HEAD}int main(void) { return 3; }\n`;
    expect(check(three, { type: 'exit', code: 3 }).status).toBe('passed');
    expect(check(three, { type: 'exit', code: 0 }).message).toContain('ended with exit status 3; expected: exit status 0');
    const crash = `${HEAD}int main(void) {\n    int *p = 0;\n    return *p;\n}\n`;
    expect(check(crash, { type: 'exit', signal: 'SIGSEGV' }).status).toBe('passed');
    const r = check(crash, { type: 'exit', code: 0 });
    expect(r.status).toBe('failed');
    expect(r.message).toMatch(/was killed by SIGSEGV.*crashed: killed by SIGSEGV at line 8/);
    expect(r.step).not.toBeNull();
  });
});

const TWO_FORKS = `${HEAD}
int main(void) {
    fork();
    fork();
    while (wait(NULL) > 0) {}
    return 0;
}
`;
const FAN = `${HEAD}
int main(void) {
    for (int i = 0; i < 3; i++)
        if (fork() == 0) exit(0);
    while (wait(NULL) > 0) {}
    return 0;
}
`;

describe('processes and tree', () => {
  it('counts processes and links to the fork that made one too many', () => {
    expect(check(TWO_FORKS, { type: 'processes', count: 4 }).status).toBe('passed');
    expect(check(TWO_FORKS, { type: 'processes', min: 2, max: 4 }).status).toBe('passed');
    const r = check(TWO_FORKS, { type: 'processes', max: 2 });
    expect(r.status).toBe('failed');
    expect(r.message).toContain('made 4 processes');
    const run = runProgram({ source: TWO_FORKS, maxSteps: 5_000_000 });
    const clones = run.trace.filter((e) => e.kind === 'clone');
    expect(r.step).toBe(clones[1].step);
    expect(r.pid).toBe(clones[1].pid);
  });

  it('compares the tree shape in creation order', () => {
    expect(check(TWO_FORKS, { type: 'tree', shape: [[[]], []] }).status).toBe('passed');
    expect(check(FAN, { type: 'tree', shape: [[], [], []] }).status).toBe('passed');
    const r = check(TWO_FORKS, { type: 'tree', shape: [[], [], []] });
    expect(r.status).toBe('failed');
    expect(r.message).toContain('the tree is [[[]], []], expected [[], [], []]');
  });
});

describe('zombies and orphans', () => {
  const LATE_WAIT = `${HEAD}
int main(void) {
    for (int i = 0; i < 3; i++)
        if (fork() == 0) exit(0);
    sleep(1);
    while (wait(NULL) > 0) {}
    return 0;
}
`;
  it('zombies at peak and at the end', () => {
    expect(check(LATE_WAIT, { type: 'zombies', atEnd: 0 }).status).toBe('passed');
    expect(check(LATE_WAIT, { type: 'zombies', peak: 3 }).status).toBe('passed');
    const r = check(LATE_WAIT, { type: 'zombies', peak: 1, atEnd: 0 });
    expect(r).toMatchObject({ status: 'failed', points: 5 });
    expect(r.message).toContain('3 zombies existed at the same time');
    // the link is the exit of the second child: the moment there were two zombies
    const run = runProgram({ source: LATE_WAIT, maxSteps: 5_000_000 });
    const exits = run.trace.filter((e) => e.kind === 'exit');
    expect(r.step).toBe(exits[1].step);
    expect(r.pid).toBe(exits[1].pid);
  });

  const ORPHAN = `${HEAD}
int main(void) {
    if (fork() == 0) {
        sleep(1);
        printf("parent now %d\\n", getppid());
        exit(0);
    }
    return 0;
}
`;
  it('orphans: count and who reaped them', () => {
    expect(check(ORPHAN, { type: 'orphans', count: 1, reapedBy: 'init' }).status).toBe('passed');
    const r = check(ORPHAN, { type: 'orphans', reapedBy: 'parent' });
    expect(r.status).toBe('failed');
    expect(r.message).toMatch(/was orphaned/);
    const run = runProgram({ source: ORPHAN, maxSteps: 5_000_000 });
    const reparent = run.trace.find((e) => e.kind === 'reparent')!;
    expect(r.step).toBe(reparent.step);
    expect(check(CHILD_FIRST, { type: 'orphans', count: 0, reapedBy: 'parent' }).status).toBe('passed');
    expect(check(CHILD_FIRST, { type: 'orphans', reapedBy: 'init' }).status).toBe('failed');
  });
});

describe('memory', () => {
  const WRITER = `${HEAD}
char big[64 * 1024];
int main(void) {
    memset(big, 1, sizeof big);
    if (fork() == 0) {
        memset(big, 2, sizeof big);
        exit(0);
    }
    wait(NULL);
    return 0;
}
`;
  const READER = WRITER.replace('memset(big, 2, sizeof big);', 'printf("%d\\n", big[5]);');
  it('pages copied, COW faults, eager against COW', () => {
    const run = runProgram({ source: WRITER, maxSteps: 5_000_000 });
    expect(run.stats.pagesCopied).toBeGreaterThanOrEqual(16);
    expect(check(WRITER, { type: 'memory', pagesCopied: { min: 16 } }).status).toBe('passed');
    const r = check(WRITER, { type: 'memory', pagesCopied: { max: 2 }, cowFaults: { min: 1 } });
    expect(r).toMatchObject({ status: 'failed', points: 5 });
    expect(r.message).toContain(`${run.stats.pagesCopied} pages were copied (expected at most 2)`);
    // the write that copied the third page (one more than allowed)
    const copies = run.trace.filter((e) => e.kind === 'cow-copy');
    expect(copies.length).toBe(run.stats.pagesCopied);
    expect(r.step).toBe(copies[2].step);
    expect(r.pid).toBe(copies[2].pid);
    expect(check(READER, { type: 'memory', eagerCopiesMoreThan: 10 }).status).toBe('passed');
    expect(check(WRITER, { type: 'memory', eagerCopiesMoreThan: 10 }).status).toBe('failed');
  });
});

describe('calls', () => {
  const WAITPID = `${HEAD}
static void reap(pid_t p) { waitpid(p, NULL, 0); }
int main(void) {
    pid_t p = fork();
    if (p == 0) exit(0);
    reap(p);
    return 0;
}
`;
  const COMMENT = `${HEAD}
/* waitpid(p, NULL, 0); system("ls"); */
int main(void) {
    const char *s = "waitpid";
    pid_t p = fork();
    if (p == 0) exit(0);
    wait(NULL);
    return s[0] == 'x';
}
`;
  it('reads the compiled code: helper functions count, comments and strings do not', () => {
    expect(check(WAITPID, { type: 'calls', required: ['waitpid', 'fork'], forbidden: ['system'] }).status).toBe('passed');
    const r = check(COMMENT, { type: 'calls', required: ['waitpid'], forbidden: ['wait'] });
    expect(r).toMatchObject({ status: 'failed', points: 0 });
    expect(r.message).toContain('never calls waitpid');
    expect(r.message).toContain('calls wait (line 12)');
    expect(r.line).toBe(12);
    expect(check(COMMENT, { type: 'calls', forbidden: ['system'] }).status).toBe('passed');
  });

  it('sees functions used through a pointer, and only code reachable from main', () => {
    const src = `${HEAD}
#include <signal.h>
static void handler(int s) { (void)s; while (waitpid(-1, NULL, WNOHANG) > 0) {} }
static void unused(void) { system("ls"); }
int main(void) {
    signal(SIGCHLD, handler);
    return 0;
}
`;
    expect(check(src, { type: 'calls', required: ['waitpid', 'signal'], forbidden: ['system'] }).status).toBe('passed');
  });

  it('counts the calls the student wrote where the compiler, as gcc -O0, replaced them (printf runs as puts)', () => {
    const src = `${HEAD}
int main(void) {
    printf("hello\\n");
    printf("");
    getpid();
    return strcmp("a", "b") < 0 ? 0 : 1;
}
`;
    const r = check(src, { type: 'calls', required: ['printf', 'strcmp', 'getpid'], forbidden: ['puts'] });
    expect(r.status, r.message).toBe('passed');
    const line = check(src, { type: 'calls', forbidden: ['strcmp'] });
    expect(line).toMatchObject({ status: 'failed', line: 11 });
  });
});

describe('warnings', () => {
  const UNFLUSHED = `${HEAD}
int main(void) {
    printf("once ");
    if (fork() == 0) exit(0);
    wait(NULL);
    printf("\\n");
    return 0;
}
`;
  it('absent and present kinds, linked to where the warning was raised', () => {
    expect(check(CHILD_FIRST, { type: 'warnings', absent: 'all' }).status).toBe('passed');
    const r = check(UNFLUSHED, { type: 'warnings', absent: ['fork-with-unflushed-stdout'] });
    expect(r.status).toBe('failed');
    const run = runProgram({ source: UNFLUSHED, maxSteps: 5_000_000 });
    const w = run.warnings.find((x) => x.kind === 'fork-with-unflushed-stdout')!;
    expect(r).toMatchObject({ step: w.step, pid: w.pid, line: w.line });
    expect(check(UNFLUSHED, { type: 'warnings', present: ['fork-with-unflushed-stdout'] }).status).toBe('passed');
    expect(check(CHILD_FIRST, { type: 'warnings', present: ['fork-with-unflushed-stdout'] }).status).toBe('failed');
  });

  it('say what happened in words, never the kinds\' ids, with plurals right', () => {
    const unwanted = check(UNFLUSHED, { type: 'warnings', absent: 'all' });
    expect(unwanted.message).toContain("Failed: the lab warned: fork() copied 5 bytes of printf output still waiting in stdout's buffer");
    const missing = check(CHILD_FIRST, { type: 'warnings', present: ['fork-with-unflushed-stdout', 'zombie-not-reaped'] });
    expect(missing.message).toContain("Failed: the lab did not warn that fork copied printf output still waiting in stdout's buffer and that a child was left a zombie, never waited for.");
    for (const m of [unwanted.message, missing.message]) expect(m).not.toMatch(/fork-with-unflushed-stdout|zombie-not-reaped|\(s\)/);
  });
});

describe('warnings of memcheck (graded runs have it on)', () => {
  const FREED = `${HEAD}
int main(void) {
    int *p = malloc(8 * sizeof(int));
    p[2] = 7;
    free(p);
    printf("%d\\n", p[2]);
    return 0;
}
`;
  const FIXED = FREED.replace('    free(p);\n    printf("%d\\n", p[2]);', '    printf("%d\\n", p[2]);\n    free(p);');

  it('a use after free fails `absent`, linked to its step and line, and passes `present`', () => {
    expect(FIXED).not.toBe(FREED);
    const r = check(FREED, { type: 'warnings', absent: ['use-after-free'] });
    expect(r.status).toBe('failed');
    expect(r.message).toContain('already freed');
    expect(r).toMatchObject({ line: 11 });
    expect(r.step).toBeGreaterThan(0);
    expect(check(FREED, { type: 'warnings', present: ['use-after-free'] }).status).toBe('passed');
    expect(check(FIXED, { type: 'warnings', absent: 'all' }).status).toBe('passed');
  });

  it('is on for the exercises that read warnings (in robust too), and their runs only', () => {
    expect(needsMemcheck([{ type: 'output', exact: 'x' }])).toBe(false);
    expect(needsMemcheck([{ type: 'output', exact: 'x' }, { type: 'warnings', absent: 'all' }])).toBe(true);
    expect(needsMemcheck([{ type: 'robust', check: { type: 'warnings', present: ['use-after-free'] } }])).toBe(true);
    expect(needsMemcheck([{ type: 'robust', check: { type: 'exit', code: 0 } }])).toBe(false);
    const robust = check(FREED, { type: 'robust', policies: ['parent-first', 'child-first'], check: { type: 'warnings', present: ['use-after-free'] } });
    expect(robust.status).toBe('passed');
  });
});

describe('robust', () => {
  it('passes when the inner check holds under every policy, and gives a schedule that replays a failure', () => {
    const inner = { type: 'output' as const, exact: 'child\nparent\n' };
    const ok = check(CHILD_FIRST, { type: 'robust', policies: ['parent-first', 'child-first', 'round-robin', 'random'], seeds: [1, 2], check: inner });
    expect(ok.status).toBe('passed');
    const r = check(NO_WAIT, { type: 'robust', policies: ['child-first', 'parent-first'], check: inner });
    expect(r).toMatchObject({ status: 'failed', points: 5 });
    expect(r.message).toContain('under the parent-first scheduler, line 1 differs');
    expect(r.schedule).toBeTruthy();
    const replay = runProgram({ source: NO_WAIT, schedule: r.schedule, maxSteps: 5_000_000 });
    expect(replay.stdout).toBe('parent\nchild\n');
  });
});

describe('runs that do not end normally', () => {
  it('has distinct messages for the step limit, the output limit and a deadlock', () => {
    const loop = `${HEAD}int main(void) { volatile int x = 0; for (;;) x++; }\n`;
    const spam = `${HEAD}int main(void) { for (;;) printf("spam\\n"); }\n`;
    const stuck = `${HEAD}int main(void) { int fd[2]; char c; pipe(fd); read(fd[0], &c, 1); return 0; }\n`;
    const steps = check(loop, { type: 'output', exact: '' }, { maxSteps: 100_000 });
    expect(steps.message).toMatch(/did not finish: it was stopped after 100,000 steps \(the step limit\)/);
    const out = check(spam, { type: 'exit', code: 0 });
    expect(out.message).toMatch(/printed too much: it was stopped at the output limit/);
    const dead = check(stuck, { type: 'processes', count: 1 });
    expect(dead.message).toMatch(/got stuck: every process was blocked for good/);
    for (const r of [steps, out, dead]) expect(r).toMatchObject({ status: 'failed', points: 0 });
  });
});

describe('visibility and determinism', () => {
  it('a sealed check never shows its expected data; grading twice gives the same result', () => {
    const sealed = check(NO_WAIT, { type: 'output', exact: 'child\nparent\n', visibility: 'sealed', message: 'Child first.' });
    expect(sealed.status).toBe('failed');
    expect(sealed.message).toContain('Child first.');
    expect(sealed.message).not.toContain('expected');
    const checks = [
      { type: 'output' as const, exact: 'child\nparent\n' },
      { type: 'robust' as const, policies: ['random' as const], seeds: [1, 2, 3], check: { type: 'output' as const, anyOf: ['child\nparent\n'] } },
      { type: 'memory' as const, cowFaults: { max: 100 } },
    ];
    const a = grade(NO_WAIT, checks);
    const b = grade(NO_WAIT, checks);
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
  });
});

describe('all-outputs', () => {
  it('accepts a program whose every output is accepted, and gives the schedule of one that is not', () => {
    const both = ['child\nparent\n', 'parent\nchild\n'];
    expect(check(CHILD_FIRST, { type: 'all-outputs', accepted: ['child\nparent\n'] })).toMatchObject({ status: 'passed' });
    expect(check(NO_WAIT, { type: 'all-outputs', accepted: both })).toMatchObject({ status: 'passed' });
    expect(check(NO_WAIT, { type: 'all-outputs', lines: { required: ['^child$', '^parent$'] } })).toMatchObject({ status: 'passed' });
    const r = check(NO_WAIT, { type: 'all-outputs', accepted: ['child\nparent\n'] });
    expect(r.status).toBe('failed');
    expect(r.message).toMatch(/one of the 2 outputs the program can produce is not accepted/);
    const replay = runProgram({ source: NO_WAIT, schedule: r.schedule, maxSteps: 5_000_000 });
    expect(replay.stdout).toBe('parent\nchild\n');
    expect(r.step).toBe(replay.trace.find((e) => e.kind === 'output')!.step);
  });
  it('says "the only output" and "the accepted one" when there is one, not "one of the 1 output"', () => {
    const r = check(CHILD_FIRST, { type: 'all-outputs', accepted: ['parent\nchild\n'] });
    expect(r.message).toContain('Failed: the only output the program can produce is not accepted: the output is not the accepted one: it differs from it by line 1 ("child"); accepted: "parent\\nchild\\n".');
  });
});

describe('memory in words', () => {
  it('framesPeak says how many frames were in use at the busiest moment, not "at most"', () => {
    const r = check(CHILD_FIRST, { type: 'memory', framesPeak: { max: 1 } });
    expect(r.status).toBe('failed');
    expect(r.message).toMatch(/Failed: at the busiest moment \d+ physical frames were in use \(expected at most 1\)\.$/);
  });
});
