import { portalErrorBody } from '../../../src/shared/portal-wire-v1/wire';
import { startSimulator, type SimulatorHandle, type SimulatorOptions } from '../../../src/portal-sim/index';

export interface Answer {
  status: number;
  headers: Headers;
  text: string;
  /** Parsed JSON body, or undefined when there is none. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read whatever the contract answered
  body: any;
}

export interface CallOptions {
  body?: unknown;
  rawBody?: string;
  token?: string;
  headers?: Record<string, string>;
}

/** A thin HTTP client for the simulator; every error answer is checked against the error shape. */
export class SimClient {
  constructor(readonly sim: SimulatorHandle) {}

  async call(method: string, path: string, options: CallOptions = {}): Promise<Answer> {
    const headers: Record<string, string> = { ...(options.headers ?? {}) };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    let body: string | undefined;
    if (options.rawBody !== undefined) body = options.rawBody;
    else if (options.body !== undefined) {
      body = JSON.stringify(options.body);
      headers['content-type'] = 'application/json';
    }
    const res = await fetch(this.sim.url + path, { method, headers, ...(body !== undefined ? { body } : {}) });
    const text = await res.text();
    const parsed = text.length > 0 ? JSON.parse(text) : undefined;
    if (res.status >= 400) {
      portalErrorBody.parse(parsed);
      if (!res.headers.get('content-type')?.startsWith('application/json')) throw new Error(`error without JSON content-type: ${path}`);
    }
    return { status: res.status, headers: res.headers, text, body: parsed };
  }

  async parentToken(): Promise<string> {
    const res = await this.call('POST', '/pap/v1/sessions', { body: this.sim.credentials });
    if (res.status !== 201) throw new Error(`parent sign-in failed: ${res.text}`);
    return res.body.token as string;
  }

  async capToken(customerId: string): Promise<string> {
    const parent = await this.parentToken();
    const res = await this.call('POST', `/pap/v1/customers/${encodeURIComponent(customerId)}/cap-sessions`, { token: parent });
    if (res.status !== 201) throw new Error(`Access CAP failed: ${res.text}`);
    return res.body.capToken as string;
  }

  async advance(ms: number): Promise<void> {
    const res = await this.call('POST', '/_sim/clock', { body: { advanceMs: ms } });
    if (res.status !== 200) throw new Error('clock advance failed');
  }

  async outbox(to?: string): Promise<{ to: string; tempPassword: string; body: string; kind: string }[]> {
    const res = await this.call('GET', `/_sim/outbox${to ? `?to=${encodeURIComponent(to)}` : ''}`);
    return res.body.messages;
  }

  async reset(userId: string, capToken: string, key: string): Promise<Answer> {
    return this.call('POST', `/cap/v1/users/${encodeURIComponent(userId)}/password-resets`, { token: capToken, headers: { 'idempotency-key': key } });
  }
}

export async function startClient(options: SimulatorOptions = {}): Promise<SimClient> {
  return new SimClient(await startSimulator(options));
}

export const JANE = 'jsmith@acme.voip';
export const JANE_EMAIL = 'jane.smith@acmedental.co.uk';
export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
