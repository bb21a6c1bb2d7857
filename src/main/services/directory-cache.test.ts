import { describe, expect, it } from 'vitest';
import { DirectoryCache, directoryCacheLimits } from './directory-cache';

const user = (n: number) => ({ userId: `u${n}@x.voip`, firstName: 'A', lastName: `B${n}`, extension: String(n), email: null, status: 'active' as const });
const customer = (n: number) => ({ id: `C${n}`, name: `Customer ${n}`, accountNumber: null, status: 'active' as const, city: null, userCount: 1 });

describe('DirectoryCache', () => {
  it('keeps the users of recent customers and lets the oldest go, so a long shift does not grow without end', () => {
    const cache = new DirectoryCache();
    const count = directoryCacheLimits.customersWithUsers + 5;
    for (let n = 0; n < count; n++) {
      cache.rememberUsers(`C${n}`, [user(n)]);
      if (n > 0) cache.user('C1', 'u1@x.voip'); // C1 is the customer the staffer keeps coming back to
    }
    expect(cache.user('C0', 'u0@x.voip')).toBeUndefined();
    expect(cache.user('C1', 'u1@x.voip')?.lastName).toBe('B1');
    expect(cache.user(`C${count - 1}`, `u${count - 1}@x.voip`)?.lastName).toBe(`B${count - 1}`);
  });

  it('bounds the customers it remembers from searches', () => {
    const cache = new DirectoryCache();
    cache.rememberCustomers(Array.from({ length: directoryCacheLimits.customers + 10 }, (_, n) => customer(n)));
    expect(cache.customer('C0')).toBeUndefined();
    expect(cache.customer(`C${directoryCacheLimits.customers + 9}`)?.name).toBe(`Customer ${directoryCacheLimits.customers + 9}`);
  });
});
