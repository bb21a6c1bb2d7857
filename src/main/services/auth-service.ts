import { codeOf } from '../../shared/errors';
import type { ConnectionStatus, SignInInput, SettingsView } from '../../shared/ipc/contract';
import type { ConsoleContext } from './console-context';
import { settingsViewOf } from './settings-view';

/**
 * Sign in (portal first, then store), forget, and the connection state. Sign-in and sign-out run one at
 * a time, in the order they were asked for, so where the credential ends up (keychain, this session only,
 * nowhere) is what the last answer said.
 */
export function createAuthService(ctx: ConsoleContext) {
  let queue: Promise<unknown> = Promise.resolve();
  function oneAtATime<T>(work: () => Promise<T>): Promise<T> {
    const run = queue.then(work, work);
    queue = run.catch(() => {});
    return run;
  }

  async function signIn(input: SignInInput): Promise<SettingsView> {
    // The contract has already checked and normalised the portal address.
    const choice = input.portal;
    const portal = await ctx.portals.get(choice);
    const base = { staffName: ctx.settings.current().staffName, profile: portal.profileId, username: input.username };
    try {
      await portal.gateway.signIn({ username: input.username, password: input.password });
    } catch (err) {
      await ctx.audit.append({ ...base, action: 'sign_in_failed', outcome: codeOf(err) });
      throw err;
    }
    await ctx.audit.append({ ...base, action: 'sign_in_ok', outcome: 'ok' });
    try {
      await ctx.credentials.save(portal.profileId, input.username, input.password, input.storage);
    } catch (err) {
      // Not kept anywhere means no silent renewal later: the staffer chooses again (e.g. "session only").
      portal.gateway.forgetSessions();
      throw err;
    }
    await ctx.audit.append({ ...base, action: 'credentials_saved', outcome: input.storage });
    ctx.setActiveChoice(choice);
    await ctx.settings.update((s) => ({ ...s, portal: choice }));
    return settingsViewOf(ctx);
  }

  async function forget(): Promise<SettingsView> {
    const portal = await ctx.portals.get(ctx.activeChoice()).catch(() => null);
    const base = ctx.auditBase();
    const username = portal ? (ctx.credentials.info(portal.profileId)?.username ?? null) : null;
    if (portal) {
      try {
        await portal.gateway.signOut();
        await ctx.credentials.forget(portal.profileId);
      } finally {
        // A silent sign-in that read the credential before it was deleted must not leave a session behind.
        portal.gateway.forgetSessions();
      }
    }
    await ctx.audit.append({ ...base, username, action: 'credentials_forgotten', outcome: 'ok' });
    return settingsViewOf(ctx);
  }

  return {
    signIn: (input: SignInInput) => oneAtATime(() => signIn(input)),
    forget: () => oneAtATime(forget),

    async status(): Promise<ConnectionStatus> {
      const checkedAt = ctx.now().toISOString();
      let portal;
      try {
        portal = await ctx.portal();
      } catch {
        return { signedIn: false, portalReachable: false, checkedAt };
      }
      const info = ctx.credentials.info(portal.profileId);
      if (!info) return { signedIn: false, portalReachable: await portal.gateway.probe(), checkedAt };
      try {
        await portal.gateway.ensureSignedIn();
        return { signedIn: true, portalReachable: true, checkedAt };
      } catch (err) {
        const code = codeOf(err);
        if (code === 'invalid_credentials' || code === 'account_locked' || code === 'not_signed_in' || code === 'session_expired') {
          return { signedIn: false, portalReachable: true, checkedAt };
        }
        if (code === 'keychain_unavailable') return { signedIn: false, portalReachable: await portal.gateway.probe(), checkedAt };
        return { signedIn: true, portalReachable: false, checkedAt };
      }
    },
  };
}
