import { clockRequest, faultRequest } from '../sim-schemas';
import { fail, json, noContent } from '../http/reply';
import { parseBody } from '../http/request';
import type { Route } from '../router';
import { iso } from '../state/clock';

export const simControlRoutes: Route[] = [
  {
    pattern: '/_sim/outbox',
    methods: { GET: (req, state) => json(200, { messages: state.outbox.list(req.query.get('to') ?? undefined) }) },
  },
  {
    pattern: '/_sim/faults',
    methods: {
      POST: (req, state) => {
        const fault = parseBody(req, faultRequest);
        // An injected error must still look like an error: 2xx/3xx would break the error-shape promise.
        if (fault.status !== undefined && fault.status < 400) {
          return fail(400, 'invalid_request', 'status must be from 400 to 599.');
        }
        state.faults.arm(fault);
        return json(201, {});
      },
      DELETE: (_req, state) => {
        state.faults.clear();
        return noContent();
      },
    },
  },
  {
    pattern: '/_sim/clock',
    methods: {
      POST: (req, state) => {
        const { advanceMs } = parseBody(req, clockRequest);
        if (!Number.isFinite(advanceMs) || advanceMs < 0) return fail(400, 'invalid_request', 'advanceMs must be zero or more.');
        state.clock.advance(advanceMs);
        return json(200, { now: iso(state.clock.now()) });
      },
    },
  },
  {
    pattern: '/_sim/reset',
    methods: {
      POST: (_req, state) => {
        state.reset();
        return noContent();
      },
    },
  },
  {
    pattern: '/_sim/stats',
    methods: { GET: (_req, state) => json(200, { ...state.stats }) },
  },
];
