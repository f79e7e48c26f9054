/**
 * Builds the three parts of the desktop lab (../shared/design.md):
 *   main      src-main/app/main.ts      Electron's main process (ESM)
 *   preload   src-main/app/preload.ts   one CommonJS bundle (the sandbox requires it)
 *   renderer  src-renderer/             the Vue UI, also served by the browser host
 * `electron-vite build` needs no Electron binary; output goes to out/.
 */
import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import vue from '@vitejs/plugin-vue';

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      // bundle the dependencies too: the worker runs unpacked from the asar archive, where
      // node_modules cannot be reached (electron-builder.yml asarUnpack). Except piscina (the
      // worker pool), which starts its own worker file from its folder: it ships unpacked.
      externalizeDeps: false,
      rollupOptions: {
        input: { main: resolve('src-main/app/main.ts'), worker: resolve('src-main/app/worker.ts') },
        external: ['piscina'],
        // .mjs: ES modules wherever they end up (the worker runs unpacked, away from package.json)
        output: { format: 'es', entryFileNames: '[name].mjs', chunkFileNames: 'chunks/[name]-[hash].mjs' },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rollupOptions: {
        input: { preload: resolve('src-main/app/preload.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'src-renderer',
    base: './',
    plugins: [vue()],
    build: {
      outDir: resolve('out/renderer'),
      emptyOutDir: true,
      // electron-vite leaves the renderer unminified by default; the payload is 2x smaller minified (bench/renderer.ts)
      minify: 'esbuild',
      rollupOptions: { input: resolve('src-renderer/index.html') },
    },
  },
});
