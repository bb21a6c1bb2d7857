import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createConfig, lintFromString } from '@redocly/openapi-core';
import { describe, expect, it } from 'vitest';
import { buildOpenApiDocument, openApiText } from '../../../src/shared/portal-wire-v1/openapi';
import { portalErrorCodes } from '../../../src/shared/portal-wire-v1/wire';

const committedPath = join(__dirname, '..', '..', '..', 'docs', 'portal-api.openapi.json');
const committed = readFileSync(committedPath, 'utf8');

describe('docs/portal-api.openapi.json', () => {
  it('is what `npm run openapi` generates from the zod schemas today', () => {
    // When this fails, a schema changed: run `npm run openapi` and commit the document with the change.
    expect(committed).toBe(openApiText());
  });

  it('passes the Redocly linter (recommended rules) without errors or warnings', async () => {
    const config = await createConfig({ extends: ['recommended'] });
    const problems = await lintFromString({ source: committed, absoluteRef: committedPath, config });
    const described = problems.map((p) => `${p.severity} ${p.ruleId}: ${p.message} at ${p.location[0]?.pointer ?? ''}`);
    expect(described).toEqual([]);
  });

  it('has every v1.1 path and method, and no simulator-only route', () => {
    const document = buildOpenApiDocument() as { paths: Record<string, Record<string, unknown>> };
    const calls = Object.entries(document.paths).flatMap(([path, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`));
    expect(calls.sort()).toEqual(
      [
        'POST /pap/v1/sessions', 'DELETE /pap/v1/sessions/current', 'GET /pap/v1/customers', 'GET /pap/v1/customers/{customerId}',
        'POST /pap/v1/customers/{customerId}/cap-sessions', 'GET /pap/v1/users', 'GET /cap/v1/users', 'GET /cap/v1/users/{userId}',
        'PATCH /cap/v1/users/{userId}', 'POST /cap/v1/users/{userId}/password-resets', 'POST /mpn/v1/password/forgot',
        'POST /mpn/v1/sessions', 'POST /mpn/v1/password/change',
      ].sort(),
    );
    expect(committed).not.toContain('/_sim');
  });

  it('names every error code a real portal answers, the Idempotency-Key header and expectedEmail', () => {
    for (const code of portalErrorCodes.filter((c) => c !== 'injected_fault')) expect(committed, code).toContain(`"${code}"`.replace(/"/g, '') );
    expect(committed).not.toContain('injected_fault');
    const reset = (buildOpenApiDocument() as any).paths['/cap/v1/users/{userId}/password-resets'].post; // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(reset.parameters.find((p: { name: string }) => p.name === 'Idempotency-Key')).toMatchObject({ in: 'header', required: true, schema: { minLength: 8, maxLength: 128 } });
    expect(Object.keys(reset.responses).sort()).toEqual(['202', '400', '401', '404', '409', '413', '429']);
    expect(reset.responses['429'].headers['Retry-After']).toBeDefined();
    const schemas = (buildOpenApiDocument() as any).components.schemas; // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(schemas.PasswordResetRequest.properties.expectedEmail).toMatchObject({ type: 'string' });
    expect(schemas.UserDisabledOrNoEmailOrEmailChangedError.properties.error.properties.code.enum).toEqual(['user_disabled', 'no_email', 'email_changed']);
    expect(schemas.CallerHit.properties.matchedOn.enum).toEqual(['phone', 'email', 'userId', 'name', 'extension']);
  });
});
