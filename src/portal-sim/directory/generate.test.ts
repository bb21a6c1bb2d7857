import { describe, expect, it } from 'vitest';
import { Directory } from './directory';
import { BIG_CUSTOMER_USERS, generateDirectory } from './generate';

const directory = new Directory(generateDirectory().customers);
const allUsers = directory.customers.flatMap((c) => directory.usersOf(c.index).map((u) => ({ c, u })));

describe('generated directory', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    const again = new Directory(generateDirectory().customers);
    expect(again.customers.map((c) => [c.name, c.userCount])).toEqual(directory.customers.map((c) => [c.name, c.userCount]));
    expect(again.usersOf(10)).toEqual(directory.usersOf(10));
    const other = new Directory(generateDirectory('another seed').customers);
    expect(other.customers.slice(10, 30).map((c) => c.name)).not.toEqual(directory.customers.slice(10, 30).map((c) => c.name));
  });

  it('has about 300 customers of 5 to 400 users, mostly small', () => {
    expect(directory.customers).toHaveLength(300);
    const counts = directory.customers.map((c) => c.userCount);
    expect(Math.min(...counts)).toBeGreaterThanOrEqual(5);
    expect(Math.max(...counts)).toBeLessThanOrEqual(400);
    const sorted = [...counts].sort((a, b) => a - b);
    expect(sorted[150]!).toBeLessThan(60);
    for (const c of directory.customers) expect(directory.usersOf(c.index)).toHaveLength(c.userCount);
    expect(directory.customers.map((c) => c.id).slice(0, 3)).toEqual(['C1001', 'C1002', 'C1003']);
  });

  it('holds Jane Smith of Acme Dental as documented', () => {
    const found = directory.findUser('JSMITH@ACME.VOIP');
    expect(found?.customer.name).toBe('Acme Dental');
    expect(found?.user).toMatchObject({
      userId: 'jsmith@acme.voip', firstName: 'Jane', lastName: 'Smith', extension: '1042', email: 'jane.smith@acmedental.co.uk',
      alternateIds: ['jane.s'], phoneNumber: '+441135551042', status: 'active',
    });
  });

  it('contains the awkward cases a helpdesk meets', () => {
    const names = directory.customers.map((c) => c.name);
    expect(names).toEqual(expect.arrayContaining(['Acme Dental', 'Acme Dental Group', 'ACME Logistics', '<b>Bold</b> Networks']));
    expect(directory.customers.some((c) => c.status === 'suspended')).toBe(true);
    const differs = allUsers.filter(({ u }) => u.email !== null && u.email !== u.userId).length;
    expect(differs / allUsers.length).toBeGreaterThan(0.5);
    expect(allUsers.some(({ u }) => u.email === null)).toBe(true);
    expect(allUsers.some(({ u }) => u.email === u.userId)).toBe(true);
    expect(allUsers.some(({ u }) => u.status === 'disabled')).toBe(true);
    const with1042 = new Set(allUsers.filter(({ u }) => u.extension === '1042').map(({ c }) => c.id));
    expect(with1042.size).toBeGreaterThan(20);
    const fullNames = allUsers.map(({ u }) => `${u.firstName} ${u.lastName}`);
    expect(fullNames).toEqual(expect.arrayContaining(["Zoë O'Brien", 'José Núñez']));
    expect(allUsers.some(({ u }) => u.lastName === 'Voß')).toBe(true);
    expect(allUsers.some(({ u }) => /<[a-z]+>/.test(u.lastName))).toBe(true);
    const acme = directory.usersOf(0).map((u) => `${u.firstName} ${u.lastName}`);
    expect(acme.filter((n) => n === 'Sam Taylor')).toHaveLength(2);
  });

  it('gives every user a unique User ID that looks like an e-mail address', () => {
    const ids = allUsers.map(({ u }) => u.userId.toLowerCase());
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+@[a-z0-9]+\.voip$/);
    for (const { c, u } of allUsers.slice(0, 2000)) expect(directory.findUser(u.userId)?.customer.id).toBe(c.id);
  });

  it('multiplies customers with --scale, and from 10 has one customer of 20,000 users', () => {
    const scaled = generateDirectory(undefined, 10).customers;
    expect(scaled).toHaveLength(3000);
    expect(scaled.filter((c) => c.userCount === BIG_CUSTOMER_USERS)).toHaveLength(1);
    expect(generateDirectory(undefined, 9).customers.some((c) => c.userCount === BIG_CUSTOMER_USERS)).toBe(false);
    const big = new Directory(scaled);
    const index = scaled.findIndex((c) => c.userCount === BIG_CUSTOMER_USERS);
    const users = big.usersOf(index);
    expect(users).toHaveLength(BIG_CUSTOMER_USERS);
    expect(new Set(users.map((u) => u.userId)).size).toBe(BIG_CUSTOMER_USERS);
    expect(new Set(scaled.map((c) => c.userDomain)).size).toBe(scaled.length);
  });
});
