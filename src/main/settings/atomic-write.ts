import { promises as fs } from 'node:fs';
import path from 'node:path';
import { openPrivateFile } from '../core/user-data-dir';

/**
 * Replaces a private (0600) file so that a crash leaves either the old or the new content, never a mix:
 * write a temp file beside it, fsync it, rename over the target, fsync the folder.
 */
export async function writeFileAtomic(target: string, content: string): Promise<void> {
  const dir = path.dirname(target);
  const temp = path.join(dir, `.${path.basename(target)}.${process.pid}.${Date.now()}.tmp`);
  try {
    // Created fresh (never an existing file or a planted symlink), 0600; rename replaces a link, never follows it.
    const handle = await openPrivateFile(temp, 'create-new');
    try {
      await handle.writeFile(content, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(temp, target);
  } catch (err) {
    // A full disk or a failed rename leaves the old file as it was, and no temp file behind.
    await fs.rm(temp, { force: true });
    throw err;
  }
  await syncDir(dir);
}

async function syncDir(dir: string): Promise<void> {
  let handle: fs.FileHandle | undefined;
  try {
    handle = await fs.open(dir, 'r');
    await handle.sync();
  } catch {
    // Some platforms (Windows) cannot open or fsync a folder; the rename is still atomic there.
  } finally {
    await handle?.close();
  }
}
