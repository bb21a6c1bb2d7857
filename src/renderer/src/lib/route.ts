import { useEffect, useState } from 'react';

export type Route = 'console' | 'history' | 'settings';
const routes: readonly Route[] = ['console', 'history', 'settings'];

export function routeFromHash(hash: string): Route {
  const name = hash.replace(/^#\/?/, '');
  return (routes as readonly string[]).includes(name) ? (name as Route) : 'console';
}

export function hrefOf(route: Route): string {
  return `#/${route}`;
}

export function navigate(route: Route): void {
  if (routeFromHash(window.location.hash) !== route || window.location.hash === '') window.location.hash = hrefOf(route);
}

/** Hash routing: no history API server needed, works under a custom protocol. */
export function useRoute(): Route {
  const [route, setRoute] = useState<Route>(() => routeFromHash(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(routeFromHash(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
