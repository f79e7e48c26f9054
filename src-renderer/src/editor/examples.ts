/**
 * The examples menu: one short program per idea of the course (fork's return values, a zombie,
 * an orphan, copy-on-write, vfork misused, exec, clone, a pipe). Each is a C file in ./examples
 * whose opening comment says what it shows; examples.test.ts runs every one through the engine
 * and checks that it does.
 */
const sources = import.meta.glob<string>('./examples/*.c', { query: '?raw', import: 'default', eager: true });

export interface Example {
  /** the file's name without .c, also the name a download gets */
  id: string;
  title: string;
  /** one line for the menu */
  summary: string;
  source: string;
}

const MENU: Omit<Example, 'source'>[] = [
  { id: 'fork-return', title: 'fork returns twice', summary: '0 in the child, the child’s pid in the parent' },
  { id: 'zombie', title: 'A zombie', summary: 'the child has exited; its parent has not called wait yet' },
  { id: 'orphan', title: 'An orphan', summary: 'the parent exits first; init adopts the child' },
  { id: 'cow', title: 'Copy-on-write', summary: 'the child’s first write copies one page' },
  { id: 'vfork-misuse', title: 'vfork misused', summary: 'the child writes its parent’s memory' },
  { id: 'exec', title: 'exec', summary: 'the child becomes /bin/echo, same pid' },
  { id: 'clone', title: 'clone with CLONE_VM', summary: 'the child shares its parent’s memory' },
  { id: 'pipe', title: 'A pipe', summary: 'the parent writes, the child reads' },
];

/** Every example, in menu order. */
export const EXAMPLES: readonly Example[] = MENU.map((m) => {
  const source = sources[`./examples/${m.id}.c`];
  if (source === undefined) throw new Error(`examples/${m.id}.c is missing`);
  return { ...m, source };
});

/** The example with this id, if any. */
export function exampleById(id: string): Example | undefined {
  return EXAMPLES.find((e) => e.id === id);
}
