import type { GatewayFactory } from './gateway';
import { createHttpV1Gateway } from './http-v1/http-v1-gateway';
import { createInMemoryGateway } from './in-memory/in-memory-gateway';

/**
 * Every kind of gateway the console can use, one line each. A new portal family is one new folder
 * beside `http-v1/` implementing `PortalGateway` (src/main/portal/gateway.ts) plus one line here.
 */
export const gatewayKinds = {
  'portal-wire-v1': createHttpV1Gateway,
  'in-memory': createInMemoryGateway,
} satisfies Record<string, GatewayFactory>;

export type GatewayKind = keyof typeof gatewayKinds;

/** Both the demo simulator and a configured portal URL speak Portal API v1.1. */
export const defaultGatewayKind: GatewayKind = 'portal-wire-v1';
