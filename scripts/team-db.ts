/**
 * `npm run team-db -- migrate --url postgres://ADMIN@HOST:PORT/DB --app-role helpdesk_app`
 *
 * Creates or updates the team reset history (schema reset_history, versioned migrations, safe to run
 * again) and the app role, which may only INSERT and SELECT. Run by the team lead with an admin login
 * that owns the database. The password, if the server asks, comes from PGPASSWORD or is asked on the
 * terminal; it is never accepted in the URL.
 */
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import { appRoleName, describeTarget, migrate, parseTeamDbUrl, TeamDbError, teamSchema } from '../src/main/audit/team-postgres';
import { openTeamPool, withClient } from '../src/main/audit/team-postgres/connection';

const usage = 'usage: npm run team-db -- migrate --url postgres://ADMIN@HOST:PORT/DB --app-role ROLE';

function askHidden(question: string): Promise<string> {
  if (!process.stdin.isTTY) return Promise.reject(new TeamDbError('password_needed', 'The server asks for a password: set PGPASSWORD or run this in a terminal.'));
  let muted = false;
  const output = new Writable({
    write(chunk, _enc, done) {
      if (!muted) process.stdout.write(chunk);
      done();
    },
  });
  const rl = createInterface({ input: process.stdin, output, terminal: true });
  return new Promise((resolve) => {
    rl.question(question, (answer) => {
      rl.close();
      process.stdout.write('\n');
      resolve(answer);
    });
    muted = true;
  });
}

async function main(): Promise<number> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { url: { type: 'string' }, 'app-role': { type: 'string' } },
  });
  if (positionals[0] !== 'migrate' || !values.url || !values['app-role']) {
    process.stderr.write(`${usage}\n`);
    return 2;
  }
  const role = appRoleName.safeParse(values['app-role']);
  if (!role.success) {
    process.stderr.write(`${role.error.issues[0]?.message}\n`);
    return 2;
  }
  const target = parseTeamDbUrl(values.url);
  const pool = openTeamPool(target, {
    max: 1,
    password: async (who) => process.env.PGPASSWORD || askHidden(`Password for ${who.user}@${who.host}: `),
  });
  try {
    const result = await withClient(pool, target, (client) => migrate(client, role.data));
    process.stdout.write(
      [
        `${describeTarget(target)}: schema ${teamSchema} at version ${result.version}` +
          (result.applied.length ? ` (applied now: ${result.applied.join(', ')})` : ' (already up to date)'),
        `Role ${role.data}: SELECT and INSERT on ${teamSchema}.entries; no UPDATE, DELETE or TRUNCATE.`,
        `Each staffer's login: CREATE ROLE desk_a LOGIN PASSWORD '…' IN ROLE ${role.data};`,
        '',
      ].join('\n'),
    );
    return 0;
  } finally {
    await pool.end();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof TeamDbError ? error.message : ((error as Error).stack ?? String(error))}\n`);
    process.exit(1);
  },
);
