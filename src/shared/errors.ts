import { z } from 'zod';
import { appErrorOf, errorTable, type AppError, type ErrorCode } from './error-table';

export { appErrorOf, errorTable, type AppError, type ErrorCode };

export const errorCode = z.enum(Object.keys(errorTable) as [ErrorCode, ...ErrorCode[]]);

export const appError = z.object({
  code: errorCode,
  message: z.string(),
  retryable: z.boolean(),
  retryAfterSeconds: z.number().int().nonnegative().optional(),
}) satisfies z.ZodType<AppError>;

/** Thrown by services; the IPC layer turns it into `{ok: false, error}`. */
export class AppFailure extends Error {
  readonly error: AppError;
  constructor(code: ErrorCode, extra: Partial<Omit<AppError, 'code'>> = {}) {
    const error = appErrorOf(code, extra);
    super(error.message);
    this.name = 'AppFailure';
    this.error = error;
  }
}

export type Result<T> = { ok: true; data: T } | { ok: false; error: AppError };

/** The code of anything thrown: an AppFailure's own, anything else is an internal error. */
export function codeOf(err: unknown): ErrorCode {
  return err instanceof AppFailure ? err.error.code : 'internal_error';
}
