let marked = false;

/**
 * The User Timing mark `console-interactive`: the first frame in which Find caller has focus, the moment a
 * staffer can start typing. DevTools' performance panel shows it; the start benchmark reads it
 * (bench/start-time.ts), so it need not watch the page while the page is starting.
 */
export function markConsoleInteractive(): void {
  if (marked) return;
  marked = true;
  requestAnimationFrame(() => performance.mark('console-interactive'));
}
