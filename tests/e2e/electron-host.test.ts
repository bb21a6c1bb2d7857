import { describe, expect, it } from 'vitest';
import { _electron as electron } from 'playwright-core';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { findElectronRuntime } = require('../../scripts/electron-runtime.cjs') as { findElectronRuntime(): { path: string | null; reason: string | null } };

const runtime = findElectronRuntime();

describe('Electron host', () => {
  it.skipIf(!runtime.path)(`starts the real window and answers app:info${runtime.path ? '' : ` — skipped: ${runtime.reason}`}`, async () => {
    const app = await electron.launch({ executablePath: runtime.path!, args: ['.', '--demo'] });
    try {
      const page = await app.firstWindow();
      expect(page.url()).toBe('app://console/');
      const info = await page.evaluate(() => window.api.app.info({}));
      expect(info).toMatchObject({ ok: true, data: { host: 'electron' } });
      const nodeVisible = await page.evaluate(() => typeof (globalThis as Record<string, unknown>).require);
      expect(nodeVisible).toBe('undefined');
    } finally {
      await app.close();
    }
  });
});
