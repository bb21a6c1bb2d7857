import pg from 'pg';
import { z } from 'zod';
import { poolConfig, type PasswordSource, type TeamDbTarget } from './connection';
import { describeConnectionError, type TeamDbError } from './team-db-error';

export const channel = 'reset_history';

/** What the insert trigger announces; enough to decide whether an open user panel must refresh. */
export const entryNotice = z.object({
  id: z.string(),
  at: z.string(),
  action: z.string(),
  staffer: z.string(),
  profile: z.string(),
  customerId: z.string().nullable(),
  userId: z.string().nullable(),
  refersTo: z.string().nullable(),
});
export type EntryNotice = z.infer<typeof entryNotice>;

export interface Subscription {
  /** Resolves once LISTEN is in place (first connection); rejects with a TeamDbError if that failed. */
  readonly ready: Promise<void>;
  close(): Promise<void>;
}

// As the outbox: a desk back on the network sees the team's entries again within about 5 s.
const maxBackoffMs = 5_000;

/**
 * One dedicated connection (LISTEN does not work through a pool). When it drops, it reconnects with
 * backoff and calls onGap: notices sent while it was away are lost, so the caller re-reads what it shows.
 */
export function subscribeToEntries(
  target: TeamDbTarget,
  password: PasswordSource | undefined,
  onEntry: (notice: EntryNotice) => void,
  onGap: (error?: TeamDbError) => void = () => {},
): Subscription {
  const { max: _max, idleTimeoutMillis: _idle, connectionTimeoutMillis, ...config } = poolConfig(target, { password });
  let closed = false;
  let client: pg.Client | null = null;
  let timer: NodeJS.Timeout | null = null;
  let backoff = 500;

  async function connect(): Promise<void> {
    const c = new pg.Client({ ...config, connectionTimeoutMillis });
    client = c;
    c.on('error', () => {
      // 'end' follows; reconnection is handled there.
    });
    c.on('notification', (msg) => {
      if (msg.channel !== channel || !msg.payload) return;
      try {
        const notice = entryNotice.safeParse(JSON.parse(msg.payload));
        if (notice.success) onEntry(notice.data);
      } catch {
        // A payload that is not ours: ignored.
      }
    });
    try {
      await c.connect();
      await c.query(`LISTEN ${channel}`);
    } catch (error) {
      c.end().catch(() => {});
      throw describeConnectionError(error, target);
    }
    c.on('end', () => {
      if (!closed) schedule();
    });
    backoff = 500;
  }

  function schedule(error?: TeamDbError): void {
    if (closed || timer) return;
    if (error) onGap(error);
    timer = setTimeout(() => {
      timer = null;
      connect().then(
        () => onGap(),
        (e: TeamDbError) => {
          backoff = Math.min(backoff * 2, maxBackoffMs);
          schedule(e);
        },
      );
    }, backoff);
  }

  const ready = connect();
  ready.catch((e: TeamDbError) => schedule(e));

  return {
    ready,
    async close() {
      closed = true;
      if (timer) clearTimeout(timer);
      await client?.end().catch(() => {});
    },
  };
}
