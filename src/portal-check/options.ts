import { parseArgs } from 'node:util';

export interface CheckOptions {
  url: string;
  username: string;
  customer?: string;
  resetUser?: string;
}

export const USAGE = 'Usage: npm run portal-check -- --url URL --username NAME [--customer TEXT] [--reset-user USERID]\n' +
  'The password comes from the environment variable PORTAL_PASSWORD, or a hidden prompt; never from an argument.';

export class UsageError extends Error {}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Reads the flags strictly; a password flag is refused outright so it never lands in shell history. */
export function parseCheckArgs(argv: readonly string[]): CheckOptions | 'help' {
  const args = argv.filter((arg) => arg !== '--');
  if (args.some((arg) => /^--pass(word)?(=|$)/.test(arg))) {
    throw new UsageError('The password is never an argument: set PORTAL_PASSWORD or type it at the prompt.');
  }
  let values;
  try {
    ({ values } = parseArgs({
      args,
      strict: true,
      allowPositionals: false,
      options: { url: { type: 'string' }, username: { type: 'string' }, customer: { type: 'string' }, 'reset-user': { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    }));
  } catch (error) {
    throw new UsageError((error as Error).message.split('\n')[0] ?? 'Bad arguments.');
  }
  if (values.help) return 'help';
  if (!values.url) throw new UsageError('--url is required.');
  if (!values.username) throw new UsageError('--username is required.');
  let url: URL;
  try {
    url = new URL(values.url);
  } catch {
    throw new UsageError(`--url must be an http(s) URL, not ${values.url}.`);
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOOPBACK.has(url.hostname))) {
    throw new UsageError('--url must use https:// (plain http only for a simulator on this machine): the parent-admin password goes over it.');
  }
  if (url.search || url.hash || url.username || url.password) throw new UsageError('--url must be the portal base URL, without query, fragment or credentials.');
  return {
    url: url.href.replace(/\/+$/, ''),
    username: values.username,
    ...(values.customer !== undefined ? { customer: values.customer } : {}),
    ...(values['reset-user'] !== undefined ? { resetUser: values['reset-user'] } : {}),
  };
}
