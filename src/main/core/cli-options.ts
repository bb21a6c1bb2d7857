import { z } from 'zod';
import type { PortalChoice } from './create-core';

/** Flags both hosts accept. Unknown flags are an error so a typo never silently changes the portal. */
export interface HostFlags {
  browser: boolean;
  headless: boolean;
  remoteDebuggingPort: number | null;
  userDataDir: string | null;
  portal: PortalChoice | null;
}

const httpUrl = z
  .string()
  .url()
  .refine((u) => /^https?:$/.test(new URL(u).protocol), 'must be an http(s) URL')
  // A password in the URL would travel to the window in app:info; credentials go in the sign-in form.
  .refine((u) => !new URL(u).username && !new URL(u).password, 'must not contain a user name or password');

export class FlagError extends Error {}

export function parseHostFlags(argv: readonly string[]): HostFlags {
  const flags: HostFlags = { browser: false, headless: false, remoteDebuggingPort: null, userDataDir: null, portal: null };
  for (const arg of argv) {
    const [name, value] = splitFlag(arg);
    switch (name) {
      case '--browser': flags.browser = true; break;
      case '--headless': flags.headless = true; break;
      case '--demo': flags.portal = { mode: 'demo' }; break;
      case '--remote-debugging-port': {
        const port = Number(value);
        if (!Number.isInteger(port) || port < 1 || port > 65535) throw new FlagError(`--remote-debugging-port needs a port number from 1 to 65535, not "${value ?? ''}"`);
        flags.remoteDebuggingPort = port;
        break;
      }
      case '--user-data-dir':
        if (!value) throw new FlagError('--user-data-dir needs a folder: --user-data-dir=DIR');
        flags.userDataDir = value;
        break;
      case '--portal-url': {
        const parsed = httpUrl.safeParse(value);
        if (!parsed.success) throw new FlagError('--portal-url needs an http(s) URL without a user name or password, e.g. --portal-url=https://portal.example.com');
        flags.portal = { mode: 'url', url: parsed.data.replace(/\/+$/, '') };
        break;
      }
      default:
        throw new FlagError(`Unknown option "${arg}". Options: --browser --headless --remote-debugging-port=N --user-data-dir=DIR --demo --portal-url=URL`);
    }
  }
  return flags;
}

function splitFlag(arg: string): [string, string | undefined] {
  const eq = arg.indexOf('=');
  return eq === -1 ? [arg, undefined] : [arg.slice(0, eq), arg.slice(eq + 1)];
}
