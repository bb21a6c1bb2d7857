import type { Directory } from '../directory/directory';
import { Faults } from '../faults';
import { Outbox } from '../outbox';
import { Accounts } from './accounts';
import { Clock } from './clock';
import { Lockouts } from './lockouts';
import { Sessions } from './sessions';

export interface Stats {
  requests: number;
  passwordResets: number;
  emailsSent: number;
}

/** Everything the routes read and change. `reset()` returns it to the loaded data. */
export class SimState {
  readonly clock = new Clock();
  readonly sessions = new Sessions(this.clock);
  readonly lockouts = new Lockouts(this.clock);
  readonly outbox = new Outbox();
  readonly faults = new Faults();
  readonly accounts: Accounts;
  stats: Stats = { requests: 0, passwordResets: 0, emailsSent: 0 };

  constructor(
    readonly directory: Directory,
    readonly parentAdmins: readonly { username: string; password: string }[],
    loadedAt: number,
  ) {
    this.accounts = new Accounts(this.clock, loadedAt);
  }

  reset(): void {
    this.clock.reset();
    this.sessions.clear();
    this.lockouts.clear();
    this.outbox.clear();
    this.faults.clear();
    this.accounts.clear();
    this.stats = { requests: 0, passwordResets: 0, emailsSent: 0 };
  }
}
