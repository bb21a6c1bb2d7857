import type { Reply } from './http/reply';
import type { SimRequest } from './http/request';
import type { SimState } from './state/sim-state';

export type Handler = (req: SimRequest, state: SimState) => Reply | Promise<Reply>;

export interface Route {
  /** Path with `:name` segments, e.g. `/cap/v1/users/:userId`. */
  pattern: string;
  methods: Partial<Record<'GET' | 'POST' | 'PATCH' | 'DELETE', Handler>>;
}

export type RouteMatch =
  | { kind: 'found'; handler: Handler; params: Record<string, string> }
  | { kind: 'not_found' }
  | { kind: 'method_not_allowed'; allow: string[] }
  | { kind: 'bad_encoding' };

interface Compiled {
  route: Route;
  segments: string[];
}

export class Router {
  private readonly compiled: Compiled[];
  constructor(routes: readonly Route[]) {
    this.compiled = routes.map((route) => ({ route, segments: route.pattern.split('/').slice(1) }));
  }

  match(method: string, pathname: string): RouteMatch {
    const rawSegments = pathname.split('/').slice(1);
    for (const { route, segments } of this.compiled) {
      if (segments.length !== rawSegments.length) continue;
      const params: Record<string, string> = {};
      let ok = true;
      for (let i = 0; i < segments.length && ok; i++) {
        const expected = segments[i] ?? '';
        const actual = rawSegments[i] ?? '';
        if (expected.startsWith(':')) {
          if (actual.length === 0) ok = false;
          else {
            try {
              params[expected.slice(1)] = decodeURIComponent(actual);
            } catch {
              return { kind: 'bad_encoding' };
            }
          }
        } else if (expected !== actual) ok = false;
      }
      if (!ok) continue;
      const handler = route.methods[method as keyof Route['methods']];
      if (!handler) return { kind: 'method_not_allowed', allow: Object.keys(route.methods) };
      return { kind: 'found', handler, params };
    }
    return { kind: 'not_found' };
  }
}
