import type { FaultRequest } from './sim-schemas';

export interface Fault {
  path: string;
  method: string | null;
  kind: FaultRequest['kind'];
  status: number;
  latencyMs: number;
  remaining: number;
}

/** Faults armed through `/_sim/faults`, consumed by the next matching requests in the order they were armed. */
export class Faults {
  private armed: Fault[] = [];

  arm(request: FaultRequest): void {
    this.armed.push({
      path: request.path,
      method: request.method ? request.method.toUpperCase() : null,
      kind: request.kind,
      status: request.status ?? 500,
      latencyMs: request.latencyMs ?? 1000,
      remaining: request.times ?? 1,
    });
  }

  /** Takes one use of the first fault matching the request, if any. `paths` are the raw and decoded pathname. */
  take(method: string, paths: readonly string[]): Fault | undefined {
    const index = this.armed.findIndex(
      (f) => (f.method === null || f.method === method.toUpperCase()) && paths.some((p) => p.startsWith(f.path)),
    );
    const fault = this.armed[index];
    if (!fault) return undefined;
    fault.remaining--;
    if (fault.remaining <= 0) this.armed.splice(index, 1);
    return fault;
  }

  clear(): void {
    this.armed = [];
  }
}
