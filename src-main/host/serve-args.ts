/** The options of `npm run serve`: the port and the data folder. */
import { userDataDir } from './user-data.ts';

export const DEFAULT_PORT = 5178;

/** Reads --port and --data; throws with a message for a bad value. */
export function parseServeArgs(argv: string[], env: NodeJS.ProcessEnv): { port: number; data: string } {
  let port = env.PORT ? Number(env.PORT) : DEFAULT_PORT;
  let data = userDataDir(env);
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--port') port = Number(argv[++i]);
    else if (argv[i] === '--data') data = argv[++i] ?? '';
    else throw new Error(`unknown option ${argv[i]} (use --port N, --data DIR)`);
  }
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error('--port takes a port number (0-65535)');
  if (!data) throw new Error('--data takes a folder');
  return { port, data };
}
