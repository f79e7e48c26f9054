/**
 * getenv, setenv and unsetenv on the program's own `char **environ`: a NULL-terminated array of
 * pointers to "NAME=value" strings, set up by exec on the new stack and read here through the
 * task's memory. So a forked child inherits its parent's environment by copying memory, and
 * execve passes whatever array the program hands it, exactly as on Linux.
 *
 * Native code cannot call the program's malloc, so setenv takes the memory for its new strings
 * and arrays from the C runtime's `char __lab_envspace[4096]` with a bump allocator: the first
 * 8 bytes hold the offset of the next free byte (0 in fresh bss means "just after the header").
 * Space is never reused (glibc leaks setenv strings too); when it runs out setenv fails with
 * ENOMEM and changes nothing.
 */
import type { UserMemory } from '../user-memory.ts';
import { EINVAL, ENOMEM } from './errno-names.ts';

const NULL = 0;
const HEADER = 8;
const EQUALS = 61;

/** Where the environment is: the `environ` variable and the bump-allocated area. */
export interface EnvironmentAreas {
  /** address of the variable `char **environ` */
  environ: number;
  /** address of `char __lab_envspace[size]` */
  space: number;
  size: number;
}

/** Result of a setenv/unsetenv: 0, or -1 with the errno to set. */
export interface EnvResult {
  result: 0 | -1;
  errno: number;
}

const OK: EnvResult = { result: 0, errno: 0 };
const fail = (errno: number): EnvResult => ({ result: -1, errno });

/** The entries of the environment array: the address of each slot and of its string. */
function entries(mem: UserMemory, env: EnvironmentAreas): { slot: number; text: number }[] {
  const array = mem.pointer(env.environ);
  const out: { slot: number; text: number }[] = [];
  if (array === NULL) return out;
  for (let slot = array; ; slot += 8) {
    const text = mem.pointer(slot);
    if (text === NULL) return out;
    out.push({ slot, text });
  }
}

/** If the string at `text` is "NAME=…", the address of its value; otherwise NULL. */
function valueIfNamed(mem: UserMemory, text: number, name: Uint8Array): number {
  for (let i = 0; i < name.length; i++) if (mem.byte(text + i) !== name[i]) return NULL;
  return mem.byte(text + name.length) === EQUALS ? text + name.length + 1 : NULL;
}

/** A name setenv and unsetenv accept: not empty and without '=' (POSIX; else EINVAL). */
function isValidName(name: Uint8Array): boolean {
  return name.length > 0 && !name.includes(EQUALS);
}

/** getenv: the address of the value of `name`, or NULL when it is not set. */
export function getEnv(mem: UserMemory, env: EnvironmentAreas, namePtr: number): number {
  const name = mem.cString(namePtr);
  if (name.length === 0 || name.includes(EQUALS)) return NULL;
  for (const e of entries(mem, env)) {
    const value = valueIfNamed(mem, e.text, name);
    if (value !== NULL) return value;
  }
  return NULL;
}

/** Reserves `size` bytes (8-byte aligned) in the envspace area; -1 when it does not fit. */
function reserve(mem: UserMemory, env: EnvironmentAreas, size: number): number {
  const used = Math.max(mem.pointer(env.space), HEADER);
  const start = Math.ceil(used / 8) * 8;
  if (start + size > env.size) return -1;
  mem.setPointer(env.space, start + size);
  return env.space + start;
}

/** Bytes still free in the envspace area. */
function available(mem: UserMemory, env: EnvironmentAreas): number {
  const used = Math.max(mem.pointer(env.space), HEADER);
  return env.size - Math.ceil(used / 8) * 8;
}

/** setenv(name, value, overwrite): adds or replaces NAME=value. */
export function setEnv(mem: UserMemory, env: EnvironmentAreas, namePtr: number, valuePtr: number, overwrite: boolean): EnvResult {
  if (namePtr === NULL) return fail(EINVAL);
  const name = mem.cString(namePtr);
  if (!isValidName(name)) return fail(EINVAL);
  const existing = entries(mem, env).find((e) => valueIfNamed(mem, e.text, name) !== NULL);
  if (existing && !overwrite) return OK;
  const value = mem.cString(valuePtr);
  const textSize = Math.ceil((name.length + value.length + 2) / 8) * 8;
  const count = entries(mem, env).length;
  const arraySize = existing ? 0 : 8 * (count + 2);
  if (textSize + arraySize > available(mem, env)) return fail(ENOMEM);
  const text = writeEntry(mem, reserve(mem, env, textSize), name, value);
  if (existing) mem.setPointer(existing.slot, text);
  else appendEntry(mem, env, reserve(mem, env, arraySize), text);
  return OK;
}

/** Writes "NAME=value\0" at `address` and returns the address. */
function writeEntry(mem: UserMemory, address: number, name: Uint8Array, value: Uint8Array): number {
  mem.write(address, name);
  mem.setByte(address + name.length, EQUALS);
  mem.writeCString(address + name.length + 1, value);
  return address;
}

/** Copies the environment array to `array` with `text` added at the end, and points environ at it. */
function appendEntry(mem: UserMemory, env: EnvironmentAreas, array: number, text: number): void {
  const old = entries(mem, env);
  old.forEach((e, i) => mem.setPointer(array + 8 * i, e.text));
  mem.setPointer(array + 8 * old.length, text);
  mem.setPointer(array + 8 * (old.length + 1), NULL);
  mem.setPointer(env.environ, array);
}

/** unsetenv(name): removes every NAME=… entry, shifting the rest of the array down in place. */
export function unsetEnv(mem: UserMemory, env: EnvironmentAreas, namePtr: number): EnvResult {
  if (namePtr === NULL) return fail(EINVAL);
  const name = mem.cString(namePtr);
  if (!isValidName(name)) return fail(EINVAL);
  const all = entries(mem, env);
  const kept = all.filter((e) => valueIfNamed(mem, e.text, name) === NULL);
  if (kept.length === all.length) return OK;
  const array = mem.pointer(env.environ);
  kept.forEach((e, i) => mem.setPointer(array + 8 * i, e.text));
  mem.setPointer(array + 8 * kept.length, NULL);
  return OK;
}
