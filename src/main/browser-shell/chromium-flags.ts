/** How the browser shell launches Chromium; the start benchmark's floor launches it the same way. */

/**
 * Issue 14 row 5: Chromium keeps its sandbox. It refuses to start sandboxed as root (no setuid/user-namespace
 * sandbox for uid 0), so only there is it dropped — and the shell says so at start.
 */
export function chromiumSandboxPolicy(uid: number | undefined = process.getuid?.()): { sandbox: boolean; notice: string | null } {
  if (uid === 0) return { sandbox: false, notice: 'Running as root: Chromium cannot use its sandbox as root, so the browser shell runs without it. Run as a normal user to keep it.' };
  return { sandbox: true, notice: null };
}

export const chromiumArgs = [
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // The browser's own omnibox popup is a web page Chromium preloads in another renderer at every start
  // (about 130 ms of CPU on a 2-core desk); the console has no address bar to show it in.
  '--disable-features=WebUIOmniboxPopup,WebUIOmniboxFullPopup,WebUIOmniboxAimPopup',
];
