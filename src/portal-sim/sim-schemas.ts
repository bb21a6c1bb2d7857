import { z } from 'zod';
import { isoTime } from '../shared/domain/portal-entities';

/** The simulator's own control routes (`/_sim`): never part of a real portal. */

export const outboxMessage = z.object({
  id: z.string(),
  to: z.string(),
  subject: z.string(),
  body: z.string(),
  sentAt: isoTime,
  kind: z.enum(['password_reset', 'password_forgot']),
  tempPassword: z.string(),
});
export type OutboxMessage = z.infer<typeof outboxMessage>;
export const outboxResponse = z.object({ messages: z.array(outboxMessage) });

export const faultKind = z.enum(['latency', 'status', 'malformed', 'drop']);
export const faultRequest = z.object({
  path: z.string().min(1),
  method: z.string().optional(),
  kind: faultKind,
  status: z.number().int().min(100).max(599).optional(),
  latencyMs: z.number().int().min(0).max(600_000).optional(),
  times: z.number().int().min(1).optional(),
});
export type FaultRequest = z.infer<typeof faultRequest>;

export const clockRequest = z.object({ advanceMs: z.number() });
export const clockResponse = z.object({ now: isoTime });
export const simStats = z.object({
  requests: z.number().int(),
  passwordResets: z.number().int(),
  emailsSent: z.number().int(),
});
