import { describe, expect, it } from 'vitest';
import { Clock, MINUTE } from './clock';
import { Lockouts } from './lockouts';
import { Sessions } from './sessions';

describe('Sessions', () => {
  it('expire 30 minutes after the last use, and only answer for their own kind', () => {
    const clock = new Clock();
    const sessions = new Sessions(clock);
    const { token, expiresAt } = sessions.open({ kind: 'cap', customerId: 'C1' });
    expect(expiresAt - clock.now()).toBeLessThanOrEqual(30 * MINUTE);
    expect(sessions.use(token, 'parent')).toBeUndefined();
    clock.advance(29 * MINUTE);
    expect(sessions.use(token, 'cap')).toEqual({ kind: 'cap', customerId: 'C1' });
    clock.advance(29 * MINUTE);
    expect(sessions.use(token, 'cap')).toBeDefined();
    clock.advance(30 * MINUTE);
    expect(sessions.use(token, 'cap')).toBeUndefined();
    expect(sessions.use(undefined, 'cap')).toBeUndefined();
  });

  it('sweeps abandoned tokens so memory stays flat', () => {
    const clock = new Clock();
    const sessions = new Sessions(clock);
    for (let i = 0; i < 999; i++) sessions.open({ kind: 'parent', username: 'x' });
    clock.advance(31 * MINUTE);
    sessions.open({ kind: 'parent', username: 'x' });
    expect(sessions.size).toBe(1);
  });
});

describe('Lockouts', () => {
  it('lock on the 5th failure for 15 minutes; success resets the count', () => {
    const clock = new Clock();
    const lockouts = new Lockouts(clock);
    for (let i = 0; i < 4; i++) lockouts.recordFailure('u');
    lockouts.recordSuccess('u');
    for (let i = 0; i < 4; i++) lockouts.recordFailure('u');
    expect(lockouts.retryAfterSeconds('u')).toBe(0);
    lockouts.recordFailure('u');
    expect(lockouts.retryAfterSeconds('u')).toBe(15 * 60);
    expect(lockouts.retryAfterSeconds('other')).toBe(0);
    clock.advance(15 * MINUTE);
    expect(lockouts.retryAfterSeconds('u')).toBe(0);
  });
});
