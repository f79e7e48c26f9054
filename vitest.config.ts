import { defineConfig } from 'vitest/config';
import vue from '@vitejs/plugin-vue';

export default defineConfig({
  // the renderer's .vue components (their tests pick happy-dom per file)
  plugins: [vue()],
  test: {
    include: ['src-main/**/*.test.ts', 'tests/**/*.test.ts', 'src-renderer/**/*.test.ts'],
    testTimeout: 60_000,
    // tests start the built worker and command line (out/node): build them first when stale
    globalSetup: ['tests/global-setup.ts'],
    pool: 'threads',
  },
});
