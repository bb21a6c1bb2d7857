import { randomBytes } from 'node:crypto';
import { MINUTE, type Clock } from './clock';

export const SESSION_IDLE_MS = 30 * MINUTE;

export type Session =
  | { kind: 'parent'; username: string }
  | { kind: 'cap'; customerId: string }
  | { kind: 'change'; userId: string }
  | { kind: 'end_user'; userId: string };

interface Entry {
  session: Session;
  lastUsed: number;
}

/** Every kind of token the portals hand out; each expires 30 minutes after its last use. */
export class Sessions {
  private readonly entries = new Map<string, Entry>();
  private opened = 0;
  constructor(private readonly clock: Clock) {}

  open(session: Session): { token: string; expiresAt: number } {
    const token = randomBytes(24).toString('base64url');
    const now = this.clock.now();
    // Abandoned tokens are never used again, so sweep now and then to keep a long run's memory flat.
    if (++this.opened % 1000 === 0) this.sweep(now);
    this.entries.set(token, { session, lastUsed: now });
    return { token, expiresAt: now + SESSION_IDLE_MS };
  }

  /** The live session of that kind for the token, touched; undefined when missing, expired or another kind. */
  use<K extends Session['kind']>(token: string | undefined, kind: K): Extract<Session, { kind: K }> | undefined {
    if (!token) return undefined;
    const entry = this.entries.get(token);
    if (!entry) return undefined;
    const now = this.clock.now();
    if (now - entry.lastUsed >= SESSION_IDLE_MS) {
      this.entries.delete(token);
      return undefined;
    }
    if (entry.session.kind !== kind) return undefined;
    entry.lastUsed = now;
    return entry.session as Extract<Session, { kind: K }>;
  }

  close(token: string): void {
    this.entries.delete(token);
  }

  get size(): number {
    return this.entries.size;
  }

  private sweep(now: number): void {
    for (const [token, entry] of this.entries) if (now - entry.lastUsed >= SESSION_IDLE_MS) this.entries.delete(token);
  }

  clear(): void {
    this.entries.clear();
  }
}
