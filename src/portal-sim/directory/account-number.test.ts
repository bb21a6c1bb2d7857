import { describe, expect, it } from 'vitest';
import { Directory } from './directory';
import { customersFromDataFile } from './from-data-file';

const directory = new Directory(
  customersFromDataFile(
    {
      parentAdmins: [{ username: 'a', password: 'b' }],
      customers: [
        { id: 'C1', name: 'Acme Dental', accountNumber: '100-2001', users: [] },
        { id: 'C2', name: 'Oak Vets', accountNumber: 'AB 77-12', users: [] },
        { id: 'C3', name: 'No Number Ltd', users: [] },
      ],
    },
    new Date(0),
  ),
);
const names = (q: string) => directory.withAccountNumber(q).map((i) => directory.customers[i]?.name);

describe('customer search by account number (project extension)', () => {
  it('finds the customer whose account number the query is, ignoring spaces, dashes and case', () => {
    for (const q of ['100-2001', '100 2001', '1002001', ' 100 - 2001 ']) expect(names(q), q).toEqual(['Acme Dental']);
    expect(names('ab7712')).toEqual(['Oak Vets']);
  });

  it('needs the whole number: a prefix, a name or a blank finds nothing this way', () => {
    for (const q of ['100-200', '1002001x', 'Acme', ' - ', '']) expect(names(q), q).toEqual([]);
  });
});
