/** The file URL of out/node/NAME.mjs, built first when it is missing or stale. */
export function builtEntry(name: string): Promise<string>;
