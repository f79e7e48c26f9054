/**
 * The check fields of issue 13, each against a program that passes and one that fails: test-case
 * tables, calls any-of, exit of every process or a chosen one, processes alive at once, zombies
 * left behind / at a point / at peak (the program itself not counted), requires, titles, and
 * pids in expected output.
 */
import { describe, expect, it } from 'vitest';
import { runProgram } from '../../src-main/vm/run.ts';
import { check, grade, HEAD } from './helpers.ts';

const ECHO_SUM = `${HEAD}
int main(int argc, char *argv[]) {
    char buf[64];
    int n = read(0, buf, sizeof buf - 1);
    buf[n > 0 ? n : 0] = '\\0';
    char *end;
    long a = strtol(buf, &end, 10);
    long b = strtol(end, NULL, 10);
    printf("%s%ld\\n", argc > 1 ? argv[1] : "", a + b);
    return 0;
}
`;
const ECHO_DIFF = ECHO_SUM.replace('a + b', 'a - b');

describe('output cases', () => {
  const cases = [
    { stdin: '2 3', exact: '5\n', points: 2 },
    { stdin: '10 -4', exact: '6\n', points: 3 },
    { title: 'with a prefix', stdin: '1 1', args: ['sum='], exact: 'sum=2\n', points: 5 },
  ];
  it('passes when every case passes, each with its own input', () => {
    const r = check(ECHO_SUM, { type: 'output', cases });
    expect(r).toMatchObject({ status: 'passed', points: 10 });
    expect(r.message).toContain('all 3 cases passed');
  });

  it('earns the points of the cases that pass and names the first failing one with its input', () => {
    const r = check(ECHO_DIFF, { type: 'output', cases: [cases[0], { ...cases[2], exact: 'sum=0\n' }, cases[1]], points: 10 });
    expect(r).toMatchObject({ status: 'failed', points: 5 });
    expect(r.message).toContain('1 of 3 cases passed; case 1 (input "2 3"): line 1 differs: the program printed "-1", expected "5"');
    // the run the link points into is the failing case's: its options replay it
    expect(r.runOptions).toMatchObject({ stdin: '2 3' });
    const replay = runProgram({ source: ECHO_DIFF, stdin: r.runOptions!.stdin, maxSteps: 5_000_000 });
    expect(replay.trace.some((e) => e.step === r.step && e.kind === 'output')).toBe(true);
  });

  it('a sealed case table does not show the input or the expected text', () => {
    const r = check(ECHO_DIFF, { type: 'output', cases, visibility: 'sealed' });
    expect(r.message).toContain('case 1: line 1 differs: the program printed "-1"');
    expect(r.message).not.toContain('2 3');
    expect(r.message).not.toContain('expected "');
  });
});

const WAITS = `${HEAD}
int main(void) {
    pid_t pid = fork();
    if (pid == 0) { execlp("echo", "echo", "hi", NULL); _exit(127); }
    waitpid(pid, NULL, 0);
    return 0;
}
`;

describe('calls any-of and wildcards', () => {
  it('a list is any one of its functions; a name ending in * is any function it starts', () => {
    expect(check(WAITS, { type: 'calls', required: [['wait', 'waitpid'], 'exec*'] })).toMatchObject({ status: 'passed' });
    const r = check(WAITS, { type: 'calls', required: [['wait', 'wait3']], forbidden: ['exec*'] });
    expect(r).toMatchObject({ status: 'failed', points: 0 });
    expect(r.message).toContain('the program never calls wait or wait3');
    expect(r.message).toContain('the program calls execlp (line 9), which this exercise does not allow');
  });
});

const CHILD_DIVIDES = `${HEAD}
int main(int argc, char *argv[]) {
    pid_t pid = fork();
    if (pid == 0) { int z = argc - 1; printf("%d\\n", 10 / z); exit(0); }
    wait(NULL);
    return 0;
}
`;

describe('exit of every process, or the N-th', () => {
  it('every: a child killed by SIGFPE fails what the first process alone passes', () => {
    expect(check(CHILD_DIVIDES, { type: 'exit', code: 0 })).toMatchObject({ status: 'passed' });
    const r = check(CHILD_DIVIDES, { type: 'exit', code: 0, process: 'every' });
    expect(r.status).toBe('failed');
    expect(r.message).toContain('process 4 was killed by SIGFPE; expected: exit status 0');
    const run = runProgram({ source: CHILD_DIVIDES, maxSteps: 5_000_000 });
    expect(r.step).toBe(run.trace.find((e) => e.kind === 'exit' && e.pid === 4)!.step);
    expect(check(CHILD_DIVIDES, { type: 'exit', code: 0, process: 'every', run: { args: ['x'] } }).status).toBe('passed');
  });

  it('N: the N-th process created', () => {
    expect(check(CHILD_DIVIDES, { type: 'exit', signal: 'SIGFPE', process: 2 }).status).toBe('passed');
    expect(check(CHILD_DIVIDES, { type: 'exit', signal: 'SIGFPE', process: 1 }).status).toBe('failed');
    const r = check(CHILD_DIVIDES, { type: 'exit', code: 0, process: 3 });
    expect(r.message).toContain('the program made 2 processes, so there is no process number 3');
  });
});

const FAN_THEN_WAIT = `${HEAD}
int main(void) {
    for (int i = 0; i < 3; i++)
        if (fork() == 0) { sleep(1); exit(0); }
    while (wait(NULL) > 0) {}
    return 0;
}
`;
const ONE_AT_A_TIME = `${HEAD}
int main(void) {
    for (int i = 0; i < 3; i++) {
        if (fork() == 0) exit(0);
        wait(NULL);
    }
    return 0;
}
`;

describe('processes alive at once', () => {
  it('counts processes created and not yet exited, the program included', () => {
    expect(check(FAN_THEN_WAIT, { type: 'processes', aliveAtOnce: { min: 4 } }).status).toBe('passed');
    const r = check(ONE_AT_A_TIME, { type: 'processes', aliveAtOnce: { min: 3 } });
    expect(r.status).toBe('failed');
    expect(r.message).toContain('at most 2 processes were alive at the same time, expected at least 3');
    expect(check(FAN_THEN_WAIT, { type: 'processes', aliveAtOnce: { max: 2 } }).status).toBe('failed');
  });

  it('with count too: half the points when one of the two holds', () => {
    expect(check(ONE_AT_A_TIME, { type: 'processes', count: 4, aliveAtOnce: { min: 3 } })).toMatchObject({ status: 'failed', points: 5 });
  });
});

const LEAVES_ZOMBIE = `${HEAD}
int main(void) {
    if (fork() == 0) exit(3);
    sleep(1);
    printf("parent done\\n");
    return 0;
}
`;
const REAPS = LEAVES_ZOMBIE.replace('    sleep(1);\n', '    sleep(1);\n    wait(NULL);\n');
const NO_CHILD = `${HEAD}
int main(void) { printf("alone\\n"); return 0; }
`;

describe('zombies', () => {
  it('atEnd counts the zombies the program leaves behind, though init reaps them', () => {
    const r = check(LEAVES_ZOMBIE, { type: 'zombies', atEnd: 0 });
    expect(r.status).toBe('failed');
    expect(r.message).toContain('1 zombie is left behind (process 4: exited, and never waited for by its parent)');
    expect(check(REAPS, { type: 'zombies', atEnd: 0 }).status).toBe('passed');
  });

  it('peak does not count the program itself (its shell reaps it)', () => {
    expect(check(REAPS, { type: 'zombies', peak: 1 }).status).toBe('passed');
    expect(check(NO_CHILD, { type: 'zombies', peak: 0 }).status).toBe('passed');
  });

  it('at a call: how many zombies exist when the nth call of a function returns', () => {
    expect(check(REAPS, { type: 'zombies', at: { call: 'sleep' }, min: 1 }).status).toBe('passed');
    const r = check(REAPS, { type: 'zombies', at: { call: 'sleep' }, max: 0 });
    expect(r.status).toBe('failed');
    expect(r.message).toContain('when sleep returns, there is 1 zombie (expected at most 0)');
    const run = runProgram({ source: REAPS, maxSteps: 5_000_000 });
    expect(r.step).toBe(run.trace.find((e) => e.kind === 'syscall' && e.name === 'sleep')!.step);
    expect(check(REAPS, { type: 'zombies', at: { call: 'wait' }, max: 0 }).status).toBe('passed');
    expect(check(REAPS, { type: 'zombies', at: { call: 'sleep', nth: 2 }, max: 0 }).message).toContain('the program calls sleep fewer than 2 times');
  });

  it('at the end: as atEnd counts them', () => {
    expect(check(LEAVES_ZOMBIE, { type: 'zombies', at: 'end', min: 1, max: 1 }).status).toBe('passed');
    expect(check(REAPS, { type: 'zombies', at: 'end', min: 1 }).status).toBe('failed');
  });
});

describe('requires', () => {
  it('a check earns its points only when the checks it requires pass', () => {
    const checks = [
      { id: 'forks', type: 'processes' as const, min: 2, title: 'Makes a child' },
      { id: 'no-zombie', type: 'zombies' as const, atEnd: 0, requires: ['forks'] },
    ];
    const alone = grade(NO_CHILD, checks);
    expect(alone.tests[1]).toMatchObject({ status: 'failed', points: 0 });
    expect(alone.tests[1].message).toContain('on its own it passed, but its points count only when "Makes a child" passes, and it does not');
    const good = grade(REAPS, checks);
    expect(good.tests.map((t) => t.status)).toEqual(['passed', 'passed']);
  });
});

describe('title', () => {
  it('is the name students see; the id stays the id', () => {
    const r = check(NO_CHILD, { type: 'compiles', id: 'builds', title: 'It builds' });
    expect(r).toMatchObject({ id: 'builds', name: 'It builds' });
    expect(check(NO_CHILD, { type: 'compiles', id: 'builds' }).name).toBe('builds');
  });
});

const PRINTS_PIDS = `${HEAD}
int main(void) {
    pid_t pid = fork();
    if (pid == 0) { printf("child %d of %d\\n", getpid(), getppid()); exit(0); }
    wait(NULL);
    printf("parent %d made %d\\n", getpid(), pid);
    return 0;
}
`;

describe('normalizePids', () => {
  it('<pidN> is the N-th process and <pid> any of the program\'s', () => {
    const exact = 'child <pid2> of <pid1>\nparent <pid1> made <pid2>\n';
    expect(check(PRINTS_PIDS, { type: 'output', exact, normalizePids: true }).status).toBe('passed');
    expect(check(PRINTS_PIDS, { type: 'output', exact: 'child <pid> of <pid>\nparent <pid> made <pid>\n', normalizePids: true }).status).toBe('passed');
    const swapped = check(PRINTS_PIDS, { type: 'output', exact: 'child <pid1> of <pid2>\nparent <pid1> made <pid2>\n', normalizePids: true });
    expect(swapped.status).toBe('failed');
    expect(swapped.message).toContain('line 1 differs: the program printed "child 4 of 3", expected "child 3 of 4"');
    expect(check(PRINTS_PIDS, { type: 'output', lines: { required: ['^parent <pid1> made <pid2>$'] }, normalizePids: true }).status).toBe('passed');
    expect(check(PRINTS_PIDS, { type: 'output', regex: 'child <pid> of <pid>\\n[\\s\\S]*', normalizePids: true }).status).toBe('passed');
    // without normalizePids the placeholder is plain text
    expect(check(PRINTS_PIDS, { type: 'output', exact }).status).toBe('failed');
  });
});

describe('messages a beginner reads', () => {
  it('no raw regular expression: a simple pattern is shown as an example line', () => {
    const r = check(NO_CHILD, { type: 'output', lines: { required: ['^reaped \\d+, exit status 3$'] } });
    expect(r.message).toContain('missing a line like "reaped <number>, exit status 3"');
    expect(r.message).not.toMatch(/\\d|\/\^/);
    const whole = check(NO_CHILD, { type: 'output', regex: 'alone\\n(again\\n)+' });
    expect(whole.message).toBe('The program prints the expected output. Failed: the output does not have the expected form: the program printed "alone\\n".');
  });

  it('a sentence that ends in a question mark gets no full stop after it', () => {
    const r = check(`${HEAD}int main(void) { for (;;) {} }\n`, { type: 'exit', code: 0 }, { maxSteps: 10000 });
    expect(r.message).toMatch(/\?$/);
  });

  it('a line pattern says where in the line it is looked for, and alternatives read "or"', () => {
    const r = check(NO_CHILD, { type: 'output', lines: { required: ['<defunct>', '^reaped \\d+', 'exit status 3$', '<defunct>|\\sZ\\s', '^(a|b)+$'] } });
    expect(r.message).toContain(
      'missing a line containing "<defunct>"; a line starting with "reaped <number>"; a line ending with "exit status 3"; ' +
        'a line containing "<defunct>" or a line containing " Z "; and a line of the expected form.',
    );
  });

  it('a whole-output pattern never quotes an output cut short: a long one is counted in lines', () => {
    const many = `${HEAD}int main(void) { for (int i = 0; i < 20; i++) printf("line number %d of the listing\\n", i); printf("<defunct>\\n"); return 0; }\n`;
    const r = check(many, { type: 'output', regex: 'nothing like it' });
    expect(r.message).toContain('the program printed 21 lines (the terminal shows them).');
    expect(r.message).not.toContain('line number');
    const two = check(`${HEAD}int main(void) { printf("a\\nb\\n"); return 0; }\n`, { type: 'output', regex: 'c' });
    expect(two.message).toContain('the program printed 2 lines (the terminal shows them).');
  });

  it('a robust check says how many schedulers failed first, so the sentence of the run ends the message', () => {
    const r = check(`${HEAD}int main(void) { for (;;) {} }\n`, { type: 'robust', policies: ['parent-first', 'child-first'], check: { type: 'exit', code: 0 } }, { maxSteps: 10000 });
    expect(r.message).toMatch(/Failed: failed under 2 of the 2 schedulers tried; under the parent-first scheduler, the program did not finish: .*never comes\?$/);
    expect(r.message).not.toContain('? (');
  });

  it('a deadlock is said once, with who waits for what', () => {
    const stuck = `${HEAD}int main(void) { int fd[2]; pipe(fd); char c; read(fd[0], &c, 1); return 0; }\n`;
    const r = check(stuck, { type: 'exit', code: 0 });
    expect(r.message).toMatch(/Failed: the program got stuck: every process was blocked for good; process 3 \(\w+\) waits for input on pipe descriptor 3\.$/);
  });
});

const SUM_FILE = `${HEAD}
int main(void) {
    FILE *f = fopen("numbers.txt", "r");
    if (!f) { printf("no numbers.txt\\n"); return 1; }
    int a = 0, b = 0;
    fscanf(f, "%d %d", &a, &b);
    fclose(f);
    printf("%d\\n", a + b);
    return 0;
}
`;

describe('files given to a run', () => {
  it('a case (or the check) gives the program files to read', () => {
    const cases = [
      { files: [{ path: 'numbers.txt', content: '2 3' }], exact: '5\n', points: 1 },
      { files: [{ path: '/home/student/numbers.txt', content: '10 -4' }], exact: '6\n', points: 1 },
    ];
    expect(check(SUM_FILE, { type: 'output', cases })).toMatchObject({ status: 'passed', points: 10 });
    const missing = check(SUM_FILE, { type: 'output', cases: [...cases, { exact: '0\n', points: 1 }] });
    expect(missing.status).toBe('failed');
    expect(missing.message).toContain('2 of 3 cases passed; case 3: line 1 differs: the program printed "no numbers.txt", expected "0"');
    const named = check(SUM_FILE.replace('a + b', 'a * b'), { type: 'output', cases });
    expect(named.message).toContain('case 1 (file numbers.txt): line 1 differs');
    expect(check(SUM_FILE, { type: 'output', exact: '7\n', run: { files: [{ path: 'numbers.txt', content: '3 4' }] } }).status).toBe('passed');
  });
});
