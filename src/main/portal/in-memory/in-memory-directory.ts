import type { Customer, User } from '../../../shared/domain/portal-entities';
import type { ParentCredentials } from '../gateway';

/** What an in-memory portal knows: its parent admins and its customers with their users. */
export interface InMemoryDirectory {
  parentAdmins: ParentCredentials[];
  customers: { customer: Customer; users: User[] }[];
}

const createdAt = '2024-01-15T09:00:00.000Z';

export function inMemoryUser(userId: string, firstName: string, lastName: string, extension: string, email: string | null, extra: Partial<User> = {}): User {
  return {
    userId,
    firstName,
    lastName,
    extension,
    email,
    status: 'active',
    phoneNumber: null,
    alternateIds: [],
    department: null,
    password: { state: 'active', tempIssuedAt: null, tempExpiresAt: null, changedAt: createdAt, expiresAt: null },
    ...extra,
  };
}

export function inMemoryCustomer(id: string, name: string, extra: Partial<Customer> = {}): Customer {
  return { id, name, accountNumber: null, status: 'active', city: null, userCount: 0, address: null, primaryContact: null, createdAt, ...extra };
}

/** A small directory with the cases the services care about: a shared Email, a user without one, a suspended customer. */
export function demoDirectory(): InMemoryDirectory {
  return {
    parentAdmins: [{ username: 'helpdesk', password: 'in-memory-password' }],
    customers: [
      {
        customer: inMemoryCustomer('C1001', 'Acme Dental', { accountNumber: '100-2001', city: 'Leeds' }),
        users: [
          inMemoryUser('jsmith@acme.voip', 'Jane', 'Smith', '1042', 'jane.smith@acmedental.co.uk', { phoneNumber: '+441135551042' }),
          inMemoryUser('reception@acme.voip', 'Front', 'Desk', '1000', 'jane.smith@acmedental.co.uk'),
          inMemoryUser('tnoemail@acme.voip', 'Tom', 'Noemail', '1050', null),
        ],
      },
      { customer: inMemoryCustomer('C1002', 'Closed Ltd', { status: 'suspended' }), users: [inMemoryUser('a@closed.voip', 'Ann', 'Closed', '1', 'ann@closed.example')] },
    ],
  };
}
