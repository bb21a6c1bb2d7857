import type { AddressInfo } from 'node:net';
import type { DataFile } from './data-file';
import { Directory } from './directory/directory';
import { customersFromDataFile } from './directory/from-data-file';
import { generateDirectory } from './directory/generate';
import { validateDataFile } from './load-data-file';
import { createSimServer } from './server';
import { SimState } from './state/sim-state';

export { demoCredentials } from './demo-credentials';
export { loadDataFile } from './load-data-file';

export interface SimulatorOptions {
  /** 0 = a free port (default). */
  port?: number;
  /** Default 127.0.0.1: the simulator is for this machine only. */
  host?: string;
  data?: DataFile;
  seed?: string | number;
  scale?: number;
}

export interface SimulatorHandle {
  url: string;
  port: number;
  /** The first parent admin of the loaded directory. */
  credentials: { username: string; password: string };
  close(): Promise<void>;
}

export async function startSimulator(options: SimulatorOptions = {}): Promise<SimulatorHandle> {
  const scale = options.scale ?? 1;
  if (!Number.isInteger(scale) || scale < 1) throw new Error('scale must be a whole number of at least 1');
  const loadedAt = new Date();
  const source = options.data
    ? (() => {
        const data = validateDataFile(options.data);
        return { parentAdmins: data.parentAdmins, customers: customersFromDataFile(data, loadedAt) };
      })()
    : generateDirectory(options.seed, scale);
  const state = new SimState(new Directory(source.customers), source.parentAdmins, loadedAt.getTime());
  const { server, abort } = createSimServer(state);
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const first = source.parentAdmins[0];
  if (!first) throw new Error('no parent admin');
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    port,
    credentials: { username: first.username, password: first.password },
    close: () =>
      new Promise<void>((resolve) => {
        abort.abort();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
