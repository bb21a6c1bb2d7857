import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

const vendorChunks: [chunk: string, packages: RegExp][] = [
  ['vendor', /[\\/]node_modules[\\/](react|react-dom|scheduler|@tanstack)[\\/]/],
  ['mantine', /[\\/]node_modules[\\/](@mantine|@floating-ui|react-remove-scroll|react-number-format|react-textarea-autosize|use-callback-ref|use-sidecar|react-style-singleton|get-nonce|tslib|detect-node-es|clsx|type-fest)[\\/]/],
];

function vendorChunkOf(id: string): string | undefined {
  return vendorChunks.find(([, packages]) => packages.test(id))?.[0];
}

export default defineConfig({
  main: {
    build: {
      // Two hosts, one core: the Electron entry and the browser shell's CLI, bundled so neither compiles TypeScript at start.
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'src/main/electron/index.ts'),
          'browser-shell': resolve(__dirname, 'src/main/browser-shell/cli.ts'),
          // The browser shell's core runs on a worker thread, from its own file (core-thread.ts).
          'core-worker': resolve(__dirname, 'src/main/browser-shell/core-worker.ts'),
        },
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
    build: {
      minify: true,
      // One stylesheet: one request through the browser shell's page.route instead of one per chunk.
      cssCodeSplit: false,
      rollupOptions: {
        input: resolve(__dirname, 'src/renderer/index.html'),
        // Vendor code in two chunks of its own: neither crosses Vite's 500 kB warning, and few files mean few
        // round trips through the browser shell's page.route at every start.
        output: { manualChunks: vendorChunkOf },
      },
    },
    plugins: [react()],
  },
});
