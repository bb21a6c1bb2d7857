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
});
