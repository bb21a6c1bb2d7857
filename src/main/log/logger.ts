import { redact } from './redact';

export type LogFields = Record<string, unknown>;
export interface Logger {
  info(event: string, fields?: LogFields): void;
  warn(event: string, fields?: LogFields): void;
  error(event: string, fields?: LogFields): void;
}

/**
 * Structured one-line logs on stderr. Every field passes through `redact`, so a token or password
 * that slips into a field never reaches the output.
 */
export function createLogger(write: (line: string) => void = (l) => process.stderr.write(l + '\n'), secrets: () => string[] = () => []): Logger {
  const emit = (level: string, event: string, fields: LogFields = {}) =>
    write(redact(JSON.stringify({ t: new Date().toISOString(), level, event, ...fields }), secrets()));
  return {
    info: (e, f) => emit('info', e, f),
    warn: (e, f) => emit('warn', e, f),
    error: (e, f) => emit('error', e, f),
  };
}

export const silentLogger: Logger = { info: () => {}, warn: () => {}, error: () => {} };
