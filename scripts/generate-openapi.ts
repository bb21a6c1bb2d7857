/**
 * Writes docs/portal-api.openapi.json from the zod schemas of Portal API v1.1.
 *
 *   npm run openapi
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openApiText } from '../src/shared/portal-wire-v1/openapi';

writeFileSync(join(__dirname, '..', 'docs', 'portal-api.openapi.json'), openApiText());
process.stdout.write('Wrote docs/portal-api.openapi.json\n');
