/**
 * The console in the browser shell (the same core and renderer bundle as the Electron host), pointed at
 * a simulator and already signed in with a staff name, showing the Customer field.
 */
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { launchBrowserShell, type BrowserShell } from '../src/main/browser-shell/launch';
import { browserShellOrigin } from '../src/main/core/renderer-security';
import { startSimulator, type SimulatorHandle, type SimulatorOptions } from '../src/portal-sim/index';
import { openCoreSession, type CoreSession } from './core-session';

export interface BrowserConsole {
  page: Page;
  sim: SimulatorHandle;
  session: CoreSession;
  shell: BrowserShell;
  close(): Promise<void>;
}

export const rendererDir = resolve(__dirname, '../out/renderer');

export async function openBrowserConsole(simulator: SimulatorOptions): Promise<BrowserConsole> {
  const sim = await startSimulator({ port: 0, ...simulator });
  // The core is opened with the browser shell's origin so the page's calls pass the sender check.
  const session = await openCoreSession(sim.url, sim.credentials, browserShellOrigin);
  await session.call('settings:setStaffName', { staffName: 'Bench Staffer' });
  const shell = await launchBrowserShell({
    dispatcher: session.core.dispatcher,
    rendererDir,
    headless: true,
    remoteDebuggingPort: null,
    extraPermissions: ['clipboard-read'],
  });
  await shell.page.getByRole('textbox', { name: 'Customer' }).waitFor();
  return {
    page: shell.page,
    sim,
    session,
    shell,
    close: async () => {
      await shell.close();
      await session.close();
      await sim.close();
    },
  };
}

const escapeRe = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A customer result button, by the customer's exact name (as the e2e tests find it). */
export function customerResult(page: Page, name: string) {
  return page.getByRole('button', { name: new RegExp(`^${escapeRe(name)} (Exact name )?Acct`) });
}
