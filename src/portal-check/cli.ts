import { parseCheckArgs, UsageError, USAGE } from './options';
import { promptHidden } from './prompt';
import { runPortalCheck } from './run';

/**
 * `npm run portal-check -- --url URL --username NAME [--customer TEXT] [--reset-user USERID]`:
 * checks a portal (the simulator, or a provider's adapter) against Portal API v1.1. Exit 0 only when
 * every check passed; 1 when one failed; 2 for bad arguments.
 */
async function main(): Promise<number> {
  let options;
  try {
    options = parseCheckArgs(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`${error.message}\n${USAGE}\n`);
    return 2;
  }
  if (options === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  let password = process.env.PORTAL_PASSWORD;
  if (password === undefined || password === '') {
    if (!process.stdin.isTTY) {
      process.stderr.write('Set PORTAL_PASSWORD, or run portal-check in a terminal to be asked for the password.\n');
      return 2;
    }
    password = await promptHidden(`Password for ${options.username} at ${options.url}: `);
  }
  const mode = options.resetUser !== undefined ? `sends one reset to ${options.resetUser}` : 'read-only';
  process.stdout.write(`Checking ${options.url} against Portal API v1.1 (${mode})\n`);
  const { passed, failed } = await runPortalCheck(options, password, (line) => process.stdout.write(`${line}\n`));
  process.stdout.write(`${passed} passed, ${failed} failed\n`);
  return failed === 0 && passed > 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`portal-check failed: ${(error as Error).message}\n`);
    process.exit(1);
  },
);
