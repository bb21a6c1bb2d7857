import { promises as fs } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { LocalTrail } from './local-trail';
import { TeamDbError } from './team-db-error';
import type { TeamStore } from './team-store';

export type OutboxState = 'idle' | 'shipping' | 'unavailable' | 'stopped';

export interface OutboxStatus {
  state: OutboxState;
  /** Entries durable locally but not yet in the team database. */
  pending: number;
  /** The last failure, safe to show ("Team history unavailable — N entries waiting"). */
  problem: { code: string; message: string } | null;
}

export interface OutboxOptions {
  trail: LocalTrail;
  store: Pick<TeamStore, 'insert'>;
  /** The small file that remembers how far the trail has been shipped (written atomically). */
  cursorFile: string;
  /** Which database the cursor belongs to: a different one starts again from the beginning. */
  databaseKey: string;
  batchSize?: number;
  /** Look at the local trail this often even without kick() (ms). */
  idleCheckMs?: number;
  minBackoffMs?: number;
  maxBackoffMs?: number;
  onStatus?: (status: OutboxStatus) => void;
}

export interface Outbox {
  start(): void;
  /** A new local entry is durable: ship it now rather than at the next idle check. */
  kick(): void;
  status(): OutboxStatus;
  /** How far the trail is shipped (null: nothing yet, or not read yet); entries after it are "not yet shared". */
  position(): string | null;
  /** Resolves when everything in the trail at call time is shipped (for tests and shutdown). */
  drained(timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
}

const cursorFileShape = z.object({ version: z.literal(1), databaseKey: z.string(), position: z.string().nullable() });

async function readCursor(file: string, databaseKey: string): Promise<string | null> {
  try {
    const parsed = cursorFileShape.safeParse(JSON.parse(await fs.readFile(file, 'utf8')));
    // A missing, damaged or foreign cursor costs only a re-send: inserts are idempotent by id.
    return parsed.success && parsed.data.databaseKey === databaseKey ? parsed.data.position : null;
  } catch {
    return null;
  }
}

/** write temp → fsync → rename → fsync dir: after a crash the file holds the old or the new cursor, never half. */
async function writeCursor(file: string, databaseKey: string, position: string | null): Promise<void> {
  const tmp = `${file}.${process.pid}.tmp`;
  const handle = await fs.open(tmp, 'w', 0o600);
  try {
    await handle.writeFile(JSON.stringify({ version: 1, databaseKey, position }));
    await handle.sync();
  } finally {
    await handle.close();
  }
  await fs.rename(tmp, file);
  const dir = await fs.open(path.dirname(file), 'r').catch(() => null);
  await dir?.sync().catch(() => {});
  await dir?.close();
}

/**
 * Ships the local trail to the team database. The cursor moves only after the insert committed; a crash
 * between the two re-sends one batch, which ON CONFLICT DO NOTHING absorbs. While the database is down it
 * retries with exponential backoff and reports how many entries wait.
 */
export function createOutbox(options: OutboxOptions): Outbox {
  const batchSize = options.batchSize ?? 500;
  const idleCheckMs = options.idleCheckMs ?? 1_000;
  const minBackoff = options.minBackoffMs ?? 500;
  const maxBackoff = options.maxBackoffMs ?? 5_000;
  let state: OutboxState = 'stopped';
  let pending = 0;
  let problem: OutboxStatus['problem'] = null;
  let position: string | null | undefined;
  let wake: (() => void) | null = null;
  let kicked = false;
  let loop: Promise<void> | null = null;
  let stopping = false;
  // Passes over the trail started so far: drained() waits for one that began after it was called.
  let passes = 0;
  const waiters: { afterPass: number; resolve: () => void }[] = [];

  const status = (): OutboxStatus => ({ state, pending, problem });
  const set = (next: Partial<OutboxStatus>) => {
    const before = JSON.stringify(status());
    if (next.state !== undefined && !(stopping && next.state !== 'stopped')) state = next.state;
    if (next.pending !== undefined) pending = next.pending;
    if (next.problem !== undefined) problem = next.problem;
    if (JSON.stringify(status()) !== before) options.onStatus?.(status());
  };

  function sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      if (kicked) return resolve();
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        wake = null;
        resolve();
      }
      wake = done;
    });
  }

  async function run(): Promise<void> {
    let backoff = minBackoff;
    position = await readCursor(options.cursorFile, options.databaseKey);
    set({ pending: await options.trail.countAfter(position) });
    while (!stopping) {
      kicked = false;
      const pass = ++passes;
      let delay = idleCheckMs;
      try {
        const { entries, next } = await options.trail.readAfter(position ?? null, batchSize);
        if (entries.length > 0) {
          set({ state: 'shipping' });
          await options.store.insert(entries);
          await writeCursor(options.cursorFile, options.databaseKey, next);
          position = next;
          set({ pending: Math.max(0, pending - entries.length), problem: null });
          backoff = minBackoff;
          if (entries.length === batchSize) delay = 0;
        } else if (next !== position) {
          // Only unreadable lines: step over them.
          await writeCursor(options.cursorFile, options.databaseKey, next);
          position = next;
        }
        if (entries.length < batchSize) {
          set({ state: 'idle', pending: 0, problem: null });
          for (const w of waiters.filter((x) => x.afterPass < pass)) {
            waiters.splice(waiters.indexOf(w), 1);
            w.resolve();
          }
        }
      } catch (error) {
        const e = error instanceof TeamDbError ? error : new TeamDbError('unknown', (error as Error).message);
        const waiting = await options.trail.countAfter(position ?? null).catch(() => pending);
        set({ state: 'unavailable', pending: waiting, problem: { code: e.code, message: e.message } });
        delay = backoff;
        backoff = Math.min(backoff * 2, maxBackoff);
      }
      if (!stopping && delay > 0) await sleep(delay);
    }
  }

  function kick(): void {
    kicked = true;
    wake?.();
  }

  return {
    start() {
      if (loop) return;
      stopping = false;
      state = 'idle';
      loop = run().catch((error: Error) => {
        set({ state: 'stopped', problem: { code: 'unknown', message: error.message } });
      });
    },
    kick,
    status,
    position: () => position ?? null,
    drained(timeoutMs = 30_000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`outbox not drained after ${timeoutMs} ms (${pending} waiting)`)), timeoutMs);
        waiters.push({
          afterPass: passes,
          resolve: () => {
            clearTimeout(timer);
            resolve();
          },
        });
        kick();
      });
    },
    async stop() {
      stopping = true;
      set({ state: 'stopped' });
      wake?.();
      await loop;
      loop = null;
    },
  };
}
