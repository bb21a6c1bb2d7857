import { randomUUID } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { auditEntry, type AuditEntry } from '../audit-entry';
import type { AuditStore } from '../audit-store';
import { ChainVerifier, sealOf } from './audit-chain';
import { AuditIndex } from './audit-index';
import { portalText } from '../../../shared/text/portal-text';
import { cappedDraft, maxLineBytes } from './entry-limits';
import { readLines } from './line-reader';
import { openPrivateFile, syncDir } from './private-file';

export const currentFileName = 'audit.log';
const rotatedName = /^audit-(\d{6})\.log$/;
export const defaultRotateBytes = 16 * 1024 * 1024;

export interface LocalAuditOptions {
  /** The audit key from the keychain; null where there is no keychain (then a plain hash chain). */
  key: Buffer | null;
  now?: () => Date;
  /** The current file is set aside as `audit-NNNNNN.log` before it would grow past this. */
  rotateBytes?: number;
}

export interface LocalAuditStore extends AuditStore {
  /** What reading the trail found: entries, files, and lines it could not use. */
  stats(): Promise<{ entries: number; files: number; oversizeLines: number; unreadableLines: number }>;
}

/** `write` may write less than asked: keep going until every byte is written. */
async function writeAll(h: fs.FileHandle, buf: Buffer): Promise<void> {
  let offset = 0;
  while (offset < buf.length) {
    const { bytesWritten } = await h.write(buf, offset, buf.length - offset);
    if (bytesWritten <= 0) throw new Error('audit log: write made no progress');
    offset += bytesWritten;
  }
}

async function rotatedFiles(dir: string): Promise<{ name: string; n: number }[]> {
  const names = await fs.readdir(dir);
  return names
    .map((name) => ({ name, m: rotatedName.exec(name) }))
    .filter((x) => x.m)
    .map((x) => ({ name: x.name, n: Number(x.m![1]) }))
    .sort((a, b) => a.n - b.n);
}

/**
 * The local audit trail: JSON Lines in `userDataDir/audit.log`, set aside as `audit-NNNNNN.log` by size and read
 * across all of them, oldest first. Appends are serialized through one handle, sealed into the chain and each
 * fsync'd. Reading streams the files once at open into an in-memory index; a torn, foreign or over-long line
 * costs that line only.
 */
export async function openLocalAuditStore(userDataDir: string, options: LocalAuditOptions): Promise<LocalAuditStore> {
  const now = options.now ?? (() => new Date());
  const rotateBytes = options.rotateBytes ?? defaultRotateBytes;
  const current = path.join(userDataDir, currentFileName);
  await fs.mkdir(userDataDir, { recursive: true, mode: 0o700 });

  const verifier = new ChainVerifier(options.key, now);
  const index = new AuditIndex((entry, seal) => verifier.sealMatches(entry, seal));
  const stats = { entries: 0, files: 0, oversizeLines: 0, unreadableLines: 0 };
  const filesOf = async () => [...(await rotatedFiles(userDataDir)).map((r) => path.join(userDataDir, r.name)), current];
  // A planted link or a foreign file is refused now, at start, not at the first History read.
  for (const file of await filesOf()) await (await openPrivateFile(file, 'read'))?.close();
  let nextRotation = 1;
  let currentSize = 0;
  let needsNewline = false;

  /**
   * Streams every file into the index, on first use rather than at start: opening stays instant, and the
   * trail as it is when first needed is what counts (as the earlier read-once cache did).
   */
  async function load(): Promise<void> {
    const files = await filesOf();
    nextRotation = files.length > 1 ? Number(rotatedName.exec(path.basename(files.at(-2)!))![1]) + 1 : 1;
    for (const file of files) {
      const h = await openPrivateFile(file, 'read');
      if (!h) continue;
      stats.files++;
      try {
        for await (const line of readLines(h, maxLineBytes)) {
          if (line.kind === 'oversize') {
            stats.oversizeLines++;
            continue;
          }
          let raw: unknown;
          try {
            raw = JSON.parse(line.text);
          } catch {
            stats.unreadableLines++; // torn by a crash, or not JSON
            continue;
          }
          const parsed = auditEntry.safeParse(raw);
          if (!parsed.success) {
            stats.unreadableLines++;
            continue;
          }
          index.add(parsed.data, verifier.check(parsed.data, raw as Record<string, unknown>));
        }
        if (file === current) {
          const { size } = await h.stat();
          currentSize = size;
          // After a torn last line, the next entry starts on a fresh line so it is not glued to the fragment.
          if (size > 0) {
            const last = Buffer.alloc(1);
            await h.read(last, 0, 1, size - 1);
            needsNewline = last[0] !== 0x0a;
          }
        }
      } finally {
        await h.close();
      }
    }
  }
  let loaded: Promise<void> | null = null;
  const ensureLoaded = () =>
    (loaded ??= load().catch((err: unknown) => {
      loaded = null;
      throw err;
    }));

  let handle: fs.FileHandle | null = null;
  let queue: Promise<unknown> = Promise.resolve();
  let closed = false;

  async function ensureOpen(): Promise<fs.FileHandle> {
    if (handle) return handle;
    const existed = await fs.lstat(current).then(() => true, () => false);
    handle = await openPrivateFile(current, 'append');
    // A new file is only durable once its directory entry is: sync the directory too.
    if (!existed) await syncDir(userDataDir);
    return handle!;
  }

  async function rotate(): Promise<void> {
    await handle?.close();
    handle = null;
    const name = `audit-${String(nextRotation).padStart(6, '0')}.log`;
    nextRotation++;
    // rename is atomic: after a crash either the old name or the new one holds the file, never neither.
    await fs.rename(current, path.join(userDataDir, name));
    await syncDir(userDataDir);
    currentSize = 0;
    needsNewline = false;
  }

  /** Runs in the same queue as appends, so a read never sees half of an append's bookkeeping. */
  function inQueue<T>(job: () => T | Promise<T>): Promise<T> {
    const next = queue.then(async () => {
      await ensureLoaded();
      return job();
    });
    queue = next.catch(() => {});
    return next;
  }

  return {
    append(draft) {
      if (closed) return Promise.reject(new Error('audit log: closed'));
      return inQueue(async () => {
        const entry = auditEntry.parse({ ...cappedDraft(visibleStrings(draft)), id: randomUUID(), at: now().toISOString() });
        const seal = sealOf(options.key, verifier.tail, entry);
        const line = Buffer.from(`${needsNewline ? '\n' : ''}${JSON.stringify({ ...entry, ...seal })}\n`, 'utf8');
        if (currentSize > 0 && currentSize + line.length > rotateBytes) await rotate();
        const h = await ensureOpen();
        // Until this write is known complete, assume a fragment may be left: the next entry starts on a fresh line.
        needsNewline = true;
        currentSize += line.length;
        await writeAll(h, line);
        needsNewline = false;
        // The line is in the file now, so the chain goes on from it even if the sync below fails: a re-read would find it.
        index.add(entry, verifier.check(entry, seal as unknown as Record<string, unknown>));
        await h.datasync();
        return entry;
      });
    },
    listResets: (filter, page = {}) => inQueue(() => index.listResets(filter, page.limit ?? 100, page.cursor ?? null)),
    resetsOfUser: (subject, since) => inQueue(() => index.resetsOfUser(subject, since.getTime())),
    get: (id) => inQueue(() => index.get(id)),
    entriesAfter: (afterId, limit) => inQueue(() => index.entriesAfter(afterId, limit)),
    stats: () => inQueue(() => ({ ...stats, entries: index.size })),
    async close() {
      closed = true;
      await queue;
      await handle?.close();
      handle = null;
    },
  };
}

export type { AuditEntry };

/**
 * Portal strings are data: a name with a line break or a bidi override must not reshape what a reviewer
 * reads in the trail (or the History, note and CSV built from it). Every string of a draft, nested ones
 * included, is made visible with `portalText` before it is sealed.
 */
function visibleStrings<T>(value: T): T {
  if (typeof value === 'string') return portalText(value) as T;
  if (Array.isArray(value)) return value.map(visibleStrings) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, visibleStrings(v)])) as T;
  }
  return value;
}
