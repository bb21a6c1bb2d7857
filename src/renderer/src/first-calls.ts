import type { Api } from '../../shared/ipc/api';

type FirstCalls = {
  info: ReturnType<Api['app']['info']>;
  settings: ReturnType<Api['settings']['get']>;
  status: ReturnType<Api['auth']['status']>;
};

/**
 * The call for this query that public/first-calls.js sent before the app loaded, once; every later fetch
 * (a refetch, a retry) asks the core afresh. Undefined when there was none.
 */
export function takeFirstCall<K extends keyof FirstCalls>(name: K): FirstCalls[K] | undefined {
  const calls = (window as { firstCalls?: Partial<FirstCalls> }).firstCalls;
  const call = calls?.[name];
  if (calls) delete calls[name];
  return call;
}
