import { config } from 'zod';

/**
 * Shared modules the renderer imports (e.g. the error table) build zod schemas at load time, and zod
 * probes `new Function` to decide whether to compile fast parsers. Under the renderer's CSP that probe
 * is a reported `eval` violation. Jitless mode skips the probe; this module must be imported first.
 */
config({ jitless: true });
