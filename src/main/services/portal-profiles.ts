import { AppFailure } from '../../shared/errors';
import { checkPortalUrl, profileIdOf, type PortalChoice } from '../../shared/portal-choice';
import type { Logger } from '../log/logger';
import type { GatewayFactory, GatewayTuning, ParentCredentials, PortalGateway } from '../portal/gateway';
import { defaultGatewayKind, gatewayKinds } from '../portal/gateway-registry';
import { DirectoryCache } from './directory-cache';

export type { PortalChoice };
export { profileIdOf };

export type DemoPortalStarter = () => Promise<{ url: string; close(): Promise<void> }>;

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
  tuning?: Partial<GatewayTuning>;
  /** Which gateway speaks to the portals (default: Portal API v1 over HTTP). */
  makeGateway?: GatewayFactory;
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
    if (choice.mode === 'url') {
      // Once per profile, not per call: a choice that reached here without the schema (a caller's bug) is still refused.
      const checked = checkPortalUrl(choice.url);
      if (!checked.ok) throw new AppFailure(checked.problem.code, { message: checked.problem.message });
    }
    const baseUrl = choice.mode === 'demo' ? await this.demoUrl() : choice.url;
    const make = this.options.makeGateway ?? gatewayKinds[defaultGatewayKind];
    const gateway = make({
      baseUrl,
      profileId,
      credentials: () => this.options.credentialsFor(profileId),
      log: this.options.log,
      ...(this.options.tuning ? { tuning: this.options.tuning } : {}),
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
