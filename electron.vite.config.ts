import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  main: {
    build: {
      // Two hosts, one core: the Electron entry and the browser shell's CLI, bundled so neither compiles TypeScript at start.
      rollupOptions: {
        input: { index: resolve(__dirname, 'src/main/electron/index.ts'), 'browser-shell': resolve(__dirname, 'src/main/browser-shell/cli.ts') },
        external: ['keytar', 'electron', 'playwright-core'],
      },
    },
  },
  preload: {
    build: {
      // A sandboxed preload cannot load modules at run time: bundle everything, emit CommonJS.
      externalizeDeps: false,
      rollupOptions: { input: { index: resolve(__dirname, 'src/preload/index.ts') }, external: ['electron'], output: { format: 'cjs', entryFileNames: '[name].cjs' } },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    base: './',
    build: { minify: true, rollupOptions: { input: resolve(__dirname, 'src/renderer/index.html') } },
    plugins: [react()],
  },
});
