/**
 * What both hosts enforce on the renderer: one origin each, one Content-Security-Policy.
 * The renderer has no network of its own (connect-src 'none'); everything goes through `window.api`.
 */
export const contentSecurityPolicy = [
  "default-src 'none'",
  "script-src 'self'",
  // Mantine injects its CSS variables in a <style> element; no script may run inline.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-src 'none'",
  "frame-ancestors 'none'",
].join('; ');

export const electronOrigin = 'app://console';
/** A reserved, never-resolving name: the browser shell answers it from `page.route`, so no port is opened. */
export const browserShellOrigin = 'https://console.reset.invalid';
