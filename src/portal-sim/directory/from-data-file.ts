import type { DataFile } from '../data-file';
import type { CustomerInput } from './model';

/** Turns a loaded `--data` file into directory input; absent optional fields become null. */
export function customersFromDataFile(data: DataFile, loadedAt: Date): CustomerInput[] {
  return data.customers.map((c) => ({
    id: c.id,
    name: c.name,
    accountNumber: c.accountNumber ?? null,
    status: c.status ?? 'active',
    city: c.city ?? null,
    address: c.address ?? null,
    primaryContact: c.primaryContact
      ? { name: c.primaryContact.name ?? null, email: c.primaryContact.email ?? null, phone: c.primaryContact.phone ?? null }
      : null,
    createdAt: c.createdAt ? new Date(c.createdAt).toISOString() : loadedAt.toISOString(),
    userCount: c.users.length,
    users: () => c.users,
  }));
}
