export interface CliOptions {
  port: number;
  host: string;
  data?: string;
  scale: number;
  seed?: string;
  help: boolean;
}

export const USAGE = 'Usage: npm run portal-sim -- [--port 4010] [--host 127.0.0.1] [--data FILE.json] [--scale N] [--seed S]';
export const DEFAULT_PORT = 4010;

export class CliUsageError extends Error {}

/** Parses `--flag value` and `--flag=value`; anything unexpected is a CliUsageError with a clear message. */
export function parseCliArgs(argv: readonly string[]): CliOptions {
  const options: CliOptions = { port: DEFAULT_PORT, host: '127.0.0.1', scale: 1, help: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--') continue;
    if (arg === '--help' || arg === '-h') {
      options.help = true;
      continue;
    }
    const eq = arg.indexOf('=');
    const flag = eq === -1 ? arg : arg.slice(0, eq);
    if (!['--port', '--host', '--data', '--scale', '--seed'].includes(flag)) throw new CliUsageError(`Unknown option ${arg}.`);
    let value: string | undefined;
    if (eq !== -1) value = arg.slice(eq + 1);
    else {
      value = argv[i + 1];
      i++;
    }
    if (value === undefined || value === '' || (eq === -1 && value.startsWith('--'))) throw new CliUsageError(`${flag} needs a value.`);
    switch (flag) {
      case '--port': {
        const port = /^[0-9]{1,5}$/.test(value) ? Number(value) : NaN;
        if (!(port >= 0 && port <= 65535)) throw new CliUsageError(`--port must be a number from 0 to 65535, not ${value}.`);
        options.port = port;
        break;
      }
      case '--scale': {
        const scale = /^[0-9]{1,4}$/.test(value) ? Number(value) : NaN;
        if (!(scale >= 1 && scale <= 1000)) throw new CliUsageError(`--scale must be a whole number from 1 to 1000, not ${value}.`);
        options.scale = scale;
        break;
      }
      case '--host':
        options.host = value;
        break;
      case '--data':
        options.data = value;
        break;
      case '--seed':
        options.seed = value;
        break;
    }
  }
  return options;
}
