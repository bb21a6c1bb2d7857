import { createDispatcher, type Dispatcher, type Handlers } from '../ipc/dispatcher';
import type { Logger } from '../log/logger';
import { AppFailure } from '../../shared/errors';
import type { AppInfo } from '../../shared/ipc/contract';

/** A portal to talk to: the built-in simulator (demo) or a configured URL. */
export type PortalChoice = { mode: 'demo' } | { mode: 'url'; url: string };

/** Starts the built-in portal simulator on a free loopback port; injected by the host. */
export type DemoPortalStarter = () => Promise<{ url: string; close(): Promise<void> }>;

export interface CoreOptions {
  host: AppInfo['host'];
  version: string;
  /** Where settings, the audit log and logs live. */
  userDataDir: string;
  /** From `--demo` / `--portal-url`; overrides the stored profile for this run. */
  portalOverride: PortalChoice | null;
  /** The only origin allowed to call the core, e.g. `app://console`. */
  allowedOrigin: string;
  log: Logger;
  startDemoPortal: DemoPortalStarter;
}

export interface Core {
  dispatcher: Dispatcher;
  close(): Promise<void>;
}

function notYetBuilt(): never {
  throw new AppFailure('internal_error', { message: 'This part of the console is not built yet.' });
}

/** Assembles services behind the dispatcher. Host-neutral: no Electron imports below this line. */
export async function createCore(options: CoreOptions): Promise<Core> {
  const portalMode = options.portalOverride?.mode === 'url' ? options.portalOverride.url : 'demo';
  const handlers: Handlers = {
    'app:info': async () => ({ version: options.version, host: options.host, portalMode, keychain: { status: 'unavailable', reason: 'not probed yet' } }),
    'settings:get': notYetBuilt,
    'settings:setStaffName': notYetBuilt,
    'auth:signIn': notYetBuilt,
    'auth:forget': notYetBuilt,
    'auth:status': notYetBuilt,
    'customers:search': notYetBuilt,
    'customers:get': notYetBuilt,
    'customers:open': notYetBuilt,
    'users:search': notYetBuilt,
    'users:get': notYetBuilt,
    'users:setEmail': notYetBuilt,
    'reset:warnings': notYetBuilt,
    'reset:start': notYetBuilt,
    'reset:status': notYetBuilt,
    'history:list': notYetBuilt,
    'history:refreshStatus': notYetBuilt,
    'history:exportCsv': notYetBuilt,
    'history:noteCopied': notYetBuilt,
  };
  return { dispatcher: createDispatcher(handlers, options.allowedOrigin, options.log), close: async () => {} };
}
