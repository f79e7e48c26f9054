/**
 * Running one loaded command, as every entry of the command line does (main.ts, main-run.ts): a
 * usage error is its message and the command's usage (exit 2), anything else thrown is an
 * internal error with its stack (exit 3).
 */
import { UsageError, type Command, type Output } from './command.ts';

/** A command's code and its usage text. */
export interface LoadedCommand {
  run: Command;
  usage: string;
}

/** Runs `command` with its arguments; returns the exit status. */
export async function runCommand(command: LoadedCommand, args: string[], out: Output, err: Output): Promise<number> {
  try {
    return await command.run(args, out, err);
  } catch (e) {
    if (e instanceof UsageError) {
      err.write(`forklab: ${e.message}\n${command.usage}`);
      return 2;
    }
    err.write(`forklab: internal error: ${e instanceof Error ? e.stack ?? e.message : String(e)}\n`);
    return 3;
  }
}
