import { promises as fs } from 'node:fs';
import { auditEntry, type AuditEntry } from '../audit-entry';

/**
 * What the outbox needs from the local audit trail: entries in the order they were made durable, after
 * an opaque position. Positions only grow; a position returned once stays valid across restarts.
 */
export interface LocalTrail {
  readAfter(position: string | null, max: number): Promise<{ entries: AuditEntry[]; next: string | null }>;
  /** How many entries lie after the position (for "N entries waiting"). */
  countAfter(position: string | null): Promise<number>;
}

const chunkBytes = 1 << 20;

/**
 * The current `audit.log` (JSON Lines) as a LocalTrail. The position is the byte offset just after the
 * last complete line read, so a line still being written is never half-shipped; lines that do not parse
 * (a fragment torn by a crash) are passed over, as the History reader does.
 */
export function jsonlTrail(file: string): LocalTrail {
  async function scan(position: string | null, max: number): Promise<{ entries: AuditEntry[]; next: number; count: number }> {
    let offset = position === null ? 0 : Number(position);
    if (!Number.isSafeInteger(offset) || offset < 0) offset = 0;
    const entries: AuditEntry[] = [];
    let count = 0;
    let handle: fs.FileHandle;
    try {
      handle = await fs.open(file, 'r');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { entries, next: offset, count };
      throw error;
    }
    try {
      let carry = Buffer.alloc(0);
      let readAt = offset;
      const buf = Buffer.alloc(chunkBytes);
      while (count < max) {
        const { bytesRead } = await handle.read(buf, 0, chunkBytes, readAt);
        if (bytesRead === 0) break;
        readAt += bytesRead;
        let data = Buffer.concat([carry, buf.subarray(0, bytesRead)]);
        let nl: number;
        while (count < max && (nl = data.indexOf(0x0a)) >= 0) {
          const line = data.subarray(0, nl).toString('utf8');
          data = data.subarray(nl + 1);
          offset += nl + 1;
          const entry = parseLine(line);
          if (!entry) continue;
          count++;
          if (entries.length < max) entries.push(entry);
        }
        carry = Buffer.from(data);
      }
    } finally {
      await handle.close();
    }
    return { entries, next: offset, count };
  }

  return {
    async readAfter(position, max) {
      const { entries, next } = await scan(position, max);
      return { entries, next: String(next) };
    },
    async countAfter(position) {
      return (await scan(position, Number.MAX_SAFE_INTEGER)).count;
    },
  };
}

function parseLine(line: string): AuditEntry | null {
  if (!line.trim()) return null;
  try {
    const parsed = auditEntry.safeParse(JSON.parse(line));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
