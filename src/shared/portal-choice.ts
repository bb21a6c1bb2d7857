import { z } from 'zod';

/**
 * Which portal the console talks to: the built-in demo simulator, or a portal at an address. One schema,
 * used by the IPC contract (sign-in form), settings.json and the command line, so the rules below are
 * checked in one place and a URL is normalised once, where it enters; everything after holds it normalised.
 */

type UrlProblem = { code: 'invalid_input' | 'portal_insecure'; message: string };

/**
 * Plain http only to this computer: an IP literal in 127.0.0.0/8, `::1`, or exactly `localhost`.
 * A host name that merely starts with "127." (127.0.0.1.nip.io) resolves wherever its owner likes.
 */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase();
  if (host === 'localhost' || host === '[::1]') return true;
  const octets = /^127\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host);
  return octets !== null && octets.slice(1).every((o) => Number(o) <= 255);
}

/** The portal's base URL as origin + path without trailing slashes, or why it is refused (one sentence). */
export function checkPortalUrl(raw: string): { ok: true; url: string } | { ok: false; problem: UrlProblem } {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return { ok: false, problem: { code: 'invalid_input', message: 'The portal address is not a valid URL; enter a full address such as https://portal.example.com.' } };
  }
  if (url.username || url.password) {
    // A password in the address would travel to the window and the logs; credentials go in the sign-in form.
    return { ok: false, problem: { code: 'invalid_input', message: 'The portal address must not contain a user name or password.' } };
  }
  if (url.protocol === 'http:') {
    if (!isLoopbackHost(url.hostname)) {
      return { ok: false, problem: { code: 'portal_insecure', message: 'The portal address must start with https:// (plain http is allowed only for 127.x.x.x, ::1 or localhost).' } };
    }
  } else if (url.protocol !== 'https:') {
    return { ok: false, problem: { code: 'invalid_input', message: 'The portal address must start with https://.' } };
  }
  return { ok: true, url: url.origin + url.pathname.replace(/\/+$/, '') };
}

/** A portal URL, checked and normalised; a refusal carries its error code in the issue's params. */
export const portalUrl = z
  .string()
  .max(2048)
  .transform((raw, ctx) => {
    const checked = checkPortalUrl(raw);
    if (checked.ok) return checked.url;
    ctx.addIssue({ code: 'custom', message: checked.problem.message, params: { errorCode: checked.problem.code } });
    return z.NEVER;
  });

export const portalChoice = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('demo') }).strict(),
  z.object({ mode: z.literal('url'), url: portalUrl }).strict(),
]);
/** Always normalised: only values that went through `portalChoice` have this type's `url`. */
export type PortalChoice = z.output<typeof portalChoice>;

/** For the command line: `--portal-url=VALUE` as a choice, or the one line that says why not. */
export function portalChoiceFromUrl(raw: string): { ok: true; choice: PortalChoice } | { ok: false; message: string } {
  const checked = checkPortalUrl(raw);
  return checked.ok ? { ok: true, choice: { mode: 'url', url: checked.url } } : { ok: false, message: checked.problem.message };
}

/** The profile id: also the keychain account name and the key in settings. */
export function profileIdOf(choice: PortalChoice): string {
  return choice.mode === 'demo' ? 'demo' : choice.url;
}
