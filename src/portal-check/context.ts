import type { CustomerSummary, UserSummary } from '../shared/domain/portal-entities';
import type { PortalClient } from './client';
import type { CheckOptions } from './options';
import type { Runner } from './runner';

/** What the checks share as the run goes on. */
export interface CheckContext {
  client: PortalClient;
  runner: Runner;
  options: CheckOptions;
  password: string;
  /** The parent token the read-only checks use; signed out at the end. */
  parent: string;
}

export interface OpenCustomer {
  customer: CustomerSummary;
  capToken: string;
  users: UserSummary[];
}

export const enc = encodeURIComponent;
