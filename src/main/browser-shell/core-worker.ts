import { parentPort, workerData } from 'node:worker_threads';
import { createCore, type Core } from '../core/create-core';
import { createLogger } from '../log/logger';
import { appErrorOf } from '../../shared/error-table';
import type { CoreThreadData, FromCoreThread, ToCoreThread } from './core-thread-protocol';
import { isRefusal, planShell } from './shell-plan';
import packageJson from '../../../package.json';

/**
 * The browser shell's core on a thread of its own (started by core-thread.ts). It reads the command line
 * and loads the core (zod, axios, the services) while the main thread loads Playwright, so neither waits
 * for the other; and its work never holds up the main thread, which serves the renderer's files and
 * carries every call to and from the page.
 */
async function run(): Promise<void> {
  const port = parentPort;
  if (!port) throw new Error('core-worker.js runs only as a worker thread');
  const post = (message: FromCoreThread) => port.postMessage(message);
  const fail = (err: unknown) => post({ type: 'failed', refused: isRefusal(err), message: err instanceof Error ? err.message : String(err) });
  const data = workerData as CoreThreadData;
  let core: Core;
  try {
    const plan = await planShell(data);
    post({ type: 'plan', plan });
    core = await createCore({
      host: 'browser',
      version: packageJson.version,
      userDataDir: plan.userDataDir,
      portalOverride: plan.portalOverride,
      teamDb: plan.teamDb,
      allowedOrigin: data.allowedOrigin,
      log: createLogger(),
      // Loaded only when the demo portal is used, so a real-portal start does not pay for the simulator.
      startDemoPortal: async () => (await import('../../portal-sim/index')).startSimulator({ port: 0 }),
    });
  } catch (err) {
    fail(err);
    return;
  }
  port.on('message', (message: ToCoreThread) => {
    if (message.type === 'dispatch') {
      // The dispatcher answers every call with a Result; should it ever throw, the page still gets an answer.
      void core.dispatcher.dispatch(message.channel, message.input, message.sender).then(
        (result) => post({ type: 'result', id: message.id, result }),
        () => post({ type: 'result', id: message.id, result: { ok: false, error: appErrorOf('internal_error') } }),
      );
    } else if (message.type === 'close') {
      void core.close().finally(() => {
        post({ type: 'closed' });
        port.close();
      });
    }
  });
  post({ type: 'ready' });
}

void run();
