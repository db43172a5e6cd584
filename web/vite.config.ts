import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/**
 * The UI builds to ONE script and ONE stylesheet with fixed names (dist-web/assets/app.js,
 * app.css): the server serves them as files, and the HTML report inlines exactly these two into
 * a single self-contained page, which a code-split or hashed build would make fragile.
 */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: fileURLToPath(new URL('../dist-web', import.meta.url)),
    emptyOutDir: true,
    cssCodeSplit: false,
    modulePreload: false,
    assetsInlineLimit: 100_000,
    // One bundle is the point (see above); 500 kB is mostly Cytoscape.
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      output: {
        entryFileNames: 'assets/app.js',
        assetFileNames: 'assets/app[extname]',
        codeSplitting: false,
      },
    },
  },
});
