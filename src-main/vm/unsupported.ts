/**
 * A call the lab does not support ends the run there (exit status 127) with a message that says
 * so (vm/run.ts runMachine).
 */

/** A program called a library function the lab declares but does not implement, or made a call the lab refuses. */
export class UnsupportedFunction extends Error {
  /** `message` replaces the default "the lab does not implement NAME() yet" */
  constructor(readonly functionName: string, message?: string) {
    super(message ?? `the lab does not implement ${functionName}() yet`);
  }
}
