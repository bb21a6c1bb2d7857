import { useSyncExternalStore } from 'react';

/**
 * Whether the last portal call failed because the portal could not be reached. Set by any query or
 * mutation failing with `portal_unreachable`, cleared by the next portal call that succeeds. Together
 * with `auth:status` polling it drives the offline banner.
 */
let unreachableSince: number | null = null;
const listeners = new Set<() => void>();

function emit(): void {
  for (const l of listeners) l();
}

export const connectivity = {
  markUnreachable(): void {
    if (unreachableSince === null) {
      unreachableSince = Date.now();
      emit();
    }
  },
  markReachable(): void {
    if (unreachableSince !== null) {
      unreachableSince = null;
      emit();
    }
  },
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  snapshot(): number | null {
    return unreachableSince;
  },
};

export function useUnreachableSince(): number | null {
  return useSyncExternalStore(connectivity.subscribe, connectivity.snapshot);
}

/** Query keys whose success proves the portal answered (history and settings are local). */
export function isPortalKey(key: readonly unknown[]): boolean {
  return key[0] === 'customers' || key[0] === 'users' || key[0] === 'reset';
}

/** `meta` of a mutation whose success proves the portal answered (settings, notes and history are local). */
export const portalMutation = { reachesPortal: true } as const;
