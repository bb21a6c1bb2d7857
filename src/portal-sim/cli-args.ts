import { parseArgs } from 'node:util';

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

const OPTIONS = {
  port: { type: 'string' },
  host: { type: 'string' },
  data: { type: 'string' },
  scale: { type: 'string' },
  seed: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** Parses `--flag value` and `--flag=value` strictly; anything unexpected is a CliUsageError with a clear message. */
export function parseCliArgs(argv: readonly string[]): CliOptions {
  const args = joinDashValues(argv.filter((arg) => arg !== '--'));
  let values;
  try {
    ({ values } = parseArgs({ args, options: OPTIONS, strict: true, allowPositionals: false }));
  } catch (error) {
    throw new CliUsageError(usageMessage(error, args));
  }
  const options: CliOptions = { port: DEFAULT_PORT, host: '127.0.0.1', scale: 1, help: values.help === true };
  for (const flag of ['port', 'host', 'data', 'scale', 'seed'] as const) {
    const value = values[flag];
    if (value === undefined) continue;
    if (value === '') throw new CliUsageError(`--${flag} needs a value.`);
    applyValue(options, flag, value);
  }
  return options;
}

function applyValue(options: CliOptions, flag: 'port' | 'host' | 'data' | 'scale' | 'seed', value: string): void {
  switch (flag) {
    case 'port': {
      const port = /^[0-9]{1,5}$/.test(value) ? Number(value) : NaN;
      if (!(port >= 0 && port <= 65535)) throw new CliUsageError(`--port must be a number from 0 to 65535, not ${value}.`);
      options.port = port;
      break;
    }
    case 'scale': {
      const scale = /^[0-9]{1,4}$/.test(value) ? Number(value) : NaN;
      if (!(scale >= 1 && scale <= 1000)) throw new CliUsageError(`--scale must be a whole number from 1 to 1000, not ${value}.`);
      options.scale = scale;
      break;
    }
    default:
      options[flag] = value;
  }
}

const STRING_FLAGS = new Set(['--port', '--host', '--data', '--scale', '--seed']);

/**
 * npm passes a bare `--` through in some shells; it separates nothing here. A value that starts with
 * one "-" (`--port -1`) is a value, as it always was here, not the option parseArgs would suspect.
 */
function joinDashValues(argv: readonly string[]): string[] {
  const args: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const next = argv[i + 1];
    if (STRING_FLAGS.has(arg) && next !== undefined && next.startsWith('-') && !next.startsWith('--')) {
      args.push(`${arg}=${next}`);
      i++;
    } else args.push(arg);
  }
  return args;
}

/** The project's wording for what util.parseArgs refused, naming the argument as it was typed. */
function usageMessage(error: unknown, args: readonly string[]): string {
  const code = (error as { code?: string }).code;
  const message = (error as Error).message;
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && !message.includes('does not take an argument')) {
    return `${/'(--[a-z]+)/.exec(message)?.[1] ?? 'An option'} needs a value.`;
  }
  const named = /--help|'([^' ]+)'/.exec(message)?.[0].replace(/'/g, '') ?? '';
  return `Unknown option ${args.find((arg) => arg === named || arg.startsWith(`${named}=`)) ?? named}.`;
}
