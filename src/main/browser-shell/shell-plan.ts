import { resolve } from 'node:path';
import { AuditFileRefused } from '../audit/local/private-file';
import { FlagError, parseHostFlags, remoteDebuggingPortFor, remoteDebuggingWarning } from '../core/cli-options';
import { freeLoopbackPort } from '../core/free-port';
import { defaultUserDataDir, ensurePrivateUserDataDir, UnsafeUserDataDirError } from '../core/user-data-dir';
import { storedPortalChoice } from '../settings/settings-store';
import type { CoreThreadData, ShellPlan } from './core-thread-protocol';

/** Refused before a core, a portal or a browser is opened: the CLI prints the sentence and ends with code 2. */
export function isRefusal(err: unknown): err is Error {
  return err instanceof FlagError || err instanceof UnsafeUserDataDirError || err instanceof AuditFileRefused;
}

/** What the command line asks for, checked: where the user data lives, whether there is a window, which port. */
export async function planShell(data: Pick<CoreThreadData, 'argv' | 'display'>): Promise<ShellPlan> {
  const flags = parseHostFlags(data.argv);
  const userDataDir = ensurePrivateUserDataDir(resolve(flags.userDataDir ?? defaultUserDataDir()));
  const headless = flags.headless || !data.display;
  const portal = flags.portal ?? storedPortalChoice(userDataDir);
  let debuggingPort = remoteDebuggingPortFor(flags, portal, false);
  // The README's quick start: in demo mode with no display there is no other way in, so a port is opened.
  if (debuggingPort === null && !data.display && portal.mode === 'demo') debuggingPort = await freeLoopbackPort();
  return {
    userDataDir,
    headless,
    debuggingPort,
    portalOverride: flags.portal,
    teamDb: flags.teamDb,
    notices: debuggingPort === null ? [] : [remoteDebuggingWarning],
  };
}
