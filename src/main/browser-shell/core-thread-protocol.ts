import type { SenderInfo } from '../ipc/dispatcher';
import type { PortalChoice } from '../../shared/portal-choice';
import type { TeamDbTarget } from '../audit/team-postgres/team-db-url';
import type { Result } from '../../shared/errors';

/** What the core thread is started with: the command line as given, all cloneable. */
export interface CoreThreadData {
  argv: string[];
  /** True when there is a display to open a window on. */
  display: boolean;
  allowedOrigin: string;
}

/** The command line, checked (shell-plan.ts): what the main thread needs to launch Chromium. */
export interface ShellPlan {
  userDataDir: string;
  headless: boolean;
  debuggingPort: number | null;
  portalOverride: PortalChoice | null;
  teamDb: TeamDbTarget | null;
  /** Lines to print once the console runs (e.g. the remote-debugging warning). */
  notices: string[];
}

export type ToCoreThread = { type: 'dispatch'; id: number; channel: string; input: unknown; sender: SenderInfo } | { type: 'close' };

export type FromCoreThread =
  | { type: 'plan'; plan: ShellPlan }
  /** `refused`: a flag, the user-data folder or a file the core will not trust (exit code 2). */
  | { type: 'failed'; refused: boolean; message: string }
  | { type: 'ready' }
  | { type: 'result'; id: number; result: Result<unknown> }
  | { type: 'closed' };
