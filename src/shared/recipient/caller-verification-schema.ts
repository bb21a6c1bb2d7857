import { z } from 'zod';
import { callerVerificationMethods, otherVerificationText, type CallerVerification } from './caller-verification';

/** `Caller verified by` at the IPC and audit boundaries: the rules of caller-verification.ts, as a schema. */
export const callerVerificationMethod = z.enum(callerVerificationMethods);

export const callerVerification = z.discriminatedUnion('method', [
  z.object({ method: z.literal('callback') }).strict(),
  z.object({ method: z.literal('known_contact') }).strict(),
  z
    .object({
      method: z.literal('other'),
      text: z.string().trim().min(otherVerificationText.min, otherVerificationText.tooShort).max(otherVerificationText.max),
    })
    .strict(),
]) satisfies z.ZodType<CallerVerification>;
