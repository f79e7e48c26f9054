/**
 * What every `forklab` command shares: the usage error it throws for bad arguments (exit 2) and
 * the streams it writes to (process.stdout / stderr, or a buffer in tests).
 */
export class UsageError extends Error {}

export type Output = NodeJS.WritableStream;

/** A command: takes its arguments (after the command's name), returns the exit status. */
export type Command = (args: string[], out: Output, err: Output) => Promise<number>;
