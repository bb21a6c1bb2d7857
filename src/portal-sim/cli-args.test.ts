import { describe, expect, it } from 'vitest';
import { CliUsageError, DEFAULT_PORT, parseCliArgs } from './cli-args';

describe('parseCliArgs', () => {
  it('defaults to loopback, port 4010, scale 1', () => {
    expect(parseCliArgs([])).toEqual({ port: DEFAULT_PORT, host: '127.0.0.1', scale: 1, help: false });
  });

  it('reads every flag in both forms', () => {
    expect(parseCliArgs(['--', '--port', '0', '--host=::1', '--data', 'd.json', '--scale=300', '--seed', 's1'])).toEqual({
      port: 0, host: '::1', data: 'd.json', scale: 300, seed: 's1', help: false,
    });
  });

  it.each([[['--nope']], [['--port']], [['--port', '--scale', '2']], [['--port', '-1']], [['--port', '65536']], [['--scale', '0']], [['--scale', 'x']], [['stray']], [['--data=']]])(
    'refuses %j with a usage error',
    (argv) => {
      expect(() => parseCliArgs(argv)).toThrow(CliUsageError);
    },
  );

  it.each([
    [['--nope=1'], 'Unknown option --nope=1.'],
    [['stray'], 'Unknown option stray.'],
    [['--help=x'], 'Unknown option --help=x.'],
    [['--port'], '--port needs a value.'],
    [['--port', '--scale', '2'], '--port needs a value.'],
    [['--data='], '--data needs a value.'],
    [['--port', '-1'], '--port must be a number from 0 to 65535, not -1.'],
    [['--scale=1001'], '--scale must be a whole number from 1 to 1000, not 1001.'],
  ])('says what is wrong with %j', (argv, message) => {
    expect(() => parseCliArgs(argv)).toThrow(message);
  });

  it('takes a value that starts with one dash, and -h for help', () => {
    expect(parseCliArgs(['--seed', '-7', '-h'])).toMatchObject({ seed: '-7', help: true });
  });
});
