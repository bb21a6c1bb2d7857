/**
 * `scheme://host[:port]` of a URL, or '' when it has none. WHATWG's `URL.origin` answers "null" for
 * custom schemes such as `app:`, so the origin is spelled out here.
 */
export function originOf(raw: string): string {
  try {
    const url = new URL(raw);
    if (!url.host) return '';
    return `${url.protocol}//${url.host}`;
  } catch {
    return '';
  }
}
