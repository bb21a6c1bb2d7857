import { AppFailure } from '../../shared/errors';
import type { Logger } from '../log/logger';
import { PortalGateway, type GatewayOptions, type ParentCredentials } from '../portal/portal-gateway';
import { DirectoryCache } from './directory-cache';

/** A portal to talk to: the built-in simulator (demo) or a configured URL. */
export type PortalChoice = { mode: 'demo' } | { mode: 'url'; url: string };

export type DemoPortalStarter = () => Promise<{ url: string; close(): Promise<void> }>;

const loopbackHosts = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

/**
 * The portal's base URL, reduced to origin + path. Plain http is accepted only on this machine
 * (the simulator); anywhere else a password would cross the network unencrypted.
 */
export function normalizePortalUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new AppFailure('invalid_input', { message: 'The portal address is not a valid URL.' });
  }
  if (url.username || url.password) throw new AppFailure('invalid_input', { message: 'The portal address must not contain a user name or password.' });
  if (url.protocol === 'http:') {
    if (!loopbackHosts.has(url.hostname) && !url.hostname.startsWith('127.')) {
      throw new AppFailure('portal_insecure', { message: 'The portal address must start with https:// (plain http is allowed only for a portal on this computer).' });
    }
  } else if (url.protocol !== 'https:') {
    throw new AppFailure('invalid_input', { message: 'The portal address must start with https://.' });
  }
  return url.origin + url.pathname.replace(/\/+$/, '');
}

/** The profile id: also the keychain account name and the key in settings. */
export function profileIdOf(choice: PortalChoice): string {
  return choice.mode === 'demo' ? 'demo' : normalizePortalUrl(choice.url);
}

export function portalModeOf(choice: PortalChoice): string {
  return choice.mode === 'demo' ? 'demo' : choice.url;
}

export interface Portal {
  profileId: string;
  gateway: PortalGateway;
  /** What this profile's portal has told the console about customers and users this session. */
  directory: DirectoryCache;
}

export interface PortalRegistryOptions {
  startDemoPortal: DemoPortalStarter;
  credentialsFor: (profileId: string) => Promise<ParentCredentials | null>;
  log: Logger;
  gateway?: Partial<Omit<GatewayOptions, 'baseUrl' | 'profileId' | 'credentials' | 'log'>>;
}

/** One gateway per profile, made on first use; the demo simulator is started only when first needed. */
export class PortalRegistry {
  private readonly portals = new Map<string, Promise<Portal>>();
  private demo: Promise<{ url: string; close(): Promise<void> }> | null = null;

  constructor(private readonly options: PortalRegistryOptions) {}

  get(choice: PortalChoice): Promise<Portal> {
    const profileId = profileIdOf(choice);
    let portal = this.portals.get(profileId);
    if (!portal) {
      portal = this.make(profileId, choice).catch((err: unknown) => {
        this.portals.delete(profileId);
        throw err;
      });
      this.portals.set(profileId, portal);
    }
    return portal;
  }

  private async make(profileId: string, choice: PortalChoice): Promise<Portal> {
    const baseUrl = choice.mode === 'demo' ? await this.demoUrl() : profileId;
    const gateway = new PortalGateway({
      ...this.options.gateway,
      baseUrl,
      profileId,
      credentials: () => this.options.credentialsFor(profileId),
      log: this.options.log,
    });
    return { profileId, gateway, directory: new DirectoryCache() };
  }

  private async demoUrl(): Promise<string> {
    this.demo ??= this.options.startDemoPortal().catch((err: unknown) => {
      this.demo = null;
      this.options.log.error('demo_portal.start_failed', { kind: err instanceof Error ? err.name : typeof err });
      throw new AppFailure('portal_unreachable', { message: 'The built-in demo portal could not be started. Restart the console.' });
    });
    return (await this.demo).url;
  }

  async close(): Promise<void> {
    for (const portal of this.portals.values()) {
      try {
        (await portal).gateway.close();
      } catch {
        // A portal that never came up has nothing to close.
      }
    }
    this.portals.clear();
    const demo = this.demo;
    this.demo = null;
    if (demo) await demo.then((d) => d.close()).catch(() => {});
  }
}
