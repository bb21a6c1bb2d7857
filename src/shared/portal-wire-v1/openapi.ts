import { z } from 'zod';
import { callerHit, customer, customerSummary, passwordState, user, userSummary } from '../domain/portal-entities';
import { operations, routeErrors, type ErrorAnswer, type Operation } from './operations';
import { portalErrorBody } from './wire';

/**
 * Portal API v1.1 as an OpenAPI 3.1 document, built from the zod schemas with zod's own JSON Schema
 * output. `npm run openapi` writes it to docs/portal-api.openapi.json; a test fails when the
 * committed file and this function disagree.
 */

type Json = Record<string, unknown>;

const pascal = (code: string): string => code.replace(/(^|_)([a-z])/g, (_m, _s, c: string) => c.toUpperCase());
const errorName = (codes: readonly string[]): string => `${codes.map(pascal).join('Or')}Error`;
const ref = (name: string): Json => ({ $ref: `#/components/schemas/${name}` });

/** The error body narrowed to the codes one answer can carry. */
const errorBodyFor = (codes: readonly string[]) =>
  portalErrorBody.extend({ error: portalErrorBody.shape.error.extend({ code: z.enum(codes as [string, ...string[]]) }) });

function plain(schema: Json): Json {
  const { $schema: _s, $id: _i, ...rest } = schema;
  return rest;
}

function componentSchemas(): Json {
  const registry = z.registry<{ id: string }>();
  const add = (schema: z.ZodType, id: string) => {
    if (!registry.has(schema)) registry.add(schema, { id });
  };
  // Shared entities first, so every answer that holds one refers to it instead of repeating it.
  add(customerSummary, 'CustomerSummary');
  add(customer, 'Customer');
  add(userSummary, 'UserSummary');
  add(user, 'User');
  add(passwordState, 'PasswordState');
  add(callerHit, 'CallerHit');
  for (const op of operations) {
    if (op.body) add(op.body.schema, op.body.name);
    if (op.success.schema && op.success.name) add(op.success.schema, op.success.name);
    for (const answer of op.errors) add(errorBodyFor(answer.codes), errorName(answer.codes));
  }
  const { schemas } = z.toJSONSchema(registry, { io: 'input', target: 'draft-2020-12', uri: (id) => `#/components/schemas/${id}` });
  return Object.fromEntries(Object.entries(schemas).map(([name, schema]) => [name, plain(schema as Json)]));
}

function errorResponse(answer: ErrorAnswer): Json {
  const codes = answer.codes.map((c) => `\`${c}\``).join(', ');
  return {
    description: `${answer.description} Code: ${codes}.`,
    ...(answer.retryAfter ? { headers: { 'Retry-After': { description: 'Seconds until trying again may succeed.', schema: { type: 'integer', minimum: 1 } } } } : {}),
    content: { 'application/json': { schema: ref(errorName(answer.codes)) } },
  };
}

function operationObject(op: Operation): Json {
  const responses: Json = {
    [String(op.success.status)]: {
      description: op.success.description,
      ...(op.success.name ? { content: { 'application/json': { schema: ref(op.success.name) } } } : {}),
    },
  };
  for (const answer of op.errors) responses[String(answer.status)] = errorResponse(answer);
  return {
    operationId: op.operationId,
    tags: [op.portal],
    summary: op.summary,
    description: op.description,
    security: op.auth === 'none' ? [] : [{ [op.auth === 'parent' ? 'parentToken' : 'capToken']: [] }],
    ...(op.parameters
      ? {
          parameters: op.parameters.map((p) => ({
            name: p.name, in: p.in, required: p.required, description: p.description, schema: plain(z.toJSONSchema(p.schema, { io: 'input' }) as Json),
          })),
        }
      : {}),
    ...(op.body ? { requestBody: { required: op.body.required, content: { 'application/json': { schema: ref(op.body.name) } } } } : {}),
    responses,
  };
}

const DESCRIPTION = [
  'The HTTP contract between the Reset Console and a hosted-telephony provider\'s portals: the Parent Admin',
  'Portal (`/pap/v1`), the Customer Admin Portal (`/cap/v1`) and the My Phone Next end-user portal (`/mpn/v1`).',
  'A real deployment answers it from an adapter in front of the vendor\'s API; see docs/portal-api.md and',
  'docs/connecting-a-real-portal.md in the repository.',
  '',
  'JSON bodies, UTF-8; times are ISO-8601 in UTC; optional fields that are absent are `null`. Every error is a',
  'non-2xx status with `{"error": {"code", "message"}}`. Tokens live 30 minutes after their last use.',
  'Bodies over 64 KiB answer 413 `payload_too_large`; unknown fields are ignored. On every route:',
  ...routeErrors.map((e) => `${e.status} \`${e.codes.join('`, `')}\` — ${e.description}`),
].join('\n');

export function buildOpenApiDocument(): Json {
  const paths: Record<string, Json> = {};
  for (const op of operations) paths[op.path] = { ...(paths[op.path] ?? {}), [op.method]: operationObject(op) };
  return {
    openapi: '3.1.0',
    info: {
      title: 'Portal API',
      version: '1.1.0',
      description: DESCRIPTION,
      license: { name: 'UNLICENSED (internal to the Reset Console project)', identifier: 'LicenseRef-Proprietary' },
    },
    servers: [{ url: 'http://127.0.0.1:4010', description: 'The portal simulator (`npm run portal-sim -- --port 4010`).' }],
    tags: [
      { name: 'Parent Admin Portal', description: 'Sign-in, customers, Access CAP and finding a caller.' },
      { name: 'Customer Admin Portal', description: "One customer's users: search, details, Email and password resets." },
      { name: 'My Phone Next', description: 'The end-user portal: forgot password, sign-in, changing the password.' },
    ],
    paths,
    components: {
      securitySchemes: {
        parentToken: { type: 'http', scheme: 'bearer', description: 'The `token` of a parent-admin sign-in.' },
        capToken: { type: 'http', scheme: 'bearer', description: 'The `capToken` of Access CAP, scoped to one customer.' },
      },
      schemas: componentSchemas(),
    },
  };
}

/** The document as committed: two-space JSON with a final newline. */
export const openApiText = (): string => `${JSON.stringify(buildOpenApiDocument(), null, 2)}\n`;
