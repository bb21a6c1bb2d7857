import type { Api } from '../../shared/ipc/api';

declare global {
  interface Window {
    /** The only door to the main process (see src/shared/ipc/contract.ts). */
    readonly api: Api;
  }
}
export {};
