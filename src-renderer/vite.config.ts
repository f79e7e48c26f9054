/**
 * The renderer alone, for `vite build --config src-renderer/vite.config.ts`: the same settings as
 * the renderer section of electron.vite.config.ts (root src-renderer, output out/renderer), so
 * the browser host's bundle can be built without the Electron parts.
 */
import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';

export default defineConfig({
  root: resolve(import.meta.dirname, '.'),
  base: './',
  plugins: [vue()],
  build: {
    outDir: resolve(import.meta.dirname, '../out/renderer'),
    emptyOutDir: true,
    rollupOptions: { input: resolve(import.meta.dirname, 'index.html') },
  },
});
