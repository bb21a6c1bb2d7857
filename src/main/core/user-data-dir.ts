import { constants, promises as fs, mkdirSync, statSync } from 'node:fs';
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

/** The user-data folder cannot be used safely; the host prints the message and exits with code 2. */
export class UnsafeUserDataDirError extends Error {}

/**
 * Issue 14 row 8: creates the user-data folder 0700, and refuses (never silently repairs) one that other
 * users could write to or that belongs to someone else: whoever can write there can plant a symlink or
 * forge audit lines. Runs before anything is written. POSIX only; Windows folders inherit ACLs.
 */
export function ensurePrivateUserDataDir(dir: string, uid: number | undefined = process.getuid?.()): string {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (uid === undefined) return dir;
  const stat = statSync(dir);
  if (!stat.isDirectory()) throw new UnsafeUserDataDirError(`The user-data folder ${dir} is not a folder.`);
  if (stat.uid !== uid) {
    throw new UnsafeUserDataDirError(`The user-data folder ${dir} belongs to another user (uid ${stat.uid}); choose a folder of your own with --user-data-dir=DIR.`);
  }
  if ((stat.mode & 0o022) !== 0) {
    const mode = (stat.mode & 0o777).toString(8).padStart(3, '0');
    throw new UnsafeUserDataDirError(`The user-data folder ${dir} can be written by other users (mode ${mode}); run "chmod 700 '${dir}'" or choose another folder.`);
  }
  return dir;
}

/** 0 where the platform lacks it (Windows): there are no symlinks to plant in a user's AppData. */
const noFollow = constants.O_NOFOLLOW ?? 0;

export type PrivateFileMode = 'read' | 'append' | 'create-new';

const openFlags: Record<PrivateFileMode, number> = {
  read: constants.O_RDONLY,
  append: constants.O_WRONLY | constants.O_APPEND | constants.O_CREAT,
  'create-new': constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL,
};

/**
 * Opens a file in the user-data folder without following a symlink (a planted `audit.log -> elsewhere`
 * fails with ELOOP instead of writing elsewhere), creating it 0600. A file that exists with wider
 * permissions is narrowed to 0600; anything but a regular file is refused. For the settings and audit files.
 */
export async function openPrivateFile(path: string, mode: PrivateFileMode): Promise<fs.FileHandle> {
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(path, openFlags[mode] | noFollow, 0o600);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ELOOP') throw Object.assign(new Error(`${path} is a symbolic link; the console does not follow links in its data folder.`), { code: 'ELOOP' });
    throw err;
  }
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) throw new Error(`${path} is not a regular file.`);
    if (process.platform !== 'win32' && (stat.mode & 0o077) !== 0 && mode !== 'read') await handle.chmod(0o600);
    return handle;
  } catch (err) {
    await handle.close();
    throw err;
  }
}
