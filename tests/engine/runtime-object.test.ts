// The lab's C runtime compiled once (src-main/lang/runtime-object.ts): appending it to a program
// gives the image compiling both together gives, word for word, for every program of the
// differential corpus, the built-in pack, the benchmarks and /bin; a program that defines what
// the runtime defines or calls is compiled together with it (and still runs); the object
// survives its serialisation (what the build embeds).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { compile } from '../../src-main/lang/compile.ts';
import { compileRuntimeObject } from '../../src-main/lang/compiler.ts';
import { deserializeRuntimeObject, serializeRuntimeObject, usable } from '../../src-main/lang/runtime-object.ts';
import { CRT } from '../../src-main/vm/libc/crt.ts';
import { programSources } from '../../src-main/vm/bin/programs.ts';
import { runProgram } from '../../src-main/vm/run.ts';

const REPO = join(import.meta.dirname, '..', '..');

function cFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return cFiles(path);
    return name.endsWith('.c') ? [path] : [];
  });
}

/** The image (or the diagnostics) both ways. */
function bothWays(text: string, name = 'prog.c') {
  const files = [{ name, text }];
  return {
    reused: compile({ files, runtime: [CRT] }),
    together: compile({ files, runtime: [CRT], reuseRuntime: false }),
  };
}

describe('the C runtime compiled once', () => {
  const object = compileRuntimeObject([CRT], 1)!;

  it('compiles alone', () => {
    expect(object).not.toBeNull();
    expect(object.functions.map((f) => f.symbol.name)).toEqual(expect.arrayContaining(['_start', 'exit', 'malloc', 'atexit']));
  });

  it('gives the same image as compiling it with the program, for the programs the lab ships and tests', () => {
    // every third program of the corpora (all of them run on the appended runtime in their own tests)
    const programs = ['tests/differential', 'tests/diagnostics', 'exercises', 'bench/programs']
      .flatMap((d) => cFiles(join(REPO, d)))
      .filter((_, i) => i % 3 === 0);
    expect(programs.length).toBeGreaterThan(100);
    let appended = 0;
    for (const path of programs) {
      const text = readFileSync(path, 'utf8');
      const { reused, together } = bothWays(text);
      // (vitest's deep equality is slow on images: compare first, let it describe a difference)
      if (!isDeepStrictEqual(reused, together)) expect(reused, path).toStrictEqual(together);
      if (together.ok) appended++;
    }
    expect(appended).toBeGreaterThan(90);
    for (const [path, text] of programSources()) {
      const { reused, together } = bothWays(text, `${path.slice(path.lastIndexOf('/') + 1)}.c`);
      expect(reused.ok, path).toBe(true);
      expect(reused, path).toStrictEqual(together);
    }
  });

  it('is appended to ordinary programs, not to those that define what the runtime defines or asks about', () => {
    const hello = { functions: ['main'], objects: [] };
    expect(usable(object, hello.functions, hello.objects)).toBe(true);
    expect(usable(object, ['main', 'malloc'], [])).toBe(false);
    expect(usable(object, ['main'], ['errno'])).toBe(false);
    expect(usable(object, ['main'], ['counter'])).toBe(true);
    // a library function the runtime calls natively: a program's own definition would take the call
    expect(object.asked.length).toBeGreaterThan(0);
    expect(usable(object, ['main', object.asked.find((n) => !object.functions.some((f) => f.linkName === n))!], [])).toBe(false);
  });

  it('leaves programs that replace malloc, or define errno, compiled with the runtime: same image, same output', () => {
    const ownMalloc = String.raw`#include <stdio.h>
#include <stddef.h>
static char pool[4096];
static size_t used;
void *malloc(size_t n) { void *p = pool + used; used += (n + 15) / 16 * 16; return p; }
int main(void) { char *s = malloc(8); s[0] = 'o'; s[1] = 'k'; s[2] = 0; printf("%s %zu\n", s, used); return 0; }
`;
    const ownErrno = '#include <stdio.h>\nint errno;\nint main(void) { errno = 3; printf("%d\\n", errno); return 0; }\n';
    for (const text of [ownMalloc, ownErrno]) {
      const { reused, together } = bothWays(text);
      expect(reused).toStrictEqual(together);
    }
    expect(runProgram({ source: ownMalloc }).stdout).toBe('ok 16\n');
    expect(runProgram({ source: ownErrno }).stdout).toBe('3\n');
  });

  it('survives serialisation (the build embeds it as JSON)', () => {
    const again = deserializeRuntimeObject(serializeRuntimeObject(object));
    expect(again).toStrictEqual(object);
  });
});
