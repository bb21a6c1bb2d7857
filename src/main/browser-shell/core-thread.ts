import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Core } from '../core/create-core';
import type { SenderInfo } from '../ipc/dispatcher';
import { appErrorOf } from '../../shared/error-table';
import type { Result } from '../../shared/errors';
import type { CoreThreadData, FromCoreThread, ShellPlan, ToCoreThread } from './core-thread-protocol';

/** A refused flag, user-data folder or audit file: the CLI ends with the sentence and exit code 2. */
export class StartRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StartRefused';
  }
}

const stopped: Result<unknown> = {
  ok: false,
  error: appErrorOf('internal_error', { message: 'The console’s core has stopped. Close the console and start it again.', retryable: false }),
};

/** Beside the bundle (`out/main`), or the source when the CLI runs from TypeScript (`node --import tsx src/…/cli.ts`). */
function coreWorkerFile(): string {
  const bundled = join(__dirname, 'core-worker.js');
  return existsSync(bundled) ? bundled : join(__dirname, 'core-worker.ts');
}

export interface CoreThread {
  /** The command line, checked; rejects with StartRefused when it is refused. */
  plan: Promise<ShellPlan>;
  /** The core, answering as a `Core`: the same dispatcher, one message each way per call. */
  core: Promise<Core>;
}

/**
 * Starts the core on a worker thread (`core-worker.js`, bundled beside this file). One per process: keytar,
 * a native module, crashes the process when a second worker loads it after the first has ended.
 */
export function startCoreThread(data: CoreThreadData, workerFile = coreWorkerFile()): CoreThread {
  // From source, the worker registers tsx's loader in its own thread first (tsx is a dev dependency).
  const worker = workerFile.endsWith('.ts')
    ? new Worker(`require('tsx/cjs/api').register(); require(${JSON.stringify(workerFile)});`, { eval: true, workerData: data })
    : new Worker(workerFile, { workerData: data });
  const pending = new Map<number, (result: Result<unknown>) => void>();
  let nextId = 1;
  let alive = true;
  let onClosed: (() => void) | null = null;
  const send = (message: ToCoreThread) => worker.postMessage(message);

  const core: Core = {
    dispatcher: {
      dispatch(channel: string, input: unknown, sender: SenderInfo) {
        if (!alive) return Promise.resolve(stopped);
        const id = nextId++;
        return new Promise((resolve) => {
          pending.set(id, resolve);
          try {
            send({ type: 'dispatch', id, channel, input, sender });
          } catch {
            // Input that cannot be copied to the core's thread cannot be valid input either.
            pending.delete(id);
            resolve({ ok: false, error: appErrorOf('invalid_input') });
          }
        });
      },
    },
    close() {
      if (!alive) return Promise.resolve();
      return new Promise((resolve) => {
        onClosed = resolve;
        send({ type: 'close' });
      });
    },
  };

  let settlePlan!: { resolve: (plan: ShellPlan) => void; reject: (err: Error) => void };
  let settleCore!: { resolve: (core: Core) => void; reject: (err: Error) => void };
  const plan = new Promise<ShellPlan>((resolve, reject) => (settlePlan = { resolve, reject }));
  const ready = new Promise<Core>((resolve, reject) => (settleCore = { resolve, reject }));
  const failStart = (err: Error) => {
    settlePlan.reject(err);
    settleCore.reject(err);
  };
  // Whoever awaits only one of them must not leave the other's rejection unhandled.
  plan.catch(() => {});
  ready.catch(() => {});

  worker.on('message', (message: FromCoreThread) => {
    if (message.type === 'plan') settlePlan.resolve(message.plan);
    else if (message.type === 'ready') settleCore.resolve(core);
    else if (message.type === 'failed') failStart(message.refused ? new StartRefused(message.message) : new Error(message.message));
    else if (message.type === 'result') {
      pending.get(message.id)?.(message.result);
      pending.delete(message.id);
    } else if (message.type === 'closed') void worker.terminate();
  });
  const end = (err: Error) => {
    failStart(err);
    alive = false;
    for (const resolve of pending.values()) resolve(stopped);
    pending.clear();
    onClosed?.();
  };
  worker.on('error', end);
  worker.on('exit', () => end(new Error('the console’s core stopped while starting')));
  return { plan, core: ready };
}
