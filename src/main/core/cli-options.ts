import { parseArgs } from 'node:util';
import { isLoopbackHost, portalChoiceFromUrl, type PortalChoice } from '../../shared/portal-choice';
// The address check alone (zod, node:net): the database driver loads only with the core.
import { parseTeamDbUrl, type TeamDbTarget } from '../audit/team-postgres/team-db-url';

/** Flags both hosts accept. Unknown flags are an error so a typo never silently changes the portal. */
export interface HostFlags {
  browser: boolean;
  headless: boolean;
  remoteDebuggingPort: number | null;
  allowRemoteDebugging: boolean;
  userDataDir: string | null;
  portal: PortalChoice | null;
  /** `--team-db=postgres://USER@HOST:PORT/DB`: the team history database for this run. */
  teamDb: TeamDbTarget | null;
}

/** Refused with exit code 2 and `message` on one line, before anything is opened. */
export class FlagError extends Error {}

export const flagSummary = '--browser --headless --remote-debugging-port=N --allow-remote-debugging --user-data-dir=DIR --demo --portal-url=URL --team-db=postgres://USER@HOST:PORT/DB';

const optionSpec = {
  browser: { type: 'boolean' },
  headless: { type: 'boolean' },
  'remote-debugging-port': { type: 'string' },
  'allow-remote-debugging': { type: 'boolean' },
  'user-data-dir': { type: 'string' },
  demo: { type: 'boolean' },
  'portal-url': { type: 'string' },
  'team-db': { type: 'string' },
} as const;

export function parseHostFlags(argv: readonly string[]): HostFlags {
  let values: ReturnType<typeof parseArgs<{ options: typeof optionSpec; strict: true; allowPositionals: false }>>['values'];
  try {
    ({ values } = parseArgs({ args: [...argv], options: optionSpec, strict: true, allowPositionals: false }));
  } catch (err) {
    // parseArgs names the offending flag; a value is never echoed (it could be a URL with a password in it).
    const what = (err as { code?: string }).code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL' ? 'Unexpected argument' : 'Unknown or malformed option';
    const flag = argv.find((a) => a.startsWith('-') && !Object.keys(optionSpec).includes(a.replace(/^--?/, '').split('=')[0]!));
    throw new FlagError(`${what}${flag ? ` "${flag.split('=')[0]}"` : ''}. Options: ${flagSummary}`);
  }
  if (values.demo && values['portal-url'] !== undefined) throw new FlagError('Choose one portal: --demo or --portal-url=URL, not both.');
  return {
    browser: values.browser ?? false,
    headless: values.headless ?? false,
    remoteDebuggingPort: values['remote-debugging-port'] === undefined ? null : portOf(values['remote-debugging-port']),
    allowRemoteDebugging: values['allow-remote-debugging'] ?? false,
    userDataDir: userDataDirOf(values['user-data-dir']),
    portal: values.demo ? { mode: 'demo' } : values['portal-url'] === undefined ? null : { mode: 'url', url: checkedPortalUrl(values['portal-url']) },
    teamDb: values['team-db'] === undefined ? null : checkedTeamDb(values['team-db']),
  };
}

function portOf(value: string): number {
  const port = /^\d{1,5}$/.test(value) ? Number(value) : NaN;
  if (!(port >= 1 && port <= 65535)) throw new FlagError(`--remote-debugging-port needs a port number from 1 to 65535, not "${value}"`);
  return port;
}

function userDataDirOf(value: string | undefined): string | null {
  if (value === undefined) return null;
  if (!value) throw new FlagError('--user-data-dir needs a folder: --user-data-dir=DIR');
  return value;
}

function checkedPortalUrl(raw: string): string {
  const checked = portalChoiceFromUrl(raw);
  if (!checked.ok) throw new FlagError(`--portal-url refused: ${checked.message}`);
  return checked.choice.mode === 'url' ? checked.choice.url : raw;
}

function checkedTeamDb(raw: string): TeamDbTarget {
  try {
    return parseTeamDbUrl(raw);
  } catch (err) {
    // The module's message never repeats the address (it may hold a password).
    throw new FlagError(`--team-db refused: ${(err as Error).message}`);
  }
}

/** True when the portal is the built-in simulator or a portal on this computer. */
export function isLocalPortal(choice: PortalChoice): boolean {
  if (choice.mode === 'demo') return true;
  try {
    return isLoopbackHost(new URL(choice.url).hostname);
  } catch {
    return false;
  }
}

export const remoteDebuggingWarning =
  'WARNING: remote debugging is on: anything on this computer can drive the console through the debugging port ' +
  '(any program or user: it can read what is typed and send resets). Stop it with Ctrl+C when you are done.';

/**
 * Issue 14 row 4: a debugging port lets any local process drive the console. It is honoured only beside
 * the demo portal or a portal on this computer, unless the staffer explicitly allows it; packaged builds
 * never open one. Returns the port to open (or null).
 */
export function remoteDebuggingPortFor(flags: Pick<HostFlags, 'remoteDebuggingPort' | 'allowRemoteDebugging'>, portal: PortalChoice, packaged: boolean): number | null {
  if (flags.remoteDebuggingPort === null || packaged) return null;
  if (!flags.allowRemoteDebugging && !isLocalPortal(portal)) {
    throw new FlagError(
      '--remote-debugging-port refused: the console is pointed at a real portal, and anything on this computer could drive it through the port. ' +
        'Use --demo or a portal on this computer, or add --allow-remote-debugging if you accept that.',
    );
  }
  return flags.remoteDebuggingPort;
}

/** Chromium switches that would weaken the renderer's protection; refused, never passed on. */
const weakeningSwitches = ['--no-sandbox', '--disable-web-security', '--disable-site-isolation-trials', '--ignore-certificate-errors', '--allow-running-insecure-content', '--disable-gpu-sandbox', '--no-zygote', '--single-process'];
/** Only a development run may be debugged; the packaged app refuses these outright. */
const developmentOnlySwitches = ['--remote-debugging-port', '--remote-debugging-pipe', '--remote-debugging-address', '--inspect', '--inspect-brk', '--inspect-port', '--js-flags'];

/**
 * The Electron host's arguments: `electron [electron switches] <app> [ours]` in development,
 * `<app binary> [ours]` when packaged. Electron's own switches (before the app path) are filtered out
 * first; a weakening switch anywhere is refused. Returns only the console's own flags.
 */
export function electronHostArgs(argv: readonly string[], packaged: boolean): string[] {
  const rest = argv.slice(1);
  const appIndex = packaged ? -1 : rest.findIndex((a) => !a.startsWith('-'));
  const electronSwitches = appIndex === -1 ? [] : rest.slice(0, appIndex);
  const ours = appIndex === -1 && !packaged ? [] : rest.slice(appIndex + 1);
  const nameOf = (a: string) => a.split('=')[0]!;
  for (const arg of [...electronSwitches, ...ours]) {
    const name = nameOf(arg);
    if (weakeningSwitches.includes(name)) throw new FlagError(`${name} refused: the console does not run with Chromium's protections turned off.`);
    if (packaged && developmentOnlySwitches.includes(name)) throw new FlagError(`${name} refused: the installed console cannot be debugged.`);
  }
  return ours;
}
