import { randomUUID } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { auditEntry, type AuditDraft, type AuditEntry } from './audit-entry';

export interface AuditLog {
  /** Resolves only once the entry is on disk (fsync'd): an action is reported done after that. */
  append(draft: AuditDraft): Promise<AuditEntry>;
  readAll(): Promise<AuditEntry[]>;
  close(): Promise<void>;
}

/**
 * Append-only JSON Lines in `userDataDir/audit.log`. Appends are serialized through one handle and
 * each is fsync'd. The reader skips lines it cannot parse, so a line torn by a crash mid-write costs
 * that line only.
 */
/** `write` may write less than asked (full disk, signals on some systems): keep going until every byte is written. */
async function writeAll(h: fs.FileHandle, buf: Buffer): Promise<void> {
  let offset = 0;
  while (offset < buf.length) {
    const { bytesWritten } = await h.write(buf, offset, buf.length - offset);
    if (bytesWritten <= 0) throw new Error('audit log: write made no progress');
    offset += bytesWritten;
  }
}

async function syncDir(dir: string): Promise<void> {
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

export async function openAuditLog(userDataDir: string, now: () => Date = () => new Date()): Promise<AuditLog> {
  const file = path.join(userDataDir, 'audit.log');
  await fs.mkdir(userDataDir, { recursive: true });
  let handle: fs.FileHandle | null = null;
  let queue: Promise<unknown> = Promise.resolve();
  let needsNewline: boolean | null = null;
  // Read once, then kept in step with appends: History reads it often, the file only grows.
  let cache: AuditEntry[] | null = null;

  async function ensureOpen(): Promise<fs.FileHandle> {
    if (handle) return handle;
    const existed = await fs.access(file).then(() => true, () => false);
    handle = await fs.open(file, 'a', 0o600);
    // A new file is only durable once its directory entry is: sync the directory too (where the OS allows it).
    if (!existed) await syncDir(userDataDir);
    // After a torn last line, start on a fresh line so the next entry is not glued to the fragment.
    const { size } = await handle.stat();
    if (size > 0 && needsNewline === null) {
      const probe = await fs.open(file, 'r');
      try {
        const buf = Buffer.alloc(1);
        await probe.read(buf, 0, 1, size - 1);
        needsNewline = buf[0] !== 0x0a;
      } finally {
        await probe.close();
      }
    }
    return handle;
  }

  return {
    append(draft) {
      const entry = auditEntry.parse({ ...draft, id: randomUUID(), at: now().toISOString() });
      const next = queue.then(async () => {
        const h = await ensureOpen();
        const prefix = needsNewline ? '\n' : '';
        // Until this write is known complete, assume a fragment may be left: the next entry starts on a fresh line.
        needsNewline = true;
        await writeAll(h, Buffer.from(prefix + JSON.stringify(entry) + '\n', 'utf8'));
        await h.datasync();
        needsNewline = false;
        cache?.push(entry);
        return entry;
      });
      queue = next.catch(() => {});
      return next;
    },
    readAll() {
      // Read in the same queue as the appends: a write landing between the file read and the cache being
      // set would otherwise appear twice (once from the file, once pushed).
      const read = queue.then(async () => {
        if (!cache) cache = await readEntries(file);
        return [...cache];
      });
      queue = read.catch(() => {});
      return read;
    },
    async close() {
      await queue;
      await handle?.close();
      handle = null;
    },
  };
}

async function readEntries(file: string): Promise<AuditEntry[]> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
  const entries: AuditEntry[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    try {
      const parsed = auditEntry.safeParse(JSON.parse(line));
      if (parsed.success) entries.push(parsed.data);
    } catch {
      // A torn or foreign line: skipped, the rest of the log still counts.
    }
  }
  return entries;
}
