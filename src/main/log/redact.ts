/**
 * Removes secrets from a text before it is logged: bearer tokens, password-ish JSON fields, and any
 * known secret value in its plain, URL-encoded and base64 forms.
 */
export function redact(text: string, secrets: readonly string[] = []): string {
  let out = text
    .replace(/(Bearer\s+)[A-Za-z0-9._~+/=-]+/gi, '$1[redacted]')
    .replace(/("(?:password|newPassword|token|capToken|changeToken|tempPassword|authorization)"\s*:\s*)"(?:[^"\\]|\\.)*"/gi, '$1"[redacted]"');
  for (const secret of secrets) {
    if (secret.length < 4) continue;
    for (const form of secretForms(secret)) out = out.split(form).join('[redacted]');
  }
  return out;
}

export function secretForms(secret: string): string[] {
  const forms = new Set([secret, encodeURIComponent(secret), Buffer.from(secret, 'utf8').toString('base64'), JSON.stringify(secret).slice(1, -1)]);
  return [...forms].filter((f) => f.length > 0);
}
