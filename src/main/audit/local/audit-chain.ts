import { createHash, createHmac } from 'node:crypto';
import type { AuditEntry } from '../audit-entry';
import type { Verification } from '../audit-store';

/**
 * Each entry is sealed over the previous entry's seal and its own content: with the audit key (kept in the OS
 * keychain) an HMAC that nobody without the key can make; without a keychain a plain hash chain, which shows
 * accidental edits and splices but not a careful forger. The seal covers the entry as the schema reads it, so
 * any change to a field History shows breaks it.
 */
export interface Seal {
  /** `hmac-sha256:<key id>` or `sha256`. */
  chain: string;
  /** The previous entry's seal ('' for the first entry). */
  prev: string;
  mac: string;
}

export const hashChain = 'sha256';
const hmacPrefix = 'hmac-sha256:';
/** Clocks drift and NTP steps them; beyond this an entry's time is impossible. */
export const timeSlackMs = 5 * 60_000;
const isoTime = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;

export function keyIdOf(key: Buffer): string {
  return createHash('sha256').update(key).update('reset-console audit key id').digest('hex').slice(0, 16);
}

function macOf(key: Buffer | null, prev: string, entry: AuditEntry): string {
  const payload = `${prev}\n${JSON.stringify(entry)}`;
  return key ? createHmac('sha256', key).update(payload).digest('hex') : createHash('sha256').update(payload).digest('hex');
}

export function sealOf(key: Buffer | null, prev: string, entry: AuditEntry): Seal {
  return { chain: key ? hmacPrefix + keyIdOf(key) : hashChain, prev, mac: macOf(key, prev, entry) };
}

export interface Checked {
  /** Known at once (time, order, kind of seal); null when only the seal's own MAC is left to check (see `sealMatches`). */
  verification: Verification | null;
  /** Where the entry sorts: its own time when possible, else the last possible time before it. */
  sortAt: number;
  timeOk: boolean;
}

/** What is kept of an entry's seal until its MAC is checked: computing MACs is most of the cost of opening the trail. */
export interface PendingSeal {
  keyed: boolean;
  prev: string;
  mac: string;
}

export const ok: Verification = { verifiable: true, unverifiableReason: null };
export const not = (reason: string): Verification => ({ verifiable: false, unverifiableReason: reason });

/** Walks the trail in written order; `check` each entry once, in order, including the console's own appends. */
export class ChainVerifier {
  private prevMac = '';
  private lastGoodAt: number | null = null;
  private sealedWithKey = false;
  private readonly keyId: string | null;

  constructor(
    private readonly key: Buffer | null,
    private readonly now: () => Date,
  ) {
    this.keyId = key ? keyIdOf(key) : null;
  }

  /** The seal the next entry chains from. */
  get tail(): string {
    return this.prevMac;
  }

  check(entry: AuditEntry, raw: Record<string, unknown>): Checked & { pending: PendingSeal | null } {
    const at = isoTime.test(entry.at) ? Date.parse(entry.at) : Number.NaN;
    const timeProblem = Number.isNaN(at)
      ? 'its time is not a date'
      : at > this.now().getTime() + timeSlackMs
        ? 'its time is in the future'
        : this.lastGoodAt !== null && at < this.lastGoodAt - timeSlackMs
          ? 'its time is earlier than the entry before it'
          : null;
    const seal = this.sealProblem(raw);
    this.prevMac = typeof raw.mac === 'string' ? raw.mac : '';
    const sortAt = timeProblem ? (this.lastGoodAt ?? 0) : at;
    if (!timeProblem) this.lastGoodAt = at;
    const problem = typeof seal === 'string' ? seal : timeProblem;
    return { verification: problem ? not(problem) : null, pending: problem ? null : (seal as PendingSeal), sortAt, timeOk: !timeProblem };
  }

  /** The MAC check left over by `check`. */
  sealMatches(entry: AuditEntry, seal: PendingSeal): Verification {
    return seal.mac === macOf(seal.keyed ? this.key : null, seal.prev, entry) ? ok : not('its seal does not match: it was changed or written by hand');
  }

  /** A reason the seal fails without computing its MAC, or what is left to check. */
  private sealProblem(raw: Record<string, unknown>): string | PendingSeal {
    const { chain, prev, mac } = raw;
    if (typeof chain !== 'string' || typeof mac !== 'string' || typeof prev !== 'string') return 'it carries no seal (written by hand, or before entries were sealed)';
    let keyed: boolean;
    if (chain.startsWith(hmacPrefix)) {
      this.sealedWithKey = true;
      if (!this.key) return 'the audit key could not be read from the keychain, so its seal cannot be checked';
      if (chain !== hmacPrefix + this.keyId) return 'it was sealed with an audit key this computer no longer has';
      keyed = true;
    } else if (chain === hashChain) {
      // Once entries are sealed with the key, a plain hash is what a forger without the key would write.
      if (this.sealedWithKey) return 'it was sealed without the audit key after sealing with the key began';
      keyed = false;
    } else {
      return 'its seal is of an unknown kind';
    }
    if (prev !== this.prevMac) return 'the entry before it was removed, changed or inserted by hand';
    return { keyed, prev, mac };
  }
}
