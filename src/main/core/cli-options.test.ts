import { describe, expect, it } from 'vitest';
import { isLoopbackHost } from '../../shared/portal-choice';
import { electronHostArgs, FlagError, parseHostFlags, remoteDebuggingPortFor } from './cli-options';

function refusal(run: () => unknown): string {
  try {
    run();
  } catch (err) {
    expect(err).toBeInstanceOf(FlagError);
    return (err as Error).message;
  }
  throw new Error('expected a refusal');
}

describe('host flags', () => {
  it('--team-db takes the team database address, and refuses one with a password without repeating it', () => {
    expect(parseHostFlags(['--team-db=postgres://desk_a@127.0.0.1:5433/helpdesk']).teamDb).toMatchObject({ user: 'desk_a', host: '127.0.0.1', port: 5433, database: 'helpdesk', tls: false });
    expect(parseHostFlags(['--team-db=postgres://desk_a@db.example.net/helpdesk']).teamDb).toMatchObject({ tls: true });
    let refused: unknown;
    try {
      parseHostFlags(['--team-db=postgres://desk_a:Hunter-2-secret@db.example.net/helpdesk']);
    } catch (err) {
      refused = err;
    }
    expect(refused).toBeInstanceOf(FlagError);
    expect((refused as Error).message).toMatch(/^--team-db refused: .*contains a password/);
    expect((refused as Error).message).not.toContain('Hunter-2-secret');
  });

  it('reads every flag both hosts accept', () => {
    expect(parseHostFlags(['--browser', '--headless', '--remote-debugging-port=9333', '--allow-remote-debugging', '--user-data-dir=/tmp/x', '--portal-url=https://portal.example.com/'])).toEqual({
      browser: true,
      headless: true,
      remoteDebuggingPort: 9333,
      allowRemoteDebugging: true,
      userDataDir: '/tmp/x',
      portal: { mode: 'url', url: 'https://portal.example.com' },
      teamDb: null,
    });
    expect(parseHostFlags(['--demo']).portal).toEqual({ mode: 'demo' });
    expect(parseHostFlags(['--remote-debugging-port', '9222']).remoteDebuggingPort).toBe(9222);
    expect(parseHostFlags([])).toMatchObject({ browser: false, portal: null, remoteDebuggingPort: null, allowRemoteDebugging: false });
  });

  it.each([
    ['--remote-debugging-port=0', 'port number from 1 to 65535'],
    ['--remote-debugging-port=abc', 'port number from 1 to 65535'],
    ['--remote-debugging-port=70000', 'port number from 1 to 65535'],
    ['--portal-url=ftp://x', 'must start with https://'],
    ['--portal-url=javascript:alert(1)', 'must start with https://'],
    ['--user-data-dir=', 'needs a folder'],
    ['--bogus', 'Unknown or malformed option "--bogus"'],
    ['--browser=yes', 'Unknown or malformed option'],
    ['stray', 'Unexpected argument'],
  ])('refuses %s with one clear line', (arg, message) => {
    const text = refusal(() => parseHostFlags([arg]));
    expect(text).toContain(message);
    expect(text).not.toContain('\n');
  });

  it('refuses --demo together with --portal-url', () => {
    expect(refusal(() => parseHostFlags(['--demo', '--portal-url=https://p.example']))).toContain('Choose one portal');
  });
});

describe('--portal-url: plain http only to real loopback', () => {
  it.each(['http://127.0.0.1:4010', 'http://127.9.8.7/', 'http://localhost:4010', 'http://[::1]:4010', 'http://127.1:4010'])('accepts %s', (url) => {
    expect(parseHostFlags([`--portal-url=${url}`]).portal).toMatchObject({ mode: 'url' });
  });

  it.each(['http://127.0.0.1.nip.io', 'http://127.attacker.test', 'http://localhost.attacker.test', 'http://10.0.0.5', 'http://portal.example.com', 'http://0.0.0.0:4010'])('refuses %s, naming the https alternative', (url) => {
    expect(refusal(() => parseHostFlags([`--portal-url=${url}`]))).toContain('plain http is allowed only for 127.x.x.x, ::1 or localhost');
  });

  it('is refused without echoing the password', () => {
    const text = refusal(() => parseHostFlags(['--portal-url=https://helpdesk:S3cret-Pw@portal.example.com']));
    expect(text).toContain('must not contain a user name or password');
    expect(text).not.toContain('S3cret-Pw');
  });

  it('knows loopback hosts by what they are, not how they begin', () => {
    expect(['localhost', '127.0.0.1', '127.255.0.1', '[::1]'].map(isLoopbackHost)).toEqual([true, true, true, true]);
    expect(['127.0.0.1.nip.io', 'localhost.', '128.0.0.1', 'mylocalhost'].map(isLoopbackHost)).toEqual([false, false, false, false]);
  });
});

describe('--remote-debugging-port beside a portal', () => {
  const port = { remoteDebuggingPort: 9333, allowRemoteDebugging: false };

  it('is honoured with the demo portal or a loopback portal', () => {
    expect(remoteDebuggingPortFor(port, { mode: 'demo' }, false)).toBe(9333);
    expect(remoteDebuggingPortFor(port, { mode: 'url', url: 'http://127.0.0.1:4010' }, false)).toBe(9333);
  });

  it('is refused beside a real portal, saying why, unless explicitly allowed', () => {
    expect(refusal(() => remoteDebuggingPortFor(port, { mode: 'url', url: 'https://portal.example.com' }, false))).toMatch(/real portal.*--allow-remote-debugging/);
    expect(remoteDebuggingPortFor({ ...port, allowRemoteDebugging: true }, { mode: 'url', url: 'https://portal.example.com' }, false)).toBe(9333);
  });

  it('is never opened by a packaged build', () => {
    expect(remoteDebuggingPortFor({ ...port, allowRemoteDebugging: true }, { mode: 'demo' }, true)).toBeNull();
    expect(remoteDebuggingPortFor({ remoteDebuggingPort: null, allowRemoteDebugging: true }, { mode: 'demo' }, false)).toBeNull();
  });
});

describe('Electron host arguments', () => {
  it('filters Electron’s own switches before the app path and keeps the console’s flags', () => {
    expect(electronHostArgs(['/x/electron', '--inspect=0', '--remote-debugging-port=0', '.', '--demo'], false)).toEqual(['--demo']);
    expect(electronHostArgs(['/opt/Reset Console/reset-console', '--headless'], true)).toEqual(['--headless']);
  });

  it.each([
    [['/x/electron', '--no-sandbox', '.', '--demo'], false],
    [['/x/electron', '.', '--disable-web-security'], false],
    [['/opt/rc/reset-console', '--no-sandbox'], true],
    [['/opt/rc/reset-console', '--remote-debugging-port=9222'], true],
    [['/opt/rc/reset-console', '--inspect=9229'], true],
  ] as const)('refuses a switch that weakens Chromium: %j', (argv, packaged) => {
    expect(refusal(() => electronHostArgs(argv, packaged))).toContain('refused');
  });
});
