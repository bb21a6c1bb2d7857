import { describe, expect, it } from 'vitest';
import { defaultUserDataDir } from './user-data-dir';

describe('defaultUserDataDir', () => {
  it('is the folder Electron would use, named after the product, on each platform', () => {
    expect(defaultUserDataDir({}, 'linux', '/home/sam')).toBe('/home/sam/.config/Reset Console');
    expect(defaultUserDataDir({ XDG_CONFIG_HOME: '/cfg' }, 'linux', '/home/sam')).toBe('/cfg/Reset Console');
    expect(defaultUserDataDir({}, 'darwin', '/Users/sam')).toBe('/Users/sam/Library/Application Support/Reset Console');
    expect(defaultUserDataDir({ APPDATA: 'C:\\Users\\sam\\AppData\\Roaming' }, 'win32', 'C:\\Users\\sam')).toContain('Reset Console');
  });
});
