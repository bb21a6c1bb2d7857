import type { DataFileUser } from '../data-file';

/** A user as the simulator keeps it: the loaded fields plus folded copies for matching. */
export interface DirUser {
  userId: string;
  firstName: string;
  lastName: string;
  extension: string;
  phoneNumber: string | null;
  email: string | null;
  alternateIds: string[];
  department: string | null;
  status: 'active' | 'disabled';
  password: string | null;
  passwordChangedAt: number | null;
  foldedFirst: string;
  foldedLast: string;
  foldedFull: string;
}

export interface DirCustomer {
  index: number;
  id: string;
  name: string;
  accountNumber: string | null;
  status: 'active' | 'suspended';
  city: string | null;
  address: string | null;
  primaryContact: { name: string | null; email: string | null; phone: string | null } | null;
  createdAt: string;
  userCount: number;
  foldedName: string;
}

/**
 * A customer before loading. Generated directories are too big to hold every user at scale, so their
 * users are produced on first use; `userDomain` (every User ID of the customer ends `@userDomain`)
 * lets a sign-in find the customer without materialising the whole directory.
 */
export interface CustomerInput extends Omit<DirCustomer, 'index' | 'foldedName'> {
  users: () => DataFileUser[];
  userDomain?: string;
}
