import { homedir } from 'node:os';
import { join } from 'node:path';
import packageJson from '../../../package.json';

/**
 * Where Electron keeps this app's data (`app.getPath('userData')`: the app data folder plus the product
 * name), worked out without Electron so the browser shell reads and writes the same settings and audit log.
 */
export function defaultUserDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, home = homedir()): string {
  const product = packageJson.productName;
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), product);
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', product);
  return join(env.XDG_CONFIG_HOME || join(home, '.config'), product);
}
