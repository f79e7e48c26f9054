/**
 * Runtime objects compiled at build time (runtime-object.ts): scripts/build-node.mjs replaces
 * this list with the serialised object of the lab's C runtime, so a built `forklab` never
 * compiles the runtime. Empty in the sources: there, compile() builds it on first use.
 */
export const PREBUILT_RUNTIME_OBJECTS: readonly string[] = [];
