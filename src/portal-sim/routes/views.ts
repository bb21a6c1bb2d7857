import type { CallerHit, Customer, CustomerSummary, User, UserSummary } from '../../shared/domain/portal-entities';
import type { CallerHitRef } from '../directory/caller-index';
import type { DirCustomer, DirUser } from '../directory/model';
import type { SimState } from '../state/sim-state';

export function customerSummaryOf(c: DirCustomer): CustomerSummary {
  return { id: c.id, name: c.name, accountNumber: c.accountNumber, status: c.status, city: c.city, userCount: c.userCount };
}

export function customerOf(c: DirCustomer): Customer {
  return { ...customerSummaryOf(c), address: c.address, primaryContact: c.primaryContact, createdAt: c.createdAt };
}

export function userSummaryOf(u: DirUser, state: SimState): UserSummary {
  return { userId: u.userId, firstName: u.firstName, lastName: u.lastName, extension: u.extension, email: state.accounts.emailOf(u), status: u.status };
}

export function userOf(u: DirUser, state: SimState): User {
  return {
    ...userSummaryOf(u, state),
    phoneNumber: u.phoneNumber,
    alternateIds: [...u.alternateIds],
    department: u.department,
    password: state.accounts.passwordState(u),
  };
}

export function callerHitOf(hit: CallerHitRef, state: SimState): CallerHit {
  return { ...userSummaryOf(hit.user, state), phoneNumber: hit.user.phoneNumber, customer: customerSummaryOf(hit.customer), matchedOn: hit.matchedOn };
}
