import { PortalClient } from './client';
import { callerChecks, callerTarget, locateUser } from './checks-caller';
import { accessCap, customerLookup } from './checks-customers';
import { resetChecks } from './checks-reset';
import { requestRules, signIn, wrongPasswordOnce } from './checks-session';
import { scopeCheck, userChecks } from './checks-users';
import type { CheckContext } from './context';
import type { CheckOptions } from './options';
import { CannotContinue, Runner } from './runner';

export interface CheckResult {
  passed: number;
  failed: number;
}

/** Runs the contract's checks against one portal, printing one line per check. */
export async function runPortalCheck(options: CheckOptions, password: string, print: (line: string) => void): Promise<CheckResult> {
  const client = new PortalClient(options.url);
  const runner = new Runner(print);
  let parent: string | undefined;
  try {
    parent = await signIn(client, runner, options.username, password);
    const ctx: CheckContext = { client, runner, options, password, parent };
    await wrongPasswordOnce(ctx);
    await requestRules(ctx);

    const testUser = options.resetUser !== undefined ? await locateUser(ctx, options.resetUser) : undefined;
    const { chosen, others } = await customerLookup(ctx, testUser?.customer.id);
    const customer = testUser?.customer ?? chosen;
    const capToken = await accessCap(ctx, customer);
    const users = await userChecks(ctx, capToken);

    const other = others[0];
    const otherUsers = other ? await ctx.client.call('GET', '/cap/v1/users?limit=1', { token: await accessCap(ctx, other, 'Access CAP on a second customer') }) : undefined;
    const otherUser = (otherUsers?.json as { users?: { userId: string }[] } | undefined)?.users?.[0];
    await scopeCheck(ctx, capToken, otherUser);

    const target = await callerTarget(ctx, capToken, users);
    await callerChecks(ctx, customer, target, users[0]!);

    if (options.resetUser !== undefined) await resetChecks(ctx, capToken, testUser!.userId);
  } catch (error) {
    if (!(error instanceof CannotContinue)) throw error;
    print(`The checks stopped after "${error.message}" failed: the rest need it.`);
  } finally {
    if (parent !== undefined) await client.call('DELETE', '/pap/v1/sessions/current', { token: parent }).catch(() => undefined);
  }
  return { passed: runner.passed, failed: runner.failed };
}
