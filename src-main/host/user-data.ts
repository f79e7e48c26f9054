/**
 * Where the lab keeps a student's files: the same folder the desktop app uses (Electron's
 * userData for an app named ForkLab), so the browser host and the app share progress.
 * FORKLAB_DATA overrides it.
 */
import { homedir } from 'node:os';
import { join } from 'node:path';

export const APP_NAME = 'ForkLab';

/** The user data folder for this platform. */
export function userDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.FORKLAB_DATA) return env.FORKLAB_DATA;
  const home = homedir();
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), APP_NAME);
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', APP_NAME);
  return join(env.XDG_CONFIG_HOME ?? join(home, '.config'), APP_NAME);
}
