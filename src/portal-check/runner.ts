import type { z } from 'zod';
import { portalErrorBody } from '../shared/portal-wire-v1/wire';
import { describe, NoAnswer, type Answer } from './client';

/** A check's finding: what the contract says against what came back. */
export class Mismatch extends Error {
  constructor(expected: string, got: string) {
    super(`expected ${expected}, got ${got}`);
  }
}

/** Ends the run early: later checks need what this one could not get (a session, a customer). */
export class CannotContinue extends Error {}

export class Runner {
  passed = 0;
  failed = 0;
  constructor(private readonly print: (line: string) => void) {}

  /** Runs one check and prints its line; the value it returns, or undefined when it failed. */
  async check<T>(name: string, run: () => Promise<T>): Promise<T | undefined> {
    try {
      const value = await run();
      this.passed++;
      this.print(`PASS ${name}`);
      return value;
    } catch (error) {
      this.failed++;
      const why = error instanceof Mismatch || error instanceof NoAnswer ? error.message : `unexpected error: ${(error as Error).message}`;
      this.print(`FAIL ${name}: ${why}`);
      return undefined;
    }
  }

  /** Like check, but the run stops when it fails. */
  async must<T>(name: string, run: () => Promise<T>): Promise<T> {
    const value = await this.check(name, run);
    if (value === undefined) throw new CannotContinue(name);
    return value;
  }

  /** A check that cannot run against this directory, said out loud rather than silently dropped. */
  skip(name: string, reason: string): void {
    this.print(`SKIP ${name}: ${reason}`);
  }
}

/** The body parsed with the contract's schema, or a Mismatch naming the first wrong field. */
export function shape<T extends z.ZodType>(answer: Answer, schema: T, what: string, status: number): z.infer<T> {
  if (answer.status !== status) throw new Mismatch(`${status} with ${what}`, describe(answer));
  const result = schema.safeParse(answer.json);
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue?.path.length ? issue.path.join('.') : 'body';
    throw new Mismatch(`${what} (${where}: ${issue?.message ?? 'invalid'})`, describe(answer));
  }
  return result.data;
}

/** An error answer: this status, the error shape, and this code. */
export function failure(answer: Answer, status: number, code: string, context = ''): void {
  const want = `${status} ${code}${context ? ` for ${context}` : ''}`;
  if (answer.status !== status) throw new Mismatch(want, describe(answer));
  const body = portalErrorBody.safeParse(answer.json);
  if (!body.success) throw new Mismatch(`${want} in the error shape {"error": {"code", "message"}}`, describe(answer));
  if (body.data.error.code !== code) throw new Mismatch(want, describe(answer));
  if (!answer.headers.get('content-type')?.includes('json')) throw new Mismatch(`${want} with a JSON content type`, `${answer.headers.get('content-type') ?? 'none'}`);
}

export function expectStatus(answer: Answer, status: number, what: string): void {
  if (answer.status !== status) throw new Mismatch(`${status} ${what}`, describe(answer));
}

export function expectThat(ok: boolean, expected: string, got: string): void {
  if (!ok) throw new Mismatch(expected, got);
}

/** An expiry about `minutes` from now, allowing for a few minutes of clock difference. */
export function expectExpiry(expiresAt: string, minutes: number, what: string): void {
  const ahead = (Date.parse(expiresAt) - Date.now()) / 60_000;
  expectThat(ahead > minutes - 5 && ahead <= minutes + 5, `${what} about ${minutes} minutes from now`, `${expiresAt} (${Math.round(ahead)} min)`);
}
