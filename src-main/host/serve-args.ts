/** The options of `npm run serve`: the port, the data folder and (for tests) the renderer folder. */
import { userDataDir } from './user-data.ts';

export const DEFAULT_PORT = 5178;

export interface ServeArgs {
  port: number;
  data: string;
  /** a built renderer to serve instead of out/renderer (never built for you); null for the default */
  renderer: string | null;
}

/** Reads --port, --data and --renderer; throws with a message for a bad value. */
export function parseServeArgs(argv: string[], env: NodeJS.ProcessEnv): ServeArgs {
  let port = env.PORT ? Number(env.PORT) : DEFAULT_PORT;
  let data = userDataDir(env);
  let renderer: string | null = null;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--port') port = Number(argv[++i]);
    else if (argv[i] === '--data') data = argv[++i] ?? '';
    else if (argv[i] === '--renderer') renderer = argv[++i] ?? '';
    else throw new Error(`unknown option ${argv[i]} (use --port N, --data DIR, --renderer DIR)`);
  }
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error('--port takes a port number (0-65535)');
  if (!data) throw new Error('--data takes a folder');
  if (renderer === '') throw new Error('--renderer takes a folder');
  return { port, data, renderer };
}
