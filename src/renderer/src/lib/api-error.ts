import type { AppError, ErrorCode, Result } from '../../../shared/errors';

/** A failed `window.api` call, thrown by query and mutation functions so components can show it. */
export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly retryable: boolean;
  readonly retryAfterSeconds: number | undefined;
  constructor(error: AppError) {
    super(error.message);
    this.name = 'ApiError';
    this.code = error.code;
    this.retryable = error.retryable;
    this.retryAfterSeconds = error.retryAfterSeconds;
  }
}

/** The data of a successful Result, or a thrown ApiError. */
export async function unwrap<T>(pending: Promise<Result<T>>): Promise<T> {
  let result: Result<T>;
  try {
    result = await pending;
  } catch (cause) {
    // The bridge itself failed (should not happen): surface it as an internal error with a code.
    throw new ApiError({ code: 'internal_error', message: `The console could not reach its core: ${String(cause)}`, retryable: true });
  }
  if (result.ok) return result.data;
  throw new ApiError(result.error);
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

export function errorCodeOf(error: unknown): ErrorCode | null {
  return isApiError(error) ? error.code : null;
}

/** Reads may be retried once when the error says so; a cancelled or unreachable call is not retried here. */
export function shouldRetryRead(failureCount: number, error: unknown): boolean {
  if (!isApiError(error)) return failureCount < 1;
  if (error.code === 'cancelled' || error.code === 'portal_unreachable') return false;
  return error.retryable && error.retryAfterSeconds === undefined && failureCount < 1;
}
