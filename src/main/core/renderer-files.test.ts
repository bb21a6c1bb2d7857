import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readRendererFile } from './renderer-files';

describe('readRendererFile', () => {
  const root = mkdtempSync(join(tmpdir(), 'renderer-'));
  mkdirSync(join(root, 'assets'));
  writeFileSync(join(root, 'index.html'), '<!doctype html>');
  writeFileSync(join(root, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(tmpdir(), 'outside-secret.html'), 'secret');

  it('serves index.html for the root and files with their type', async () => {
    expect((await readRendererFile(root, '/'))?.contentType).toContain('text/html');
    expect((await readRendererFile(root, '/assets/app.js'))?.body.toString()).toBe('console.log(1)');
  });

  it.each(['/../outside-secret.html', '/..%2foutside-secret.html', '/%2e%2e/outside-secret.html', '/assets/%00.js', '/%E0%A4%A'])(
    'refuses %s',
    async (path) => {
      expect(await readRendererFile(root, path)).toBeNull();
    },
  );

  it('refuses unknown file types and missing files', async () => {
    writeFileSync(join(root, 'notes.txt'), 'x');
    expect(await readRendererFile(root, '/notes.txt')).toBeNull();
    expect(await readRendererFile(root, '/missing.js')).toBeNull();
  });
});
