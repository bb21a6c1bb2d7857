import { describe, expect, it } from 'vitest';
import { Directory } from './directory';
import { decodeCursor, encodeCursor, searchUsers } from './user-search';

const directory = new Directory([
  {
    id: 'C1', name: 'Test', accountNumber: null, status: 'active', city: null, address: null, primaryContact: null, createdAt: new Date(0).toISOString(), userCount: 5,
    users: () => [
      { userId: 'b@t.voip', firstName: 'Zoë', lastName: "O'Brien", extension: '2001' },
      { userId: 'a@t.voip', firstName: 'Jane', lastName: 'Smith', extension: '1042' },
      { userId: 'c@t.voip', firstName: 'Jane', lastName: 'Smith', extension: '1043' },
      { userId: 'd@t.voip', firstName: 'Klaus', lastName: 'Voß', extension: '1100' },
      { userId: 'e@t.voip', firstName: 'Ana', lastName: 'Óscar', extension: '3000' },
    ],
  },
]);
const sorted = directory.usersOf(0);
const ids = (q: string, limit = 50, from = 0) => searchUsers(sorted, q, limit, from).users.map((u) => u.userId);

describe('user search', () => {
  it('sorts by last name, first name, User ID, accents folded', () => {
    expect(sorted.map((u) => u.userId)).toEqual(['b@t.voip', 'e@t.voip', 'a@t.voip', 'c@t.voip', 'd@t.voip']);
  });

  it('matches first, last, "first last" and extension prefixes', () => {
    expect(ids('jane')).toEqual(['a@t.voip', 'c@t.voip']);
    expect(ids('SMI')).toEqual(['a@t.voip', 'c@t.voip']);
    expect(ids('jane smith')).toEqual(['a@t.voip', 'c@t.voip']);
    expect(ids('104')).toEqual(['a@t.voip', 'c@t.voip']);
    expect(ids('1042')).toEqual(['a@t.voip']);
    expect(ids('voss')).toEqual(['d@t.voip']);
    expect(ids('zoe o')).toEqual(['b@t.voip']);
    expect(ids('smith jane')).toEqual([]);
    expect(ids('  ')).toHaveLength(5);
  });

  it('pages from a position and says where the next match is', () => {
    const first = searchUsers(sorted, '', 2, 0);
    expect(first.users).toHaveLength(2);
    expect(first.next).toBe(2);
    const filtered = searchUsers(sorted, 'jane', 1, 0);
    expect(filtered.next).toBe(3);
    expect(searchUsers(sorted, 'jane', 1, filtered.next!).next).toBeNull();
  });

  it('round-trips cursors and refuses anything else', () => {
    expect(decodeCursor(encodeCursor(3), 5)).toBe(3);
    expect(decodeCursor(encodeCursor(6), 5)).toBeNull();
    for (const bad of ['', 'abc', '!!!', Buffer.from('u1:-1').toString('base64url'), Buffer.from('u1:01').toString('base64url'), 'x'.repeat(100)]) {
      expect(decodeCursor(bad, 5)).toBeNull();
    }
  });
});
