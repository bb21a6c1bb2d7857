import { constants, promises as fs } from 'node:fs';

/** An audit file that is a link, not a regular file, or not this user's: the trail is not read or written through it. */
export class AuditFileRefused extends Error {
  constructor(
    readonly file: string,
    why: string,
  ) {
    super(`The audit trail file ${file} ${why}, so the console will not read or write it. Move it away and start the console again.`);
    this.name = 'AuditFileRefused';
  }
}

// Windows has no O_NOFOLLOW (and no symlink planting by other users in a profile folder).
const noFollow = constants.O_NOFOLLOW ?? 0;

export type PrivateOpenMode = 'read' | 'append';

/**
 * Opens without following a symbolic link at the last path component, refuses anything but a regular file of
 * this user with a single link, and makes it 0600: a planted `audit.log` link never receives audit lines.
 * Resolves null for a missing file when reading.
 */
export async function openPrivateFile(file: string, mode: PrivateOpenMode): Promise<fs.FileHandle | null> {
  const flags = mode === 'read' ? constants.O_RDONLY | noFollow : constants.O_WRONLY | constants.O_APPEND | constants.O_CREAT | noFollow;
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(file, flags, 0o600);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' && mode === 'read') return null;
    // Linux answers ELOOP for a link under O_NOFOLLOW; the BSDs answer EMLINK.
    if (code === 'ELOOP' || code === 'EMLINK') throw new AuditFileRefused(file, 'is a symbolic link');
    throw err;
  }
  try {
    const st = await handle.stat();
    if (!st.isFile()) throw new AuditFileRefused(file, 'is not a regular file');
    if (st.nlink > 1) throw new AuditFileRefused(file, 'has another name (a hard link)');
    if (typeof process.getuid === 'function' && st.uid !== process.getuid()) throw new AuditFileRefused(file, 'belongs to another user');
    if (process.platform !== 'win32' && (st.mode & 0o077) !== 0) await handle.chmod(0o600);
    return handle;
  } catch (err) {
    await handle.close().catch(() => {});
    throw err;
  }
}

export async function syncDir(dir: string): Promise<void> {
  let d: fs.FileHandle | null = null;
  try {
    d = await fs.open(dir, 'r');
    await d.sync();
  } catch {
    // Windows cannot open or fsync a directory; NTFS journals the entry itself.
  } finally {
    await d?.close().catch(() => {});
  }
}
