import { fromPortalText, portalText } from '../text/portal-text';
import { codePointInfo, describeCodePoint, type CodePointInfo } from '../text/unicode-names';

/**
 * Every character of a recipient, made visible. `jane.doe@аcme-dental.com` with a Cyrillic "а" looks
 * exactly like the real address on screen; the mail goes to `xn--cme-dental-yqi.com`. This inspection
 * spells out each character that is not printable ASCII, finds words and labels that mix scripts, and
 * gives the domain in the ASCII form the mail system uses, so the panel, the dialog, the audit trail and
 * the ticket note can say what the address really is. Pure and DOM-free: `URL` does the IDNA step, the
 * same WHATWG algorithm in Node and in the browser.
 */

export type RecipientField = 'email' | 'name';

export interface UnusualCharacter extends CodePointInfo {
  char: string;
  field: RecipientField;
  /** 1-based positions (in characters, not UTF-16 units) where it occurs in that field. */
  positions: number[];
  /** `U+0430 CYRILLIC SMALL LETTER A (looks like "a")`. */
  description: string;
}

export interface MixedScripts {
  field: RecipientField;
  /** The word of the name, or the local part or domain label of the Email, that mixes scripts. */
  part: string;
  scripts: string[];
}

export type CautionKind = 'email_is_user_id' | 'email_on_user_id_domain' | 'not_an_address' | 'domain_not_valid';
export interface RecipientCaution {
  kind: CautionKind;
  message: string;
}

export interface RecipientInspection {
  email: string;
  characters: UnusualCharacter[];
  mixedScripts: MixedScripts[];
  /** The domain as it is sent (`xn--…` for an internationalised one); null when there is no valid domain. */
  asciiDomain: string | null;
  /** The address as it is sent: the local part as written, `@`, the ASCII domain. */
  asciiAddress: string | null;
  /** True when the ASCII domain is not simply the shown domain in lower case. */
  domainDiffers: boolean;
  /** The plain-ASCII address it imitates (look-alikes swapped for their twins, invisibles dropped), when it imitates one. */
  imitates: string | null;
  cautions: RecipientCaution[];
  /** Anything but printable ASCII in the Email or the name: sending needs an explicit acknowledgement. */
  needsAcknowledgement: boolean;
  /** The characters, scripts and ASCII domain as sentences, for the panel, the dialog and the note. */
  characterWarnings: string[];
  /** `characterWarnings`, then the cautions' messages: everything the panel and the dialog show. */
  warnings: string[];
}

export interface RecipientInput {
  email: string;
  /** The user's name as shown beside the address ("Jane Doe"). */
  name?: string | null;
  /** The user's User ID (the sign-in name), for the same-address and same-domain cautions. */
  userId?: string | null;
}

const printableAscii = /^[\x20-\x7E]$/;

function unusualCharacters(text: string, field: RecipientField): UnusualCharacter[] {
  const found = new Map<number, UnusualCharacter>();
  let position = 0;
  for (const char of text) {
    position++;
    if (printableAscii.test(char)) continue;
    const cp = char.codePointAt(0)!;
    const seen = found.get(cp);
    if (seen) {
      seen.positions.push(position);
      continue;
    }
    const info = codePointInfo(cp);
    found.set(cp, { ...info, char, field, positions: [position], description: describeCodePoint(info, char) });
  }
  return [...found.values()];
}

function scriptsOf(part: string): string[] {
  const scripts = new Set<string>();
  for (const char of part) {
    const script = codePointInfo(char.codePointAt(0)!).script;
    if (script) scripts.add(script);
  }
  return [...scripts];
}

function mixedScriptsIn(parts: string[], field: RecipientField): MixedScripts[] {
  return parts.flatMap((part) => {
    const scripts = scriptsOf(part);
    return scripts.length > 1 ? [{ field, part, scripts }] : [];
  });
}

/** Splits at the last `@`: a local part may itself hold a quoted `@`. */
function splitAddress(email: string): { local: string; domain: string } | null {
  const at = email.lastIndexOf('@');
  if (at <= 0 || at === email.length - 1) return null;
  return { local: email.slice(0, at), domain: email.slice(at + 1) };
}

// Characters that would make `URL` read a different host than the one written (a path, a port, a
// userinfo, a percent-escape), or that no domain may hold.
const notInDomain = /[/\\?#@:%[\]\s]/u;

/** The domain as IDNA (UTS #46) sends it, via the WHATWG URL parser; null when it is not a valid domain. */
export function asciiDomainOf(domain: string): string | null {
  if (domain === '' || notInDomain.test(domain)) return null;
  try {
    const host = new URL(`http://${domain}`).hostname;
    return host === '' ? null : host;
  } catch {
    return null;
  }
}

/** The plain-ASCII text a string imitates: look-alikes swapped for their twins, invisible characters dropped. */
export function imitatedText(text: string): string {
  let out = '';
  for (const char of text) {
    if (printableAscii.test(char)) {
      out += char;
      continue;
    }
    const info = codePointInfo(char.codePointAt(0)!);
    if (info.looksLike !== null) out += info.looksLike;
    else if (!info.invisible) out += char;
  }
  return out;
}

function sameAddress(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

function listCharacters(chars: UnusualCharacter[]): string {
  return chars.map((c) => `${c.description} at ${c.positions.length === 1 ? 'position' : 'positions'} ${c.positions.join(', ')}`).join('; ');
}

/** Accepts strings as the portal sent them or as `portalText` stored them (`⟨U+200B⟩`): both inspect alike. */
export function inspectRecipient(input: RecipientInput): RecipientInspection {
  const email = fromPortalText(input.email);
  const name = fromPortalText(input.name ?? '');
  const address = splitAddress(email);
  const asciiDomain = address ? asciiDomainOf(address.domain) : null;
  const asciiAddress = address && asciiDomain ? `${address.local}@${asciiDomain}` : null;
  const domainDiffers = address !== null && asciiDomain !== null && asciiDomain !== address.domain.toLowerCase();
  const emailChars = unusualCharacters(email, 'email');
  const nameChars = unusualCharacters(name, 'name');
  const mixedScripts = [
    ...mixedScriptsIn(address ? [address.local, ...address.domain.split('.')] : [email], 'email'),
    ...mixedScriptsIn(name.split(/\s+/u).filter(Boolean), 'name'),
  ];
  const imitation = imitatedText(email);
  const imitates = emailChars.length > 0 && imitation !== email && [...imitation].every((c) => printableAscii.test(c)) ? imitation : null;

  const cautions: RecipientCaution[] = [];
  if (!address) {
    cautions.push({ kind: 'not_an_address', message: `The Email "${portalText(email)}" is not an address a mail can go to: it needs a name, an @ and a domain.` });
  } else if (!asciiDomain) {
    cautions.push({ kind: 'domain_not_valid', message: `The Email's domain is not a valid internet domain name, so the mail cannot be delivered to the address as shown.` });
  }
  const userId = fromPortalText(input.userId?.trim() ?? '');
  if (userId && sameAddress(email, userId)) {
    cautions.push({
      kind: 'email_is_user_id',
      message: `The Email is the same as the User ID (${portalText(userId)}). A User ID is a sign-in name and often not a mailbox anyone reads: confirm with the caller that mail to this address reaches them.`,
    });
  } else if (userId && asciiDomain) {
    const userIdAddress = splitAddress(userId);
    const userIdDomain = userIdAddress ? asciiDomainOf(userIdAddress.domain) : null;
    if (userIdDomain && userIdDomain === asciiDomain) {
      cautions.push({
        kind: 'email_on_user_id_domain',
        message: `The Email is on the User ID's domain (${asciiDomain}). That domain holds sign-in names and may not receive mail: confirm with the caller that mail to this address reaches them.`,
      });
    }
  }

  const warnings: string[] = [];
  if (emailChars.length > 0) {
    warnings.push(`The Email holds ${plural(emailChars.length, 'character', 'different characters')} that ${emailChars.length === 1 ? 'is' : 'are'} not plain ASCII: ${listCharacters(emailChars)}.`);
  }
  if (imitates) warnings.push(`It imitates ${imitates} but is a different address.`);
  if (domainDiffers && asciiDomain) warnings.push(`The mail goes to the domain ${asciiDomain} (the form the mail system uses).`);
  for (const m of mixedScripts) {
    warnings.push(`${m.field === 'email' ? 'The Email' : 'The name'} mixes scripts in "${portalText(m.part)}": ${m.scripts.join(' and ')}.`);
  }
  if (nameChars.length > 0) {
    warnings.push(`The name holds ${plural(nameChars.length, 'character', 'different characters')} that ${nameChars.length === 1 ? 'is' : 'are'} not plain ASCII: ${listCharacters(nameChars)}.`);
  }
  const characterWarnings = [...warnings];
  warnings.push(...cautions.map((c) => c.message));

  return {
    email,
    characters: [...emailChars, ...nameChars],
    mixedScripts,
    asciiDomain,
    asciiAddress,
    domainDiffers,
    imitates,
    cautions,
    needsAcknowledgement: emailChars.length > 0 || nameChars.length > 0,
    characterWarnings,
    warnings,
  };
}
