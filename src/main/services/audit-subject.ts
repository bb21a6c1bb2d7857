import type { User, UserSummary } from '../../shared/domain/portal-entities';
import type { Portal } from './portal-profiles';

/** Customer and user fields of an audit entry, from what this session already knows. */
export function subjectOf(portal: Portal, customerId: string, userId: string, user?: UserSummary | User) {
  const customer = portal.directory.customer(customerId);
  const known = user ?? portal.directory.user(customerId, userId);
  return {
    customerId,
    customerName: customer?.name ?? null,
    accountNumber: customer?.accountNumber ?? null,
    userId,
    userName: known ? `${known.firstName} ${known.lastName}`.trim() : null,
    extension: known?.extension ?? null,
  };
}
