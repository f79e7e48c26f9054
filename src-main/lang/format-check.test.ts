/**
 * Formats gcc -Wall accepts without a -Wformat warning (each line compiled with gcc 12 -Wall, no
 * warning): the lab must stay as quiet. The warnings themselves are in tests/diagnostics (47-58).
 */
import { describe, expect, it } from 'vitest';
import { compile } from './compile.ts';
import { CRT } from '../vm/libc/crt.ts';
import { isFormatWarning } from './format-check.ts';

const DECLS = `#include <stdio.h>
#include <sys/types.h>
#include <unistd.h>
enum e { A };
int f(void) {
    unsigned char uc[4] = ""; signed char sc[4] = ""; long l = 0; unsigned long ul = 0; short sh = 0; _Bool b = 0;
    float fl = 0; int i = 0; unsigned u = 0; size_t z = 0; ssize_t sz = 0; pid_t pid = 0; enum e en = A;
    const char *cs = ""; char c = 0; double d = 0; int *ip = &i; void *vp = ip; char buf[8]; char *mp = buf;
`;

const QUIET = [
  'printf("%s %s %s\\n", uc, sc, cs);',
  'printf("%u %d %x %o %X\\n", i, u, i, i, u);',
  'printf("%d %d %d %d %d %d\\n", sh, b, en, pid, c, \'a\');',
  'printf("%c %c %c\\n", c, 65, i);',
  'printf("%f %f %e %g %a\\n", fl, d, d, d, d);',
  'printf("%p %p %p %p\\n", ip, vp, cs, (void *)0);',
  'printf("%zu %zd %zu %ld %lu %ld\\n", z, sz, ul, sz, sizeof i, l);',
  'printf("%jd %td %lx\\n", l, l, (unsigned long)ip);',
  'printf("%hhd %hd %hhu %hu\\n", i, sh, c, u);',
  'printf("%-+5d|%05.2f|%*d|%.*s|%-*.*f\\n", i, d, 3, i, 2, cs, 6, 2, d);',
  'printf("%%d %m\\n");',
  'printf("%1$d %1$d\\n", i);',
  'printf("%n", &i);',
  'printf("100%%\\n");',
  'fprintf(stderr, "%s: %d\\n", cs, i);',
  'sprintf(buf, "%d", i); snprintf(buf, sizeof buf, "%s", cs); dprintf(1, "%ld\\n", l);',
  'scanf("%u %d %hhd %c %s %[a-z] %[^\\n]", &i, &u, &c, uc, uc, buf, buf);',
  'scanf("%*d %d %5s %p %n %hd %lf %f %ld %zu", &i, buf, &vp, &i, &sh, &d, &fl, &l, &z);',
  'sscanf(cs, "%d%%", &i); fscanf(stdin, "%lu", &ul);',
  'scanf("%ms %m[a-z] %mc", &mp, &mp, &mp);',
  'printf(cs, i);',
];

describe('format checks stay quiet where gcc -Wall does', () => {
  it('accepts what gcc accepts', () => {
    const text = `${DECLS}${QUIET.map((l) => `    ${l}\n`).join('')}    return 0;\n}\nint main(void) { return f(); }\n`;
    const r = compile({ files: [{ name: 'prog.c', text }], runtime: [CRT] });
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(r.diagnostics.filter((d) => isFormatWarning(d.message)).map((d) => `${d.line}:${d.column}: ${d.message}`)).toEqual([]);
  });
});

describe('format warnings say what to write instead', () => {
  const notes = (body: string): string[] => {
    const text = `#include <stdio.h>\nint main(void) {\n    int age = 0; long big = 0; double d = 0; char c = 0, word[8] = "";\n    ${body}\n    return 0;\n}\n`;
    const r = compile({ files: [{ name: 'prog.c', text }], runtime: [CRT] });
    return r.diagnostics.filter((d) => isFormatWarning(d.message)).map((d) => d.hint ?? '');
  };

  it('names the conversion that prints the argument', () => {
    expect(notes('printf("%d %s %d %f\\n", big, age, sizeof age, age);')).toEqual([
      "to print a 'long int', write '%ld'",
      "to print an 'int', write '%d'",
      "to print a 'long unsigned int', write '%lu'",
      "to print an 'int', write '%d'",
    ]);
  });

  it("tells scanf's caller to pass the variable's address, or the conversion for what it points to", () => {
    expect(notes('scanf("%d %f %d %d", age, &d, &c, word);')).toEqual([
      "scanf stores what it reads at an address: pass '&age'",
      "to read into a 'double', write '%lf'",
      "to read into a 'char', write '%c'",
      "to read into a 'char', write '%s'",
    ]);
  });
});
