import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const { runGate } = require('../../../scripts/security-gate.cjs') as {
  runGate(input: string): { electronVersion: string; findings: { id: string; severity: string }[]; blocking: { id: string; severity: string }[] };
};

describe('static security gate (Electronegativity)', () => {
  it('finds no high or medium issue in the console’s sources, for the Electron version we ship', () => {
    const result = runGate('src');
    expect(result.electronVersion).toMatch(/^\d+\.\d+\.\d+$/);
    expect(result.blocking).toEqual([]);
  });

  it('fails on a deliberately insecure app, naming what is wrong', () => {
    const result = runGate('tests/lint/fixtures/insecure-electron-app');
    const ids = result.blocking.map((f) => f.id);
    expect(ids).toEqual(expect.arrayContaining(['CONTEXT_ISOLATION_JS_CHECK', 'SANDBOX_JS_CHECK', 'WEB_SECURITY_JS_CHECK', 'LIMIT_NAVIGATION_GLOBAL_CHECK']));
  });
});
