import { describe, expect, it } from 'vitest';
import { FlagError, parseHostFlags } from './cli-options';

describe('host flags', () => {
  it('reads every flag both hosts accept', () => {
    expect(parseHostFlags(['--browser', '--headless', '--remote-debugging-port=9333', '--user-data-dir=/tmp/x', '--portal-url=https://portal.example.com/'])).toEqual({
      browser: true,
      headless: true,
      remoteDebuggingPort: 9333,
      userDataDir: '/tmp/x',
      portal: { mode: 'url', url: 'https://portal.example.com' },
    });
    expect(parseHostFlags(['--demo']).portal).toEqual({ mode: 'demo' });
    expect(parseHostFlags([])).toMatchObject({ browser: false, portal: null, remoteDebuggingPort: null });
  });

  it.each([['--remote-debugging-port=0'], ['--remote-debugging-port=abc'], ['--portal-url=ftp://x'], ['--portal-url=javascript:alert(1)'], ['--user-data-dir='], ['--bogus']])('refuses %s', (arg) => {
    expect(() => parseHostFlags([arg])).toThrow(FlagError);
  });
});

describe('--portal-url with credentials in it', () => {
  it('is refused without echoing the password', () => {
    let message = '';
    try {
      parseHostFlags(['--portal-url=https://helpdesk:S3cret-Pw@portal.example.com']);
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message).toContain('without a user name or password');
    expect(message).not.toContain('S3cret-Pw');
  });
});
