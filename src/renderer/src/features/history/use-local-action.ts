import { useState } from 'react';

/**
 * A click that runs something local (export, copying a note): pending and error state without
 * react-query's mutation cache, whose success handler would take a success here for proof that the
 * portal answered and clear the offline banner.
 */
export function useLocalAction<A extends unknown[]>(run: (...args: A) => Promise<void>) {
  const [pending, setPending] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  async function start(key: string, ...args: A): Promise<void> {
    setPending(key);
    setError(null);
    try {
      await run(...args);
    } catch (err) {
      setError(err);
    } finally {
      setPending(null);
    }
  }
  return { start, pending, error };
}
