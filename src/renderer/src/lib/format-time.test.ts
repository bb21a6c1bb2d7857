import { describe, expect, it } from 'vitest';
import { describeRemaining, formatCountdown, formatRelative } from './format-time';

const now = Date.parse('2026-11-27T13:05:00.000Z');
const min = 60_000;
const hour = 60 * min;

describe('formatRelative', () => {
  it('says just now around the present', () => {
    expect(formatRelative(now + 10_000, now)).toBe('just now');
    expect(formatRelative(now - 30_000, now)).toBe('just now');
  });
  it('uses minutes, hours and days, future and past', () => {
    expect(formatRelative(now + 5 * min, now)).toBe('in 5 min');
    expect(formatRelative(now - 5 * min, now)).toBe('5 min ago');
    expect(formatRelative(now + 24 * hour - 1, now)).toBe('in 23 h 59 min');
    expect(formatRelative(now + 2 * hour, now)).toBe('in 2 h');
    expect(formatRelative(now + 24 * hour, now)).toBe('in 1 day');
    expect(formatRelative(now - 90 * 24 * hour, now)).toBe('90 days ago');
  });
});

describe('formatCountdown', () => {
  it('counts down in h:mm:ss and stops at zero', () => {
    expect(formatCountdown(24 * hour)).toBe('24:00:00');
    expect(formatCountdown(23 * hour + 59 * min + 7_500)).toBe('23:59:07');
    expect(formatCountdown(59_000)).toBe('0:00:59');
    expect(formatCountdown(-5_000)).toBe('0:00:00');
  });
});

describe('describeRemaining', () => {
  it('speaks the remaining time', () => {
    expect(describeRemaining(23 * hour + 59 * min + 30_000)).toBe('23 hours 59 minutes left');
    expect(describeRemaining(hour)).toBe('1 hour left');
    expect(describeRemaining(min)).toBe('1 minute left');
    expect(describeRemaining(30_000)).toBe('less than a minute left');
    expect(describeRemaining(0)).toBe('expired');
  });
});
