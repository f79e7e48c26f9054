// A run keeps the trace its reader asks for (RunRequest.trace): without one (forklab run without
// --trace) nothing of it is built, yet the output, the exit, the schedule, the counters and the
// message about a crash are those of the run with its whole trace; the steps do not move.
import { describe, expect, it } from 'vitest';
import { compileProgram, runImage } from '../../src-main/vm/run.ts';

const PROGRAMS = {
  crash: '#include <stdio.h>\n#include <unistd.h>\n#include <sys/wait.h>\nint main(void) {\n  if (fork() == 0) { int *p = 0; return *p; }\n  wait(NULL);\n  printf("parent\\n");\n  int *q = (int *)8;\n  return *q;\n}\n',
  exec: '#include <stdio.h>\n#include <unistd.h>\n#include <sys/wait.h>\nint main(void) {\n  pid_t p = vfork();\n  if (p == 0) { execlp("echo", "echo", "hi", NULL); _exit(1); }\n  waitpid(p, NULL, 0);\n  fflush(stdout);\n  printf("done\\n");\n  return 0;\n}\n',
  // sleep after output in the same time slice: its deadline depends on the step the output happened at
  sleepy: '#include <stdio.h>\n#include <unistd.h>\n#include <time.h>\nint main(void) {\n  if (fork() == 0) { for (int i = 0; i < 3; i++) { printf("child %d\\n", i); fflush(stdout); sleep(1); } return 0; }\n  for (int i = 0; i < 3; i++) { printf("parent %d %ld\\n", i, (long)time(NULL)); fflush(stdout); sleep(1); }\n  return 0;\n}\n',
};

describe('a run without its trace', () => {
  for (const [name, source] of Object.entries(PROGRAMS)) {
    it(`${name}: same output, exit, schedule, counters and messages as with the whole trace`, () => {
      const image = compileProgram(source).image!;
      for (const policy of ['parent-first', 'round-robin'] as const) {
        const full = runImage(image, { policy });
        const bare = runImage(image, { policy, trace: 'none' });
        expect(bare.trace.map((e) => e.kind)).toEqual(['run-end']);
        expect(full.trace.length).toBeGreaterThan(10);
        const { trace: _a, ...fullRest } = full;
        const { trace: _b, ...bareRest } = bare;
        expect(bareRest).toEqual(fullRest);
      }
    });
  }
});
