import { describe, expect, it } from 'vitest';
import { chromiumSandboxPolicy } from './chromium-flags';

describe('the browser shell’s Chromium', () => {
  it("keeps Chromium's sandbox on, except as root, and says so", () => {
    expect(chromiumSandboxPolicy(1000)).toEqual({ sandbox: true, notice: null });
    const root = chromiumSandboxPolicy(0);
    expect(root.sandbox).toBe(false);
    expect(root.notice).toMatch(/^Running as root: .*without it/);
    expect(root.notice).not.toContain('\n');
  });
});
