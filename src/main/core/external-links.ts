/**
 * The only places the console may send the staffer's browser to. Anything else — other hosts,
 * look-alikes, credentials in the URL, other schemes — is refused.
 */
export const allowedExternalHosts: readonly string[] = ['electronjs.org', 'www.electronjs.org'];

export function isAllowedExternalUrl(raw: string, allowedHosts: readonly string[] = allowedExternalHosts): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (url.protocol !== 'https:') return false;
  if (url.username || url.password) return false;
  if (url.port !== '') return false;
  return allowedHosts.includes(url.hostname);
}
