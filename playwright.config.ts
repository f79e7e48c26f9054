/**
 * End-to-end tests: the production renderer bundle (out/renderer, built by `npm run test:e2e`)
 * served with LabApi by the browser host on 127.0.0.1, driven in Debian's Chromium
 * (/usr/bin/chromium; never `npx playwright install`). Screenshots go to test-results/ (not committed).
 * E2E_BASE_URL points the tests at a host that is already running instead of starting one.
 */
import { defineConfig } from '@playwright/test';

const port = Number(process.env.E2E_PORT ?? 5188);
const external = process.env.E2E_BASE_URL;
// a fresh data folder per run, so saved progress never leaks between runs
const data = `test-results/e2e-data-${process.pid}`;

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '*.spec.ts',
  outputDir: 'test-results/e2e',
  timeout: 90_000,
  expect: { timeout: 20_000 },
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: external ?? `http://127.0.0.1:${port}`,
    viewport: { width: 1600, height: 1000 },
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
  },
  webServer: external
    ? undefined
    : {
        command: `node bin/serve.mjs --port ${port} --data ${data}`,
        url: `http://127.0.0.1:${port}/`,
        reuseExistingServer: false,
        timeout: 120_000,
        stdout: 'pipe',
        stderr: 'pipe',
      },
});
