/**
 * The sentence that heads a check's result when the pack's author wrote no `message`: what the
 * check looks for, said without its expected data (sealed checks show it too).
 */
import type { CheckFields } from '../packs/types.ts';

/** A check's default message, by type. */
export function defaultMessage(check: CheckFields): string {
  switch (check.type) {
    case 'compiles':
      return 'The program compiles without errors.';
    case 'output':
      return 'The program prints the expected output.';
    case 'exit':
      return 'The program ends with the expected status.';
    case 'processes':
      return 'The program creates the expected number of processes.';
    case 'tree':
      return 'The processes form the expected tree.';
    case 'zombies':
      return 'The program leaves no more zombies (children that exited and were never waited for) than allowed.';
    case 'orphans':
      return 'Orphans (children whose parent exited first) are adopted and reaped as expected.';
    case 'memory':
      return 'Memory use (page copies, copy-on-write faults, frames) is within bounds.';
    case 'calls':
      return 'The program uses the required functions and avoids the forbidden ones.';
    case 'warnings':
      return 'The lab raises the teaching warnings the exercise expects, and none of those it rules out.';
    case 'robust':
      return 'The check passes under every scheduler tried.';
    case 'all-outputs':
      return 'Every output the program can produce, under any schedule, is acceptable.';
    default:
      return 'Check.';
  }
}
