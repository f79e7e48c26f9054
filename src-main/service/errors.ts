/**
 * Errors the service throws for what the user gave it (a file that is not a pack, an older pack
 * version, a hand-in without a name): the doors answer them as the user's mistake (HTTP 400),
 * not as the lab's (500). Recognised by name, so one that crossed a thread still counts.
 */
export class InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InputError';
  }
}

/** True for an InputError, also one whose class was lost crossing a thread. */
export function isInputError(e: unknown): boolean {
  return e instanceof InputError || (e instanceof Error && e.name === 'InputError');
}
