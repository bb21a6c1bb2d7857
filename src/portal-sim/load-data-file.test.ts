import { describe, expect, it } from 'vitest';
import { fieldPath, validateDataFile } from './load-data-file';

describe('validateDataFile', () => {
  it('formats issue paths like customers[2].users[0].userId', () => {
    expect(fieldPath(['customers', 2, 'users', 0, 'userId'])).toBe('customers[2].users[0].userId');
    expect(fieldPath([])).toBe('');
  });

  it('names the first bad field', () => {
    const base = { parentAdmins: [{ username: 'a', password: 'b' }], customers: [{ id: 'C1', name: 'X', users: [{ firstName: 'A', lastName: 'B', extension: '1' }] }] };
    expect(() => validateDataFile(base)).toThrow('customers[0].users[0].userId: Required');
    expect(() => validateDataFile({ ...base, customers: 'no' })).toThrow(/^customers: /);
    expect(() => validateDataFile(null)).toThrow(/^\(file\): /);
  });

  it('refuses duplicate customer ids', () => {
    const data = { parentAdmins: [{ username: 'a', password: 'b' }], customers: [{ id: 'C1', name: 'X', users: [] }, { id: 'C1', name: 'Y', users: [] }] };
    expect(() => validateDataFile(data)).toThrow('customers[1].id: duplicate');
  });
});
